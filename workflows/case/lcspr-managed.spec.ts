/**
 * Issue 12 item 5: the LCSPR managed (machine version 2): a planned completion date, agreed extensions told to the
 * Panel and the Secretary of State, progress reviews, involvement, and the lead reviewer who records drafts.
 */
import type { Actor } from '../actors';
import { refusalFor } from './case.permissions';
import { stateOf } from './case-engine';
import { actors, dates, ev, play, reach, refuse, steps } from './case-test-kit.spec';

const inProgress = () => reach('lcspr.in-progress');
const extend = (newCompletionOn = '2026-10-30', today = '2026-06-15', actor: Actor = actors.subgroup) =>
  ev({ type: 'lcspr.extended', reason: 'trial listed for the autumn', newCompletionOn }, today, actor);
const notified = (informedOn = '2026-06-18', today = informedOn) =>
  ev({ type: 'lcspr.extension-notified', informedOn }, today);
const appoint = (reviewerUserId?: string) =>
  ev(
    {
      type: 'lcspr.reviewer-appointed',
      reviewerName: 'Sam Reviewer',
      independent: true,
      ...(reviewerUserId ? { reviewerUserId } : {}),
    },
    '2026-02-16',
  );

describe('the planned completion date', () => {
  it('is recorded while the review is in progress or paused', () => {
    const plan = ev({ type: 'lcspr.completion-planned', plannedCompletionOn: '2026-07-10' }, '2026-02-16');
    expect(play(inProgress(), plan).context.lcspr.plannedCompletionOn).toBe('2026-07-10');
    expect(play(reach('lcspr.paused'), { ...plan, today: dates.pausedOn }).context.lcspr.plannedCompletionOn).toBe(
      '2026-07-10',
    );
  });

  it('cannot be before the decision (422)', () => {
    const plan = ev({ type: 'lcspr.completion-planned', plannedCompletionOn: '2026-01-20' }, '2026-02-16');
    expect(refuse(inProgress(), plan)).toEqual({
      kind: 'rule-violated',
      message: `plannedCompletionOn (2026-01-20) cannot be before the decision (${dates.decidedOn})`,
    });
  });
});

describe('an agreed extension', () => {
  it("fixes the review's due date on the new completion date and starts the notice clock the day it was agreed", () => {
    const s = play(inProgress(), extend());
    expect(s.context.clocks['lcspr-publish']).toEqual({
      startedOn: dates.decidedOn,
      pauses: [],
      dueOn: '2026-10-30',
      dueFixedOn: '2026-06-15',
    });
    expect(s.context.clocks['lcspr-extension-notice']).toEqual({ startedOn: '2026-06-15', pauses: [] });
    expect(s.context.lcspr.extensions).toEqual([
      { reason: 'trial listed for the autumn', newCompletionOn: '2026-10-30', agreedOn: '2026-06-15' },
    ]);
    expect(stateOf(s)).toBe('lcspr.in-progress');
  });

  it('is dated the day it was agreed when recorded later, and may be agreed while the review is paused', () => {
    const late = { ...extend('2026-10-30', '2026-03-10'), occurredOn: '2026-03-05' };
    const s = play(reach('lcspr.paused'), late);
    expect(stateOf(s)).toBe('lcspr.paused');
    expect(s.context.clocks['lcspr-publish']).toMatchObject({ dueOn: '2026-10-30', dueFixedOn: '2026-03-05' });
    expect(s.context.clocks['lcspr-extension-notice']?.startedOn).toBe('2026-03-05');
  });

  it('keeps every extension, and a later one must go beyond the last (422)', () => {
    const s = play(inProgress(), extend(), notified(), extend('2026-12-18', '2026-10-01'));
    expect(s.context.lcspr.extensions?.map((e) => e.newCompletionOn)).toEqual(['2026-10-30', '2026-12-18']);
    expect(s.context.clocks['lcspr-publish']?.dueOn).toBe('2026-12-18');
    expect(s.context.clocks['lcspr-extension-notice']).toEqual({ startedOn: '2026-10-01', pauses: [] });
    expect(refuse(s, extend('2026-12-01', '2026-10-02'))).toEqual({
      kind: 'rule-violated',
      message: 'newCompletionOn (2026-12-01) must be after the date of the last extension (2026-12-18)',
    });
  });

  it('needs a new completion date after today (422)', () => {
    expect(refuse(inProgress(), extend('2026-06-15', '2026-06-15'))).toEqual({
      kind: 'rule-violated',
      message: 'newCompletionOn (2026-06-15) must be after today (2026-06-15)',
    });
  });

  it('is refused outside the review (409)', () => {
    expect(refuse(reach('publication.unscheduled'), extend())).toMatchObject({ kind: 'illegal-transition' });
  });
});

