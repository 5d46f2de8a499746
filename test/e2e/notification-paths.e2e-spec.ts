/**
 * Issue 12 item 2 through HTTP: a looked-after child's death without abuse or neglect (notified to the Secretary of
 * State and Ofsted, its own clock, no Panel clocks, to its end), a care leaver's death, a death later found to be a
 * serious incident, and the Panel's notification fields recorded and read back by each role, the history never
 * holding a child's details.
 */
import { TestApp } from '../support/test-app';
import { INCIDENT, makeTeam, sendEvent, setToday, step, Team } from '../support/case-helpers';

/** A looked-after child died; abuse or neglect is not suspected. Every new field given. */
const LOOKED_AFTER_DEATH = {
  ...INCIDENT,
  nature: 'looked-after-death',
  incidentType: 'death',
  abuseOrNeglect: 'not-suspected',
  lookedAfter: true,
  localAuthorityOfResidence: 'Northshire County Council',
  localAuthorityOfIncident: 'Southshire Council',
  harmCategories: [],
  contributingFactors: ['child-mental-health'],
  children: [
    {
      ageYears: 15,
      sex: 'male',
      ethnicity: 'BAFR',
      disability: 'disabled',
      disabilityTypes: ['LD'],
      plans: ['looked-after'],
      placementType: 'childrens-home',
      knownToAgencies: ['local-authority', 'education'],
    },
  ],
};

/** What a child's details look like, in any text a reader could see: none may appear where they are restricted. */
const CHILD_VALUES = /BAFR|WBRI|childrens-home|foster-placement|"LD"|AUT|disabled|ageYears|What happened|Summary of/;

