import { ADMIN } from './service';

export interface Team {
  admin: string;
  bu: string;
  subgroup: string;
  la: string;
  police: string;
  health: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: ${status} ${body.slice(0, 500)}`);
  }
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new HttpError(res.status, text, `${method} ${path}`);
  return text ? JSON.parse(text) : undefined;
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const body = (await call(baseUrl, 'POST', '/auth/login', undefined, { email, password })) as { accessToken: string };
  return body.accessToken;
}

function benchUser(name: string): { email: string; password: string } {
  return { email: `${name}@bench.test`, password: `bench password for ${name}` };
}

/** The business unit's sign-in, for the pages. */
export const BUSINESS_UNIT = benchUser('bu');

/** The business unit, the subgroup and the three delegated partners, created through the API as the admin. */
export async function createTeam(baseUrl: string): Promise<Team> {
  const admin = await login(baseUrl, ADMIN.email, ADMIN.password);
  const user = async (name: string, roles: string[], agency?: string) => {
    const { email, password } = benchUser(name);
    await call(baseUrl, 'POST', '/users', admin, { email, password, name, roles, ...(agency ? { agency } : {}) });
    return login(baseUrl, email, password);
  };
  return {
    admin,
    bu: await user('bu', ['business-unit']),
    subgroup: await user('subgroup', ['subgroup-member']),
    la: await user('dcs', ['delegated-partner'], 'local-authority'),
    police: await user('police', ['delegated-partner'], 'police'),
    health: await user('nurse', ['delegated-partner'], 'health'),
  };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The whole LCSPR journey of one case, as its users drive it: 26 commands from the incident to closure. The service
 * runs on real time, so every date is today (or, for awareness, a few days before).
 */
export function lcsprJourney(
  team: Team,
  today: string,
): { token: string; type: string; payload?: Record<string, unknown> }[] {
  return [
    { token: team.bu, type: 'notification.submitted', payload: { submittedOn: today } },
    { token: team.bu, type: 'partners.informed', payload: { informedOn: today } },
    { token: team.subgroup, type: 'agency-return.received', payload: { agency: 'local-authority' } },
    { token: team.subgroup, type: 'agency-return.received', payload: { agency: 'police' } },
    { token: team.subgroup, type: 'agency-return.received', payload: { agency: 'health' } },
    { token: team.subgroup, type: 'rapid-review.meeting-held', payload: { heldOn: today } },
    {
      token: team.subgroup,
      type: 'rapid-review.recommended',
      payload: { recommendation: 'lcspr', rationale: 'Criteria met (benchmark).' },
    },
    { token: team.la, type: 'decision.signed-off', payload: { decision: 'agree' } },
    { token: team.police, type: 'decision.signed-off', payload: { decision: 'agree' } },
    { token: team.health, type: 'decision.signed-off', payload: { decision: 'agree' } },
    { token: team.bu, type: 'rapid-review.submitted', payload: { submittedOn: today } },
    { token: team.bu, type: 'panel.responded', payload: { response: 'agrees', respondedOn: today } },
    {
      token: team.subgroup,
      type: 'lcspr.reviewer-appointed',
      payload: { reviewerName: 'A. Reviewer', independent: true },
    },
    { token: team.subgroup, type: 'lcspr.terms-agreed', payload: { agreedOn: today } },
    { token: team.subgroup, type: 'lcspr.methodology-agreed', payload: { agreedOn: today } },
    { token: team.subgroup, type: 'lcspr.draft-received', payload: { receivedOn: today } },
    { token: team.la, type: 'lcspr.final-report-signed-off', payload: { decision: 'agree' } },
    { token: team.police, type: 'lcspr.final-report-signed-off', payload: { decision: 'agree' } },
    { token: team.health, type: 'lcspr.final-report-signed-off', payload: { decision: 'agree' } },
    { token: team.bu, type: 'publication.scheduled', payload: { plannedOn: addDays(today, 30) } },
    { token: team.bu, type: 'publication.report-sent', payload: { sentOn: today } },
    {
      token: team.bu,
      type: 'publication.published',
      payload: { publishedOn: today, url: 'https://partnership.bench/reports/1' },
    },
    {
      token: team.subgroup,
      type: 'action.added',
      payload: { actionId: 'A1', description: 'Training', owner: 'LA', dueOn: addDays(today, 60) },
    },
    { token: team.subgroup, type: 'action.completed', payload: { actionId: 'A1', completedOn: today } },
    { token: team.subgroup, type: 'case.closed' },
  ];
}

export const INCIDENT = {
  incidentOn: '',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
  children: [{ ageYears: 4, sex: 'female' }],
  summary: 'Benchmark case (synthetic).',
};

/**
 * Runs `journeys` whole journeys, one after another, as one client; returns each command's latency in ms.
 * Opening the case counts as a command.
 */
export async function runClient(baseUrl: string, team: Team, today: string, journeys: number): Promise<number[]> {
  const latencies: number[] = [];
  const timed = async (fn: () => Promise<unknown>) => {
    const started = performance.now();
    const result = await fn();
    latencies.push(performance.now() - started);
    return result;
  };
  const aware = addDays(today, -3);
  for (let j = 0; j < journeys; j++) {
    const opened = (await timed(() =>
      call(baseUrl, 'POST', '/cases', team.bu, { ...INCIDENT, incidentOn: aware, laAwareOn: aware }),
    )) as { id: string };
    for (const command of lcsprJourney(team, today)) {
      await timed(() =>
        call(baseUrl, 'POST', `/cases/${opened.id}/events`, command.token, { type: command.type, ...command.payload }),
      );
    }
  }
  return latencies;
}