describe('telling the Panel and the Secretary of State of the extension', () => {
  it('stops the notice clock and records the day on every extension not yet told', () => {
    const s = play(inProgress(), extend(), notified('2026-06-19'));
    expect(s.context.clocks['lcspr-extension-notice']).toEqual({
      startedOn: '2026-06-15',
      pauses: [],
      stoppedOn: '2026-06-19',
    });
    expect(s.context.lcspr.extensions?.[0].informedOn).toBe('2026-06-19');
  });

  it('is refused with no extension waiting, before the extension, or in the future (422)', () => {
    expect(refuse(inProgress(), notified())).toEqual({
      kind: 'rule-violated',
      message: 'No extension is waiting to be told to the Panel and the Secretary of State',
    });
    expect(refuse(play(inProgress(), extend()), notified('2026-06-12', '2026-06-16'))).toEqual({
      kind: 'rule-violated',
      message: 'informedOn (2026-06-12) cannot be before the extension (2026-06-15)',
    });
    expect(refuse(play(inProgress(), extend()), notified('2026-06-17', '2026-06-16'))).toEqual({
      kind: 'rule-violated',
      message: 'informedOn (2026-06-17) cannot be in the future',
    });
    expect(refuse(play(inProgress(), extend(), notified()), notified('2026-06-20'))).toMatchObject({
      kind: 'rule-violated',
    });
  });
});

describe('progress reviews and involvement', () => {
  it('records each progress review with who recorded it, in progress or paused', () => {
    const review = (on: string) => ev({ type: 'lcspr.progress-reviewed', reviewedOn: on, note: 'on track' }, on);
    const s = play(inProgress(), review('2026-03-01'), steps.pause(), review('2026-03-09'));
    expect(s.context.lcspr.progressReviews).toEqual([
      { reviewedOn: '2026-03-01', note: 'on track', by: actors.bu.id },
      { reviewedOn: '2026-03-09', note: 'on track', by: actors.bu.id },
    ]);
  });

  it('records practitioner and family involvement', () => {
    const involve = (who: 'practitioners' | 'family', on: string) =>
      ev({ type: 'lcspr.involvement-recorded', who, involvedOn: on, note: 'learning event' }, on, actors.subgroup);
    const s = play(inProgress(), involve('practitioners', '2026-03-20'), involve('family', '2026-04-02'));
    expect(s.context.lcspr.involvement).toEqual([
      { who: 'practitioners', involvedOn: '2026-03-20', note: 'learning event', by: actors.subgroup.id },
      { who: 'family', involvedOn: '2026-04-02', note: 'learning event', by: actors.subgroup.id },
    ]);
  });

  it('refuses dates before the decision or in the future (422)', () => {
    expect(
      refuse(inProgress(), ev({ type: 'lcspr.progress-reviewed', reviewedOn: '2026-01-10', note: 'n' }, '2026-03-01')),
    ).toEqual({
      kind: 'rule-violated',
      message: `reviewedOn (2026-01-10) cannot be before the decision (${dates.decidedOn})`,
    });
    expect(
      refuse(
        inProgress(),
        ev({ type: 'lcspr.involvement-recorded', who: 'family', involvedOn: '2026-03-02', note: 'n' }, '2026-03-01'),
      ),
    ).toEqual({ kind: 'rule-violated', message: 'involvedOn (2026-03-02) cannot be in the future' });
  });

  it.each([actors.leadPartner, actors.la, actors.reviewer])('refuses them from $name (403)', (actor) => {
    const review = ev({ type: 'lcspr.progress-reviewed', reviewedOn: '2026-03-01', note: 'n' }, '2026-03-01', actor);
    expect(refuse(inProgress(), review)).toMatchObject({ kind: 'forbidden' });
    expect(refuse(inProgress(), extend('2026-10-30', '2026-06-15', actor))).toMatchObject({ kind: 'forbidden' });
  });
});

describe('the lead reviewer', () => {
  const reviewer = actors.reviewer;
  const draftBy = (actor: Actor) =>
    ev({ type: 'lcspr.draft-received', receivedOn: dates.draftOn }, dates.draftOn, actor);

  it("keeps the reviewer's account with the reviewer (version 2)", () => {
    expect(play(inProgress(), appoint(reviewer.id)).context.lcspr.reviewer).toEqual({
      name: 'Sam Reviewer',
      independent: true,
      userId: reviewer.id,
    });
    expect(play(inProgress(), appoint()).context.lcspr.reviewer).toEqual({ name: 'Sam Reviewer', independent: true });
  });

  it('records a draft on the case they are appointed to', () => {
    const s = play(inProgress(), appoint(reviewer.id), draftBy(reviewer));
    expect(s.context.lcspr.draftsReceived).toEqual([dates.draftOn]);
  });

  it('may not record a draft on a case they are not appointed to (403)', () => {
    expect(refuse(inProgress(), draftBy(reviewer))).toEqual({
      kind: 'forbidden',
      message: 'lcspr.draft-received is sent by a lead reviewer only on a case they are appointed to review',
    });
    const other = { ...reviewer, id: 'u-lr2' };
    expect(refuse(play(inProgress(), appoint(reviewer.id)), draftBy(other))).toMatchObject({ kind: 'forbidden' });
  });

  it('sends nothing else, even on their own case (403)', () => {
    const s = play(inProgress(), appoint(reviewer.id));
    expect(refuse(s, ev({ type: 'lcspr.terms-agreed', agreedOn: '2026-02-20' }, '2026-02-20', reviewer))).toEqual({
      kind: 'forbidden',
      message: 'lcspr.terms-agreed is sent only by the business unit or a subgroup member',
    });
  });

  it('holds a case worker who is also a lead reviewer to nothing more than a case worker', () => {
    const both: Actor = { id: 'u-both', name: 'Both', roles: ['business-unit', 'lead-reviewer'] };
    expect(refusalFor(both, 'lcspr.draft-received', inProgress().context)).toBeUndefined();
  });
});
