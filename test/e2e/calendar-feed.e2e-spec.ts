/**
 * Issue 13, "Deadlines in Outlook": a person's private calendar feed, read by a real ICS parser (node-ical) as a
 * calendar application would: one all-day event per open deadline of the cases they work on, moved (not doubled)
 * when a due date moves, gone when met; nothing about a child; the address revocable, replaceable, and 404 once
 * revoked, for a deactivated owner, or for anyone guessing.
 */
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CalendarFeedEntity, UserEntity } from '@app/auth';
import { RULE_TITLES, type RuleId } from '@app/workflows';
import { INCIDENT, makeTeam, openCase, setToday, step, toAgreedDecision, type Team } from '../support/case-helpers';
import { csrfTokenOf, pageClient, signInThroughForm } from '../support/page-session';
import { icsDay, icsEvents, unfoldIcs, type IcsEvent } from '../support/ics';
import { TestApp } from '../support/test-app';
import { addMember, createPartnership, firstPartnership } from '../support/partnerships';

/** Text set on the case that must never reach a calendar (a child's details, the summary, places, free text). */
const CHILD_DATA = {
  summary: 'FEEDCHECK-SUMMARY: found unresponsive at home (test data).',
  ethnicity: 'FEEDCHECK-ETHNICITY',
  disability: 'FEEDCHECK-DISABILITY',
  localAuthorityOfResidence: 'Feedcheck Residence Council',
  localAuthorityOfIncident: 'Feedcheck Incident Borough',
  actionDescription: 'FEEDCHECK-ACTION: review the health visitor contact with the twins (test).',
  actionOwner: 'FEEDCHECK-OWNER named lead',
};

