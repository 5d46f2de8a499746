import { Clock } from '@app/common';
import type { TestApp } from './test-app';

export interface Team {
  admin: string;
  bu: string;
  subgroup: string;
  la: string;
  police: string;
  health: string;
  scrutineer: string;
  leadPartner: string;
}

/** Moves the service's clock: "today" for every command is the London date of this instant. */
export function setToday(t: TestApp, date: string): void {
  t.get(Clock).now = () => new Date(`${date}T10:00:00Z`);
}

export async function makeTeam(t: TestApp, prefix = ''): Promise<Team> {
  const admin = await t.login();
  const user = async (name: string, roles: string[], agency?: string) =>
    (await t.userWithToken(admin, { email: `${prefix}${name}@partnership.test`, roles, ...(agency ? { agency } : {}) }))
      .token;
  return {
    admin,
    bu: await user('bu', ['business-unit']),
    subgroup: await user('subgroup', ['subgroup-member']),
    la: await user('dcs', ['delegated-partner'], 'local-authority'),
    police: await user('police', ['delegated-partner'], 'police'),
    health: await user('nurse', ['delegated-partner'], 'health'),
    scrutineer: await user('scrutineer', ['scrutineer']),
    leadPartner: await user('ceo', ['lead-partner'], 'local-authority'),
  };
}

export const INCIDENT = {
  incidentOn: '2026-01-03',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
  children: [{ ageYears: 4, sex: 'female' }],
  summary: 'Summary of the incident (test data).',
};

export async function openCase(t: TestApp, token: string, laAwareOn = '2026-01-05') {
  const res = await t.http
    .post('/cases')
    .auth(token, { type: 'bearer' })
    .send({ ...INCIDENT, laAwareOn });
  if (res.status !== 201) throw new Error(`open case: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; [k: string]: unknown };
}

export function sendEvent(
  t: TestApp,
  token: string,
  caseId: string,
  type: string,
  payload: Record<string, unknown> = {},
) {
  return t.http
    .post(`/cases/${caseId}/events`)
    .auth(token, { type: 'bearer' })
    .send({ type, ...payload });
}

/** Sends an event that must succeed and returns the CaseView. */
export async function step(
  t: TestApp,
  token: string,
  caseId: string,
  type: string,
  payload: Record<string, unknown> = {},
) {
  const res = await sendEvent(t, token, caseId, type, payload);
  if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function deadline(view: { deadlines: { rule: string; status?: string; dueOn?: string }[] }, rule: string) {
  return view.deadlines.find((d) => d.rule === rule);
}

/** Takes a fresh case to an agreed decision with the given recommendation (today moves along the way). */
export async function toAgreedDecision(t: TestApp, team: Team, caseId: string, recommendation = 'lcspr') {
  setToday(t, '2026-01-07');
  await step(t, team.bu, caseId, 'notification.submitted', { submittedOn: '2026-01-07' });
  await step(t, team.bu, caseId, 'partners.informed', { informedOn: '2026-01-07' });
  setToday(t, '2026-01-15');
  await step(t, team.subgroup, caseId, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
  await step(t, team.subgroup, caseId, 'rapid-review.recommended', {
    recommendation,
    rationale: 'Criteria met (test).',
  });
  setToday(t, '2026-01-20');
  await step(t, team.la, caseId, 'decision.signed-off', { decision: 'agree' });
  await step(t, team.police, caseId, 'decision.signed-off', { decision: 'agree' });
  return step(t, team.health, caseId, 'decision.signed-off', { decision: 'agree' });
}
