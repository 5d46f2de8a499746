import { TestApp } from '../support/test-app';
import { deadline, makeTeam, openCase, sendEvent, setToday, step, Team } from '../support/case-helpers';

describe('An LCSPR case from notification to closure, through HTTP alone', () => {
  let t: TestApp;
  let team: Team;
  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
  });
  afterAll(() => t.close());

  it('runs every stage with the statutory deadlines, sign-offs, refusals and a complete history', async () => {
    setToday(t, '2026-01-06');
    const opened = await openCase(t, team.bu, '2026-01-05');
    expect(opened).toMatchObject({
      stage: 'notification',
      state: 'notification.awaiting-notification',
      version: 1,
      machineVersion: 2,
    });
    expect(opened.reference).toMatch(/^CSPR-2026-\d{4}$/);
    expect(opened.deadlines).toEqual([
      { rule: 'notify-panel', startedOn: '2026-01-05', dueOn: '2026-01-12', status: 'open' },
      { rule: 'inform-partners', startedOn: '2026-01-05', dueOn: '2026-01-12', status: 'open' },
      { rule: 'rapid-review', startedOn: '2026-01-05', dueOn: '2026-01-26', status: 'open' },
    ]);
    const id = opened.id;

    const tooEarly = await sendEvent(t, team.bu, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'x',
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body).toMatchObject({
      code: 'illegal-transition',
      details: {
        state: 'notification.awaiting-notification',
        allowedEvents: expect.arrayContaining(['notification.submitted']),
      },
    });

    setToday(t, '2026-01-07');
    let view = await step(t, team.bu, id, 'notification.submitted', {
      submittedOn: '2026-01-07',
      panelReference: 'P-123',
    });
    expect(view.stage).toBe('rapid-review');
    expect(deadline(view, 'notify-panel')).toMatchObject({ stoppedOn: '2026-01-07', status: 'met' });

    setToday(t, '2026-01-14');
    view = await step(t, team.bu, id, 'partners.informed', { informedOn: '2026-01-13' });
    expect(deadline(view, 'inform-partners')).toMatchObject({ stoppedOn: '2026-01-13', status: 'late' });
    for (const agency of ['local-authority', 'police', 'health']) {
      await step(t, team.subgroup, id, 'agency-return.received', { agency });
    }
    await step(t, team.subgroup, id, 'rapid-review.meeting-held', { heldOn: '2026-01-14' });
    view = await step(t, team.subgroup, id, 'rapid-review.recommended', {
      recommendation: 'lcspr',
      rationale: 'Criteria met.',
    });
    expect(view).toMatchObject({ stage: 'decision', state: 'decision.awaiting-sign-off', signOffs: [] });

    const notAPartner = await sendEvent(t, team.bu, id, 'decision.signed-off', { decision: 'agree' });
    expect(notAPartner.status).toBe(403);

    setToday(t, '2026-01-20');
    await step(t, team.la, id, 'decision.signed-off', { decision: 'agree' });
    const twice = await sendEvent(t, team.la, id, 'decision.signed-off', { decision: 'agree' });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('rule-violated');
    await step(t, team.police, id, 'decision.signed-off', { decision: 'agree', comment: 'Agreed at exec group' });
    view = await step(t, team.health, id, 'decision.signed-off', { decision: 'agree' });
    expect(view.state).toBe('decision.agreed');
    expect(view.decision).toEqual({ outcome: 'lcspr', decidedOn: '2026-01-20' });
    expect(view.signOffs.map((s: { agency: string }) => s.agency)).toEqual(['local-authority', 'police', 'health']);

    setToday(t, '2026-01-21');
    view = await step(t, team.bu, id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    expect(view.stage).toBe('panel-response');
    expect(deadline(view, 'rapid-review')).toMatchObject({ stoppedOn: '2026-01-21', status: 'met' });

    setToday(t, '2026-02-02');
    view = await step(t, team.bu, id, 'panel.responded', { response: 'agrees', respondedOn: '2026-02-02' });
    expect(view.stage).toBe('lcspr');
    expect(deadline(view, 'lcspr-publish')).toEqual({
      rule: 'lcspr-publish',
      startedOn: '2026-01-20',
      dueOn: '2026-07-20',
      status: 'open',
    });

    await step(t, team.subgroup, id, 'lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true });
    await step(t, team.subgroup, id, 'lcspr.terms-agreed', { agreedOn: '2026-02-02' });
    await step(t, team.subgroup, id, 'lcspr.methodology-agreed', { agreedOn: '2026-02-02' });
    setToday(t, '2026-03-02');
    view = await step(t, team.subgroup, id, 'lcspr.paused', { reason: 'criminal-proceedings', detail: 'Trial listed' });
    expect(view.state).toBe('lcspr.paused');
    expect(deadline(view, 'lcspr-publish')!.status).toBe('paused');
    setToday(t, '2026-03-12');
    view = await step(t, team.subgroup, id, 'lcspr.resumed', { resumedOn: '2026-03-12' });
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ dueOn: '2026-07-30', status: 'open' });

    setToday(t, '2026-06-01');
    await step(t, team.subgroup, id, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
    await step(t, team.la, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    await step(t, team.police, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    view = await step(t, team.health, id, 'lcspr.final-report-signed-off', { decision: 'agree' });
    expect(view).toMatchObject({ stage: 'publication', state: 'publication.unscheduled' });

    setToday(t, '2026-06-10');
    view = await step(t, team.bu, id, 'publication.scheduled', { plannedOn: '2026-07-15' });
    expect(deadline(view, 'pre-publication')).toMatchObject({ dueOn: '2026-07-06', status: 'open' });
    const publishedUnsent = await sendEvent(t, team.bu, id, 'publication.published', {
      publishedOn: '2026-06-10',
      url: 'https://x.test/r',
    });
    expect(publishedUnsent.status).toBe(422);
    setToday(t, '2026-07-01');
    view = await step(t, team.bu, id, 'publication.report-sent', { sentOn: '2026-07-01' });
    expect(deadline(view, 'pre-publication')).toMatchObject({ stoppedOn: '2026-07-01', status: 'met' });
    setToday(t, '2026-07-15');
    view = await step(t, team.bu, id, 'publication.published', {
      publishedOn: '2026-07-15',
      url: 'https://partnership.test/reports/1',
    });
    expect(view.stage).toBe('learning');
    expect(deadline(view, 'lcspr-publish')).toMatchObject({ stoppedOn: '2026-07-15', status: 'met' });
    expect(deadline(view, 'keep-published')).toMatchObject({
      startedOn: '2026-07-15',
      dueOn: '2027-07-15',
      status: 'open',
    });

    await step(t, team.subgroup, id, 'action.added', {
      actionId: 'A1',
      description: 'Training',
      owner: 'LA',
      dueOn: '2026-09-01',
    });
    const closeEarly = await sendEvent(t, team.subgroup, id, 'case.closed');
    expect(closeEarly.status).toBe(422);
    expect(closeEarly.body.message).toMatch(/A1/);
    setToday(t, '2026-08-20');
    await step(t, team.subgroup, id, 'action.completed', { actionId: 'A1', completedOn: '2026-08-20' });
    view = await step(t, team.subgroup, id, 'case.closed');
    expect(view).toMatchObject({ stage: 'closed', state: 'closed', allowedEvents: [] });

    const history = await t.http.get(`/cases/${id}/history`).auth(team.scrutineer, { type: 'bearer' }).expect(200);
    expect(history.body[0]).toMatchObject({
      type: 'case.opened',
      from: null,
      to: 'notification.awaiting-notification',
    });
    expect(history.body.at(-1)).toMatchObject({ type: 'case.closed', from: 'learning.action-plan', to: 'closed' });
    expect(history.body).toHaveLength(view.version);
    expect(history.body.find((e: { type: string }) => e.type === 'decision.signed-off').actor).toMatchObject({
      roles: ['delegated-partner'],
      agency: 'local-authority',
    });
    const scrutineerWrite = await sendEvent(t, team.scrutineer, id, 'case.closed');
    expect(scrutineerWrite.status).toBe(403);
  });
});