describe("The Panel's notification fields and a looked-after child's death, through HTTP", () => {
  let t: TestApp;
  let team: Team;

  beforeAll(async () => {
    t = await TestApp.start();
    team = await makeTeam(t);
  }, 60_000);
  afterAll(() => t.close());

  const get = async (token: string, path: string) =>
    (await t.http.get(path).auth(token, { type: 'bearer' }).expect(200)).body;

  async function open(body: Record<string, unknown>, laAwareOn = '2026-01-05') {
    return t.http
      .post('/cases')
      .auth(team.bu, { type: 'bearer' })
      .send({ ...body, laAwareOn });
  }

  const rulesOf = (view: { deadlines: { rule: string }[] }) => view.deadlines.map((d) => d.rule);

  it("takes a looked-after child's death without abuse or neglect from notification to its end, on its own clock", async () => {
    setToday(t, '2026-01-05');
    const opened = await open(LOOKED_AFTER_DEATH);
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body).toMatchObject({
      stage: 'notification',
      state: 'notification.awaiting-sos-ofsted-notification',
    });
    // Monday 5 January 2026 + 5 working days = Monday 12 January; no Panel clocks: the Panel does not consider it.
    expect(opened.body.deadlines).toEqual([
      { rule: 'inform-partners', startedOn: '2026-01-05', dueOn: '2026-01-12', status: 'open' },
      { rule: 'notify-sos-ofsted', startedOn: '2026-01-05', dueOn: '2026-01-12', status: 'open' },
    ]);
    expect(opened.body.allowedEvents).not.toContain('notification.submitted');
    const refused = await sendEvent(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-05' });
    expect(refused.status).toBe(409);
    expect(refused.body.details.state).toBe('notification.awaiting-sos-ofsted-notification');

    setToday(t, '2026-01-08');
    await step(t, team.bu, id, 'partners.informed', { informedOn: '2026-01-07' });
    const notified = await step(t, team.bu, id, 'sos-ofsted.notified', { notifiedOn: '2026-01-08' });
    expect(notified.state).toBe('notification.sos-ofsted-notified');
    expect(notified.deadlines).toEqual([
      { rule: 'inform-partners', startedOn: '2026-01-05', dueOn: '2026-01-12', stoppedOn: '2026-01-07', status: 'met' },
      {
        rule: 'notify-sos-ofsted',
        startedOn: '2026-01-05',
        dueOn: '2026-01-12',
        stoppedOn: '2026-01-08',
        status: 'met',
      },
    ]);
    expect(notified.allowedEvents).toEqual(expect.arrayContaining(['notification.criteria-met', 'case.closed']));
    const again = await sendEvent(t, team.bu, id, 'sos-ofsted.notified', { notifiedOn: '2026-01-08' });
    expect([again.status, again.body.message]).toEqual([
      422,
      'The Secretary of State and Ofsted were already recorded as notified on 2026-01-08',
    ]);

    setToday(t, '2026-02-02');
    const closed = await step(t, team.bu, id, 'case.closed');
    expect(closed).toMatchObject({ stage: 'closed', state: 'closed', allowedEvents: [] });

    const record = await get(team.bu, `/cases/${id}/record`);
    expect(record.notificationPath).toEqual({
      path: 'looked-after-death',
      nature: 'looked-after-death',
      toSosOfsted: true,
      sosOfstedNotifiedOn: '2026-01-08',
    });
    expect(record.notification).toEqual({ laAwareOn: '2026-01-05', partnersInformedOn: '2026-01-07' });
    const history = await get(team.scrutineer, `/cases/${id}/history`);
    expect(history.map((e: { type: string; to: string }) => [e.type, e.to])).toEqual([
      ['case.opened', 'notification.awaiting-sos-ofsted-notification'],
      ['partners.informed', 'notification.awaiting-sos-ofsted-notification'],
      ['sos-ofsted.notified', 'notification.sos-ofsted-notified'],
      ['case.closed', 'closed'],
    ]);
  });

  it("takes a care leaver's death up to the age of 24 on the same path", async () => {
    setToday(t, '2026-01-05');
    const body = {
      ...INCIDENT,
      nature: 'care-leaver-death',
      incidentType: 'death',
      abuseOrNeglect: 'suspected',
      children: [{ ageYears: 20, sex: 'female' }],
    };
    const opened = await open(body);
    expect(opened.status).toBe(201);
    expect(opened.body.state).toBe('notification.awaiting-sos-ofsted-notification');
    expect(rulesOf(opened.body)).toEqual(['inform-partners', 'notify-sos-ofsted']);
    const tooOld = await open({ ...body, children: [{ ageYears: 25, sex: 'female' }] });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body.details).toEqual([
      { field: 'children.0.ageYears', messages: ['ageYears must be a whole number from 0 to 24'] },
    ]);
  });

  it("runs both notifications for a looked-after child's death with abuse or neglect suspected", async () => {
    setToday(t, '2026-01-05');
    const opened = await open({ ...LOOKED_AFTER_DEATH, abuseOrNeglect: 'suspected' });
    expect(opened.body.state).toBe('notification.awaiting-notification');
    expect(rulesOf(opened.body)).toEqual(['notify-panel', 'inform-partners', 'rapid-review', 'notify-sos-ofsted']);
    setToday(t, '2026-01-07');
    const id = opened.body.id;
    await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-07' });
    const recorded = await step(t, team.bu, id, 'sos-ofsted.notified', { notifiedOn: '2026-01-07' });
    expect(recorded.state).toBe('rapid-review.gathering');
    expect(recorded.deadlines.find((d: { rule: string }) => d.rule === 'notify-sos-ofsted')).toMatchObject({
      stoppedOn: '2026-01-07',
      status: 'met',
    });
  });

  it("moves a looked-after child's death onto the serious incident path, the Panel's clocks from that day", async () => {
    setToday(t, '2026-01-05');
    const id = (await open(LOOKED_AFTER_DEATH)).body.id;
    setToday(t, '2026-01-06');
    await step(t, team.bu, id, 'sos-ofsted.notified', { notifiedOn: '2026-01-06' });
    setToday(t, '2026-01-20');
    const moved = await step(t, team.bu, id, 'notification.criteria-met', {
      awareOn: '2026-01-20',
      abuseOrNeglect: 'suspected',
    });
    expect(moved.state).toBe('notification.awaiting-notification');
    // Tuesday 20 January 2026: the Panel within 5 working days (27 January), the rapid review within 15 (10 February).
    expect(moved.deadlines.map((d: { rule: string; dueOn: string }) => [d.rule, d.dueOn])).toEqual([
      ['notify-panel', '2026-01-27'],
      ['inform-partners', '2026-01-12'],
      ['rapid-review', '2026-02-10'],
      ['notify-sos-ofsted', '2026-01-12'],
    ]);
    const record = await get(team.leadPartner, `/cases/${id}/record`);
    expect(record.notificationPath).toMatchObject({
      path: 'serious-incident',
      openedAs: 'looked-after-death',
      criteriaMetOn: '2026-01-20',
    });
    expect(record.incident.abuseOrNeglect).toBe('suspected');
    expect((await step(t, team.bu, id, 'notification.submitted', { submittedOn: '2026-01-20' })).state).toBe(
      'rapid-review.gathering',
    );
  });

  it("records the Panel's fields after opening, and each role reads what it may; the history holds no child's details", async () => {
    setToday(t, '2026-01-05');
    const id = (await open(LOOKED_AFTER_DEATH)).body.id;
    setToday(t, '2026-01-09');
    await step(t, team.bu, id, 'incident.details-recorded', {
      harmCategories: ['neglect'],
      contributingFactors: ['child-mental-health', 'online-harm'],
    });
    await step(t, team.subgroup, id, 'child.details-recorded', {
      child: 1,
      ethnicity: 'WBRI',
      placementType: 'foster-placement',
      disabilityTypes: ['LD', 'AUT'],
      disability: 'disabled',
    });

    const full = await get(team.bu, `/cases/${id}/record`);
    expect(full.incident).toMatchObject({
      localAuthorityOfResidence: 'Northshire County Council',
      localAuthorityOfIncident: 'Southshire Council',
      harmCategories: ['neglect'],
      contributingFactors: ['child-mental-health', 'online-harm'],
      children: [
        {
          ageYears: 15,
          sex: 'male',
          ethnicity: 'WBRI',
          disability: 'disabled',
          disabilityTypes: ['LD', 'AUT'],
          plans: ['looked-after'],
          placementType: 'foster-placement',
          knownToAgencies: ['local-authority', 'education'],
        },
      ],
    });
    expect(full.notificationPath.detailsRecordedOn).toBe('2026-01-09');
    for (const token of [team.scrutineer, team.la]) {
      expect((await get(token, `/cases/${id}/record`)).incident.children).toEqual(full.incident.children);
    }

    const lead = await get(team.leadPartner, `/cases/${id}/record`);
    expect(lead.restricted).toEqual(['children', 'summary']);
    expect(lead.incident).toEqual({
      incidentOn: '2026-01-03',
      incidentType: 'death',
      abuseOrNeglect: 'not-suspected',
      lookedAfter: true,
      localAuthorityOfResidence: 'Northshire County Council',
      localAuthorityOfIncident: 'Southshire Council',
      harmCategories: ['neglect'],
      contributingFactors: ['child-mental-health', 'online-harm'],
    });

    for (const token of [team.leadPartner, team.bu, team.admin]) {
      const history = await t.http.get(`/cases/${id}/history`).auth(token, { type: 'bearer' }).expect(200);
      expect(history.text).not.toMatch(CHILD_VALUES);
      const recorded = history.body.filter((e: { type: string }) => e.type.endsWith('details-recorded'));
      expect(recorded.map((e: { type: string; payload: unknown }) => [e.type, e.payload])).toEqual([
        [
          'incident.details-recorded',
          { harmCategories: ['neglect'], contributingFactors: ['child-mental-health', 'online-harm'] },
        ],
        ['child.details-recorded', { child: 1, changed: ['placementType', 'ethnicity', 'disabilityTypes'] }],
      ]);
    }
  });

  it('refuses what the notification cannot be, in the contract order', async () => {
    setToday(t, '2026-01-05');
    const notSuspected = await open({ ...INCIDENT, abuseOrNeglect: 'not-suspected' });
    expect(notSuspected.status).toBe(400);
    expect(notSuspected.body.details).toEqual([
      {
        field: 'abuseOrNeglect',
        messages: [
          'abuseOrNeglect can be not-suspected only for the death of a looked-after child or of a care leaver (nature); a serious incident needs abuse or neglect known or suspected',
        ],
      },
    ]);
    const unknownAgency = await open({
      ...INCIDENT,
      children: [{ ageYears: 4, sex: 'female', knownToAgencies: ['zoo'] }],
    });
    expect(unknownAgency.status).toBe(422);

    const id = (await open(LOOKED_AFTER_DEATH)).body.id;
    const lead = await sendEvent(t, team.leadPartner, id, 'child.details-recorded', { child: 1, ethnicity: 'WBRI' });
    expect(lead.status).toBe(403);
    const secondChild = await sendEvent(t, team.bu, id, 'child.details-recorded', { child: 2, ethnicity: 'WBRI' });
    expect(secondChild.status).toBe(422);
    expect(secondChild.body.message).toBe('child must be from 1 to 1: the notification is about one child');
    const notACode = await sendEvent(t, team.bu, id, 'child.details-recorded', { child: 1, ethnicity: 'White' });
    expect(notACode.status).toBe(400);
  });

  it("keeps opening a first-contract serious incident as before, and a first-contract looked-after child's death tells the Secretary of State too", async () => {
    setToday(t, '2026-01-05');
    const plain = await open(INCIDENT);
    expect(plain.body.state).toBe('notification.awaiting-notification');
    expect(rulesOf(plain.body)).toEqual(['notify-panel', 'inform-partners', 'rapid-review']);
    expect((await get(team.bu, `/cases/${plain.body.id}/record`)).notificationPath).toEqual({
      path: 'serious-incident',
      nature: 'serious-incident',
      toSosOfsted: false,
    });
    const death = await open({ ...INCIDENT, incidentType: 'death', lookedAfter: true });
    expect(rulesOf(death.body)).toEqual(['notify-panel', 'inform-partners', 'rapid-review', 'notify-sos-ofsted']);
  });
});