describe('Calendar feed of open deadlines (ICS)', () => {
  let t: TestApp;
  let team: Team;
  let caseId: string;
  let reference: string;

  beforeAll(async () => {
    // Over http, so the page session's cookie (Secure under https) comes back to the test's client.
    t = await TestApp.start({ env: { PUBLIC_URL: 'http://127.0.0.1' } });
    team = await makeTeam(t, 'feed-');
    setToday(t, '2026-01-06');
    const opened = await t.http
      .post('/cases')
      .auth(team.bu, { type: 'bearer' })
      .send({
        ...INCIDENT,
        laAwareOn: '2026-01-05',
        incidentOn: '2026-01-01',
        summary: CHILD_DATA.summary,
        children: [{ ageYears: 13, sex: 'male', ethnicity: CHILD_DATA.ethnicity, disability: CHILD_DATA.disability }],
        localAuthorityOfResidence: CHILD_DATA.localAuthorityOfResidence,
        localAuthorityOfIncident: CHILD_DATA.localAuthorityOfIncident,
      })
      .expect(201);
    caseId = opened.body.id;
    reference = opened.body.reference;
    await step(t, team.bu, caseId, 'agency-return.requested', { agency: 'police', requestedOn: '2026-01-06' });
    await step(t, team.bu, caseId, 'notification.submitted', { submittedOn: '2026-01-06' });
    await step(t, team.bu, caseId, 'partners.informed', { informedOn: '2026-01-06' });
    await step(t, team.subgroup, caseId, 'action.added', {
      actionId: 'A-1',
      description: CHILD_DATA.actionDescription,
      owner: CHILD_DATA.actionOwner,
      dueOn: '2026-02-27',
      owningAgency: 'health',
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const get = (token: string, path: string) => t.http.get(path).auth(token, { type: 'bearer' });
  async function turnOn(token: string): Promise<string> {
    const res = await t.http.post('/users/me/calendar-feed').auth(token, { type: 'bearer' }).expect(201);
    expect(res.body).toEqual({ url: expect.any(String), createdAt: expect.any(String) });
    return res.body.url as string;
  }
  /** The path of a feed's address (the test app is reached without its public host). */
  const pathOf = (url: string) => {
    expect(url.startsWith(`${t.config.publicUrl}/calendar-feeds/`)).toBe(true);
    return url.slice(t.config.publicUrl.length);
  };
  async function fetchFeed(url: string): Promise<{ text: string; events: IcsEvent[] }> {
    const res = await t.http.get(pathOf(url));
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
      status: 200,
      type: 'text/calendar; charset=utf-8',
    });
    expect(res.headers['cache-control']).toContain('no-store');
    const text = res.text;
    const events = icsEvents(text);
    return { text, events };
  }
  /** The events the case's running deadlines should make: `[title, due date]`, by the API's own view of the case. */
  async function expectedEvents(token: string, id: string, ref: string): Promise<[string, string][]> {
    const view = (await get(token, `/cases/${id}`).expect(200)).body as {
      deadlines: { rule: RuleId; subject?: string; dueOn: string; status: string }[];
    };
    return view.deadlines
      .filter((d) => d.status === 'open' || d.status === 'overdue')
      .map((d): [string, string] => [`${ref}: ${RULE_TITLES[d.rule]}${d.subject ? ` (${d.subject})` : ''}`, d.dueOn]);
  }
  const summariesAndDays = (events: IcsEvent[]) =>
    events.map((e): [string, string] => [e.summary, icsDay(e.start)]).sort((a, b) => a[0].localeCompare(b[0]));
  const uidBySummary = (events: IcsEvent[]) => new Map(events.map((e) => [e.summary, e.uid]));

  it('holds one all-day event per running deadline, then moves an event when its date moves and drops a met one', async () => {
    expect((await get(team.bu, '/users/me/calendar-feed').expect(200)).body).toEqual({ active: false });
    const url = await turnOn(team.bu);
    const status = (await get(team.bu, '/users/me/calendar-feed').expect(200)).body;
    expect(status).toEqual({ active: true, createdAt: expect.any(String) });
    expect(JSON.stringify(status)).not.toContain(url.split('/').at(-1)!.replace('.ics', ''));

    // No token: the address is the secret.
    const before = await fetchFeed(url);
    const expected = await expectedEvents(team.bu, caseId, reference);
    expect(expected.map(([title]) => title)).toEqual(
      expect.arrayContaining([
        `${reference}: Send the rapid review to the Panel`,
        `${reference}: Agency return (police)`,
        `${reference}: Complete the action (A-1)`,
      ]),
    );
    expect(summariesAndDays(before.events)).toEqual([...expected].sort((a, b) => a[0].localeCompare(b[0])));
    for (const event of before.events) {
      expect(event.start.dateOnly).toBe(true);
      expect(event.description).toBe(`${t.config.publicUrl}/cases/${caseId}`);
      expect(event.uid).toMatch(/^[0-9a-f]{32}@practice-review$/);
    }
    expect(before.text).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
    const rapidReview = `${reference}: Send the rapid review to the Panel`;
    expect(expected.find(([title]) => title === rapidReview)![1]).toBe('2026-01-26');

    // The local authority learnt of it on Friday 2 January: every clock counted from that day moves earlier.
    await step(t, team.bu, caseId, 'fact.corrected', {
      fact: 'laAwareOn',
      value: '2026-01-02',
      reason: 'The referral came in on Friday 2 January.',
    });
    // The police's return comes in: its clock stops, and its event leaves the calendar.
    await step(t, team.bu, caseId, 'agency-return.received', { agency: 'police', receivedOn: '2026-01-06' });
    const after = await fetchFeed(url);
    const expectedAfter = await expectedEvents(team.bu, caseId, reference);
    expect(summariesAndDays(after.events)).toEqual([...expectedAfter].sort((a, b) => a[0].localeCompare(b[0])));
    expect(after.events.length).toBe(before.events.length - 1);
    expect(after.events.map((e) => e.summary)).not.toContain(`${reference}: Agency return (police)`);
    // 15 working days from Friday 2 January: Friday 23 January, no longer Monday 26 January.
    const moved = after.events.find((e) => e.summary === rapidReview)!;
    expect(icsDay(moved.start)).toBe('2026-01-23');
    // The same event, moved: its id is the one it had.
    expect(moved.uid).toBe(uidBySummary(before.events).get(rapidReview));
    expect(new Set(after.events.map((e) => e.uid)).size).toBe(after.events.length);
  });

  it("never holds a child's details, the summary, the local authorities or an action's description", async () => {
    const url = await turnOn(team.scrutineer);
    const { text, events } = await fetchFeed(url);
    expect(events.length).toBeGreaterThan(0);
    const unfolded = unfoldIcs(text);
    for (const value of Object.values(CHILD_DATA)) {
      expect({ value, found: unfolded.toLowerCase().includes(value.toLowerCase()) }).toEqual({ value, found: false });
    }
    for (const word of ['FEEDCHECK', 'Feedcheck', 'male', 'twins', 'health visitor'])
      expect(unfolded).not.toContain(word);
  });

  it('replacing the address stops the old one at once; turning the feed off stops the new one', async () => {
    const first = await turnOn(team.subgroup);
    await fetchFeed(first);
    const second = await turnOn(team.subgroup);
    expect(second).not.toBe(first);
    const gone = await t.http.get(pathOf(first));
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ statusCode: 404, code: 'not-found' });
    await fetchFeed(second);
    // Only its hash is kept, and one feed per person.
    const rows = await t.get(DataSource).getRepository(CalendarFeedEntity).find();
    const token = second.split('/').at(-1)!.replace('.ics', '');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);

    await t.http.delete('/users/me/calendar-feed').auth(team.subgroup, { type: 'bearer' }).expect(204);
    expect((await t.http.get(pathOf(second))).status).toBe(404);
    expect((await get(team.subgroup, '/users/me/calendar-feed').expect(200)).body).toEqual({ active: false });
    // Turning off what is off changes nothing.
    await t.http.delete('/users/me/calendar-feed').auth(team.subgroup, { type: 'bearer' }).expect(204);
  });

  it('turned on several times at once: every request succeeds, the last one wins and only its address works', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/users/me/calendar-feed').auth(team.la, { type: 'bearer' })),
    );
    expect(answers.map((res) => res.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const urls = answers.map((res) => res.body.url as string);
    expect(new Set(urls).size).toBe(urls.length);
    const statuses = await Promise.all(urls.map(async (url) => (await t.http.get(pathOf(url))).status));
    expect(statuses.filter((status) => status === 200)).toEqual([200]);
    expect(statuses.filter((status) => status !== 200)).toEqual([404, 404, 404, 404, 404]);
  });

  it('answers 404, never 401, to unknown and malformed addresses, and notes when a calendar last read it', async () => {
    for (const path of [
      `/calendar-feeds/${'A'.repeat(43)}.ics`,
      '/calendar-feeds/short.ics',
      `/calendar-feeds/${'A'.repeat(43)}.ics.ics`,
      `/calendar-feeds/${'%27%20OR%201%3D1'}.ics`,
    ]) {
      const res = await t.http.get(path).set('Accept', 'text/calendar');
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const url = await turnOn(team.health);
    await fetchFeed(url);
    const status = (await get(team.health, '/users/me/calendar-feed').expect(200)).body;
    expect(status).toEqual({ active: true, createdAt: expect.any(String), lastReadAt: expect.any(String) });
  });

  it('answers about your feed with Cache-Control: no-store, so no cache keeps the address shown once', async () => {
    const read = await get(team.police, '/users/me/calendar-feed').expect(200);
    const made = await t.http.post('/users/me/calendar-feed').auth(team.police, { type: 'bearer' }).expect(201);
    const off = await t.http.delete('/users/me/calendar-feed').auth(team.police, { type: 'bearer' }).expect(204);
    expect([read, made, off].map((res) => res.headers['cache-control'])).toEqual(['no-store', 'no-store', 'no-store']);
  });

  it('limits a feed read too often by itself: another feed read from the same address still answers', async () => {
    const busy = pathOf(await turnOn(team.la));
    const quiet = pathOf(await turnOn(team.leadPartner));
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await t.http.get(busy)).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const limited = await t.http.get(busy);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429 });
    expect((await t.http.get(quiet)).status).toBe(200);
  });

  it('refuses an admin with no case role, and fields in the body', async () => {
    expect((await t.http.post('/users/me/calendar-feed').auth(team.admin, { type: 'bearer' })).status).toBe(403);
    const withField = await t.http
      .post('/users/me/calendar-feed')
      .auth(team.bu, { type: 'bearer' })
      .send({ userId: '00000000-0000-4000-8000-000000000000' });
    expect(withField.status).toBe(400);
    expect(withField.body.details).toEqual([{ field: 'userId', messages: ['userId is not a known field'] }]);
    expect((await t.http.post('/users/me/calendar-feed').send({})).status).toBe(401);
  });

  it('stops answering once its owner is deactivated', async () => {
    const member = await addMember(t, await firstPartnership(t), 'feed-leaver', {
      email: 'feed-leaver@partnership.test',
      roles: ['subgroup-member'],
    });
    const url = await turnOn(member.token);
    await fetchFeed(url);
    await t.http.patch(`/users/${member.id}`).auth(team.admin, { type: 'bearer' }).send({ active: false }).expect(200);
    expect((await t.http.get(pathOf(url))).status).toBe(404);
    await t.get(DataSource).getRepository(UserEntity).update({ id: member.id }, { active: true });
    expect((await t.http.get(pathOf(url))).status).toBe(200);
  });

  it("shows a lead reviewer only the case they review, and another partnership's people none of these cases", async () => {
    const reviewer = await addMember(t, await firstPartnership(t), 'feed-reviewer', {
      email: 'feed-reviewer@partnership.test',
      roles: ['lead-reviewer'],
    });
    setToday(t, '2026-01-05');
    const theirs = await openCase(t, team.bu, '2026-01-05');
    await toAgreedDecision(t, team, theirs.id);
    setToday(t, '2026-01-21');
    await step(t, team.bu, theirs.id, 'rapid-review.submitted', { submittedOn: '2026-01-21' });
    await step(t, team.bu, theirs.id, 'panel.responded', { response: 'agrees', respondedOn: '2026-01-21' });
    await step(t, team.bu, theirs.id, 'lcspr.reviewer-appointed', {
      reviewerName: 'Riley Reviewer',
      independent: true,
      reviewerUserId: reviewer.id,
    });
    const theirRef = theirs.reference as string;

    const { events } = await fetchFeed(await turnOn(reviewer.token));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.summary.startsWith(`${theirRef}: `))).toBe(true);
    expect(events.every((e) => e.description === `${t.config.publicUrl}/cases/${theirs.id}`)).toBe(true);
    expect(summariesAndDays(events)).toEqual(
      [...(await expectedEvents(team.bu, theirs.id, theirRef))].sort((a, b) => a[0].localeCompare(b[0])),
    );

    // The business unit sees both cases' deadlines.
    const bu = await fetchFeed(await turnOn(team.bu));
    expect(new Set(bu.events.map((e) => e.description))).toEqual(
      new Set([`${t.config.publicUrl}/cases/${caseId}`, `${t.config.publicUrl}/cases/${theirs.id}`]),
    );

    // Another partnership's business unit: its own case only (with the same reference as ours).
    const other = await createPartnership(t, 'Elsewhere Safeguarding Partnership', 'admin@elsewhere-feed.test');
    const otherBu = await addMember(t, other, 'other bu', {
      email: 'bu@elsewhere-feed.test',
      roles: ['business-unit'],
    });
    const otherCase = await openCase(t, otherBu.token, '2026-01-19');
    const elsewhere = await fetchFeed(await turnOn(otherBu.token));
    expect(elsewhere.events.length).toBeGreaterThan(0);
    expect(elsewhere.events.every((e) => e.description === `${t.config.publicUrl}/cases/${otherCase.id}`)).toBe(true);
    expect(elsewhere.text).not.toContain(caseId);
    expect(elsewhere.text).not.toContain(theirs.id);
    expect(elsewhere.text).toContain('Elsewhere Safeguarding Partnership');
  }, 60_000);

  it("adds the partnership's duties for the business unit and lead partners only", async () => {
    setToday(t, '2026-01-21');
    await t.http
      .post('/partnership/duties/annual-report')
      .auth(team.bu, { type: 'bearer' })
      .send({ publishedOn: '2026-01-20', url: 'https://partnership.test/annual-report-2025' })
      .expect(201);
    const duty = (events: IcsEvent[]) => events.filter((e) => e.summary.startsWith('Partnership duty: '));
    const lead = duty((await fetchFeed(await turnOn(team.leadPartner))).events);
    expect(summariesAndDays(lead)).toEqual([
      ['Partnership duty: Publish the annual report', '2027-01-20'],
      ['Partnership duty: Send the annual report to the Panel and the What Works Centre', '2026-01-27'],
    ]);
    expect(lead.every((e) => e.description === `${t.config.publicUrl}/manage/duties`)).toBe(true);
    expect(duty((await fetchFeed(await turnOn(team.police))).events)).toEqual([]);
  });
  it('the page shows the address once, in the answer to its POST (no-store), and never again', async () => {
    const password = 'feed page password, long';
    await t.http
      .post('/users')
      .auth(team.admin, { type: 'bearer' })
      .send({ email: 'feed-page@partnership.test', name: 'Page Person', password, roles: ['subgroup-member'] })
      .expect(201);
    const browser = pageClient(t);
    await signInThroughForm(browser, 'feed-page@partnership.test', password);
    const off = await browser.get('/account/calendar').set('Accept', 'text/html').expect(200);
    expect(off.text).toContain('Turn on the calendar feed');
    const refused = await browser.post('/account/calendar').type('form').send({});
    expect(refused.status).toBe(403);
    const on = await browser
      .post('/account/calendar')
      .type('form')
      .send({ _csrf: csrfTokenOf(off.text) });
    expect(on.status).toBe(200);
    expect(on.headers['cache-control']).toContain('no-store');
    const url = /value="([^"]*\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(on.text)![1];
    expect(on.text).toContain(`href="${url.replace(/^https?:/, 'webcal:')}"`);
    expect((await fetchFeed(url)).events.length).toBeGreaterThan(0);
    const again = await browser.get('/account/calendar').set('Accept', 'text/html').expect(200);
    expect(again.text).not.toContain(pathOf(url));
    expect(again.text).toContain('Replace the address');
    const offAgain = await browser
      .post('/account/calendar/off')
      .type('form')
      .send({ _csrf: csrfTokenOf(again.text) })
      .expect(303);
    expect(offAgain.headers.location).toBe('/account/calendar');
    expect((await t.http.get(pathOf(url))).status).toBe(404);
  });
});

describe('Calendar feed: the per-address ceiling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lets one address read 600 feeds a minute (a shared reader, like Google), then stops it guessing', async () => {
    const guess = () => `/calendar-feeds/${randomBytes(32).toString('base64url')}.ics`;
    const statuses: number[] = [];
    for (let i = 0; i < 600; i++) statuses.push((await t.http.get(guess())).status);
    expect(statuses.filter((status) => status !== 404)).toEqual([]);
    expect((await t.http.get(guess())).status).toBe(429);
  }, 60_000);
});
