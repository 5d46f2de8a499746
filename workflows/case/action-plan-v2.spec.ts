/**
 * The action plan of machine version 2 (issue 12 item 3): recorded from the rapid review on, owned by a relevant
 * agency with a named lead, due on a clock of its own, tracked by progress updates, moved, completed or cancelled; the
 * case closes once none is open.
 */
import { DEFAULT_RELEVANT_AGENCIES, type Actor } from '../actors';
import { computeDeadlines } from '../rulebook/deadlines';
import { getRulebook } from '../rulebook/rules';
import type { DeadlineCalendar } from '../rulebook/types';
import { caseMachineV1 } from './case.machine';
import { dispatch, openCase, stateOf, type PersistedCaseSnapshot } from './case-engine';
import { ruleViolation } from './case.rules';
import type { CaseEvent } from './case.types';
import {
  actors,
  ALL_STATES,
  ev,
  LA_AWARE_ON,
  machine,
  play,
  reach,
  refuse,
  SIGN_OFF_AGENCIES,
  steps,
  type CaseState,
  type EventBody,
} from './case-test-kit.spec';
import { defaultActionSource } from './v2/action-plan';

const PLAN_STATES: CaseState[] = [
  'rapid-review.gathering',
  'decision.awaiting-sign-off',
  'decision.disputed',
  'decision.reconsidering',
  'decision.agreed',
  'decision.escalated',
  'panel-response.awaiting-response',
  'national-review.in-progress',
  'lcspr.in-progress',
  'lcspr.paused',
  'publication.unscheduled',
  'publication.scheduled',
  'publication.awaiting-panel-informed',
  'learning.action-plan',
];

type AddedBody = Extract<EventBody, { type: 'action.added' }>;

/** Police's action A-1, due on 16 January 2026. */
const ADD: AddedBody = {
  type: 'action.added',
  actionId: 'A-1',
  description: 'Review the out-of-hours referral route',
  owner: 'Police public protection unit',
  dueOn: '2026-01-16',
  owningAgency: 'police',
  lead: 'Detective Chief Inspector, Public Protection',
};
/** Adds A-1 on `today` (the subgroup). */
const add = (today = '2026-01-07', extra: Partial<AddedBody> = {}) => ev({ ...ADD, ...extra }, today, actors.subgroup);
const progress = (updatedOn: string, status: 'on-track' | 'at-risk' | 'off-track' | 'not-started', today = updatedOn) =>
  ev({ type: 'action.progress-updated', actionId: 'A-1', updatedOn, status, note: `update of ${updatedOn}` }, today);
const complete = (completedOn: string) => ev({ type: 'action.completed', actionId: 'A-1', completedOn }, completedOn);
const cancel = (today: string) => ev({ type: 'action.cancelled', actionId: 'A-1', reason: 'overtaken' }, today);
const moveDue = (dueOn: string, today: string) =>
  ev({ type: 'action.due-date-changed', actionId: 'A-1', dueOn, reason: 'agreed at the subgroup' }, today);

/** A v2 case with the partnership's relevant agencies, as the service opens it. */
function caseWithAgencies(): PersistedCaseSnapshot {
  const opened = openCase(machine, {
    laAwareOn: LA_AWARE_ON,
    signOffAgencies: [...SIGN_OFF_AGENCIES],
    relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES],
  });
  return play(opened, steps.notify());
}

/** Due dates here are fixed by the actions themselves: no day is ever counted. */
const noCounting: DeadlineCalendar = {
  isWorkingDay: () => true,
  addWorkingDays: () => {
    throw new Error('not counted');
  },
  workingDaysBetween: () => 0,
  addCalendarDays: () => {
    throw new Error('not counted');
  },
  addCalendarMonths: () => {
    throw new Error('not counted');
  },
};
const actionDeadlines = (s: PersistedCaseSnapshot, today: string) =>
  computeDeadlines(getRulebook(2).rules, s.context.facts, {}, today, noCounting, s.context.itemClocks).filter(
    (d) => d.rule === 'action-due',
  );

describe('where the action plan is kept', () => {
  it.each(PLAN_STATES)('accepts an action in %s, without moving the case', (state) => {
    const s = reach(state);
    const result = dispatch(machine, s, add('2026-12-01', { dueOn: '2026-12-31' }));
    expect(result).toMatchObject({ ok: true, from: state, to: state });
  });

  it.each(['notification.awaiting-notification', 'closed'] as const)('refuses actions in %s (409)', (state) => {
    expect(refuse(reach(state), add('2026-12-01', { dueOn: '2026-12-31' })).kind).toBe('illegal-transition');
  });

  it('covers every state but the notification and closed', () => {
    const notification = ALL_STATES.filter((state) => state.startsWith('notification.'));
    expect([...PLAN_STATES, ...notification, 'closed'].sort()).toEqual([...ALL_STATES].sort());
  });
});

describe('action.added', () => {
  it('records the owning agency, the lead and the source, and starts its clock due on its own date', () => {
    const s = play(reach('rapid-review.gathering'), add());
    expect(s.context.actions['A-1']).toEqual({
      description: 'Review the out-of-hours referral route',
      owner: 'Police public protection unit',
      dueOn: '2026-01-16',
      addedOn: '2026-01-07',
      owningAgency: 'police',
      lead: 'Detective Chief Inspector, Public Protection',
      source: 'rapid-review',
      progress: [],
    });
    expect(s.context.itemClocks).toEqual({
      'action-due:A-1': {
        rule: 'action-due',
        subject: 'A-1',
        startedOn: '2026-01-07',
        dueOn: '2026-01-16',
        pauses: [],
      },
    });
    expect(actionDeadlines(s, '2026-01-17')).toEqual([
      { rule: 'action-due', subject: 'A-1', startedOn: '2026-01-07', dueOn: '2026-01-16', status: 'overdue' },
    ]);
  });

  it('dates the action and its clock on the day the act happened when it is recorded later', () => {
    const s = play(reach('rapid-review.gathering'), { ...add('2026-01-09'), occurredOn: '2026-01-08' } as CaseEvent);
    expect(s.context.actions['A-1'].addedOn).toBe('2026-01-08');
    expect(s.context.itemClocks?.['action-due:A-1'].startedOn).toBe('2026-01-08');
  });

  it('keeps the source given, and adds an action without owner fields as a client of version 1 sends it', () => {
    const s = play(
      reach('lcspr.in-progress'),
      add('2026-03-02', { actionId: 'S-1', source: 'scrutiny', dueOn: '2026-04-01' }),
      steps.addAction('A1', '2026-03-03'),
    );
    expect(s.context.actions['S-1'].source).toBe('scrutiny');
    expect(s.context.actions.A1).toMatchObject({ owner: 'LA', dueOn: '2026-12-01', source: 'lcspr' });
    expect(s.context.actions.A1.owningAgency).toBeUndefined();
  });

  it.each([
    ['rapid-review.gathering', 'rapid-review'],
    ['decision.reconsidering', 'rapid-review'],
    ['panel-response.awaiting-response', 'rapid-review'],
    ['national-review.in-progress', 'national-review'],
    ['lcspr.in-progress', 'lcspr'],
    ['publication.scheduled', 'lcspr'],
    ['learning.action-plan', 'lcspr'],
  ] as const)('comes by default in %s from the %s', (state, source) => {
    expect(defaultActionSource(reach(state).context)).toBe(source);
  });

  it('comes by default from the rapid review in learning after a decision of no LCSPR, from a national review after one', () => {
    const noLcspr = play(
      reach('rapid-review.gathering'),
      steps.recommend('no-lcspr'),
      ...steps.allAgree(),
      steps.submit(),
      steps.panel('agrees'),
    );
    expect(stateOf(noLcspr)).toBe('learning.action-plan');
    expect(play(noLcspr, add('2026-02-11', { dueOn: '2026-03-01' })).context.actions['A-1'].source).toBe(
      'rapid-review',
    );
    const afterNational = play(
      reach('national-review.in-progress'),
      ev({ type: 'national-review.published', publishedOn: '2026-05-01' }, '2026-05-01'),
    );
    expect(defaultActionSource(afterNational.context)).toBe('national-review');
  });

  it("refuses an owning agency that is not one of the case's relevant agencies (422)", () => {
    const s = caseWithAgencies();
    expect(dispatch(machine, s, add('2026-01-07', { owningAgency: 'education' })).ok).toBe(true);
    const refusal = refuse(s, add('2026-01-07', { owningAgency: 'hospital-trust' }));
    expect(refusal).toEqual({ kind: 'rule-violated', message: expect.stringContaining('relevant agencies') });
  });

  it('offers a case with no list of relevant agencies the three statutory ones', () => {
    expect(refuse(reach('rapid-review.gathering'), add('2026-01-07', { owningAgency: 'education' })).kind).toBe(
      'rule-violated',
    );
  });

  it('refuses a due date before the day the action is added, accepts that day itself', () => {
    const s = reach('rapid-review.gathering');
    expect(refuse(s, add('2026-01-07', { dueOn: '2026-01-06' }))).toEqual({
      kind: 'rule-violated',
      message: 'dueOn (2026-01-06) cannot be before the day the action was added (2026-01-07)',
    });
    expect(dispatch(machine, s, add('2026-01-07', { dueOn: '2026-01-07' })).ok).toBe(true);
  });

  it('refuses a second action with the same reference', () => {
    expect(refuse(play(reach('rapid-review.gathering'), add()), add()).message).toBe('Action A-1 already exists');
  });

  it("refuses the owner fields on a case of version 1, whose machine would not keep them, and keeps version 1's rules", () => {
    const { itemClocks: _none, ...v1Context } = reach('learning.action-plan').context;
    const v1Add = (extra: Partial<AddedBody>) =>
      ev(
        { type: 'action.added', actionId: 'A9', description: 'd', owner: 'o', dueOn: '2026-01-01', ...extra },
        '2026-09-01',
      );
    expect(ruleViolation(v1Context, v1Add({ lead: 'DCI' }))).toBe(
      'lead can be recorded only on cases opened since version 2 of the case record',
    );
    // Version 1 never refused a due date in the past.
    expect(ruleViolation(v1Context, v1Add({}))).toBeUndefined();
  });
});

describe('version 1 is unchanged', () => {
  it('adds and completes actions only in learning, with no item clock', () => {
    let s = openCase(caseMachineV1, { laAwareOn: LA_AWARE_ON, signOffAgencies: [...SIGN_OFF_AGENCIES] });
    const run = (event: CaseEvent) => {
      const result = dispatch(caseMachineV1, s, event);
      if (!result.ok) throw new Error(JSON.stringify(result.refusal));
      s = result.snapshot;
    };
    run(steps.notify());
    expect(dispatch(caseMachineV1, s, add()).ok).toBe(false);
    for (const event of [steps.recommend('no-lcspr'), ...steps.allAgree(), steps.submit(), steps.panel('agrees')])
      run(event);
    run(steps.addAction('A1', '2026-02-11'));
    expect(s.context.actions.A1).toEqual({
      description: 'train staff',
      owner: 'LA',
      dueOn: '2026-12-01',
      addedOn: '2026-02-11',
    });
    expect(s.context.itemClocks).toBeUndefined();
    expect(dispatch(caseMachineV1, s, cancel('2026-02-12')).ok).toBe(false);
  });
});

describe('progress updates', () => {
  const added = () => play(reach('rapid-review.gathering'), add());

  it('keeps every update, in order; the latest gives the status', () => {
    const s = play(added(), progress('2026-01-09', 'on-track'), progress('2026-01-14', 'at-risk'));
    expect(s.context.actions['A-1'].progress).toEqual([
      { updatedOn: '2026-01-09', status: 'on-track', note: 'update of 2026-01-09' },
      { updatedOn: '2026-01-14', status: 'at-risk', note: 'update of 2026-01-14' },
    ]);
  });

  it.each([
    ['before the action was added', progress('2026-01-06', 'on-track', '2026-01-09'), 'cannot be before the action'],
    ['in the future', progress('2026-01-10', 'on-track', '2026-01-09'), 'cannot be in the future'],
  ])('refuses an update dated %s', (_label, event, message) => {
    expect(refuse(added(), event).message).toContain(message);
  });

  it('refuses an update dated before the latest one', () => {
    const s = play(added(), progress('2026-01-12', 'on-track'));
    expect(refuse(s, progress('2026-01-09', 'at-risk', '2026-01-13')).message).toBe(
      'updatedOn (2026-01-09) cannot be before the latest progress update (2026-01-12)',
    );
  });

  it('refuses an update of an action that does not exist, or is completed or cancelled', () => {
    expect(refuse(reach('rapid-review.gathering'), progress('2026-01-09', 'on-track')).message).toBe(
      'There is no action A-1',
    );
    expect(refuse(play(added(), complete('2026-01-09')), progress('2026-01-12', 'on-track')).message).toBe(
      'Action A-1 was already completed on 2026-01-09',
    );
    expect(refuse(play(added(), cancel('2026-01-09')), progress('2026-01-12', 'on-track')).message).toBe(
      'Action A-1 was cancelled on 2026-01-09',
    );
  });
});

describe('an agreed new due date', () => {
  it('moves the action and its clock, keeping the change and its reason', () => {
    const s = play(reach('rapid-review.gathering'), add(), moveDue('2026-02-13', '2026-01-12'));
    expect(s.context.actions['A-1']).toMatchObject({
      dueOn: '2026-02-13',
      dueDateChanges: [{ from: '2026-01-16', to: '2026-02-13', reason: 'agreed at the subgroup', on: '2026-01-12' }],
    });
    expect(s.context.itemClocks?.['action-due:A-1']).toMatchObject({ startedOn: '2026-01-07', dueOn: '2026-02-13' });
    expect(actionDeadlines(s, '2026-01-20')[0]).toMatchObject({ dueOn: '2026-02-13', status: 'open' });
  });

  it('refuses the same date, a date before the day it was agreed, or an action that is done', () => {
    const s = play(reach('rapid-review.gathering'), add());
    expect(refuse(s, moveDue('2026-01-16', '2026-01-12')).message).toBe('dueOn is already the due date (2026-01-16)');
    expect(refuse(s, moveDue('2026-01-09', '2026-01-12')).message).toBe(
      'dueOn (2026-01-09) cannot be before the day it was agreed (2026-01-12)',
    );
    expect(refuse(play(s, complete('2026-01-09')), moveDue('2026-02-13', '2026-01-12')).kind).toBe('rule-violated');
  });
});

describe('completing and cancelling', () => {
  const added = () => play(reach('rapid-review.gathering'), add());

  it('stops the clock when completed: met by the due date, late after it', () => {
    expect(actionDeadlines(play(added(), complete('2026-01-16')), '2026-02-01')[0]).toMatchObject({
      status: 'met',
      stoppedOn: '2026-01-16',
    });
    expect(actionDeadlines(play(added(), complete('2026-01-21')), '2026-02-01')[0]).toMatchObject({
      status: 'late',
      stoppedOn: '2026-01-21',
    });
  });

  it('cancels the clock of a cancelled action, keeping the reason; it can no longer be completed', () => {
    const s = play(added(), cancel('2026-01-12'));
    expect(s.context.actions['A-1'].cancelled).toEqual({ reason: 'overtaken', on: '2026-01-12' });
    expect(actionDeadlines(s, '2026-02-01')[0].status).toBe('cancelled');
    expect(refuse(s, complete('2026-01-13')).message).toBe('Action A-1 was cancelled on 2026-01-12');
    expect(refuse(s, cancel('2026-01-13')).message).toBe('Action A-1 was cancelled on 2026-01-12');
  });

  it('refuses cancelling an action that does not exist or is completed', () => {
    expect(refuse(reach('rapid-review.gathering'), cancel('2026-01-12')).message).toBe('There is no action A-1');
    expect(refuse(play(added(), complete('2026-01-09')), cancel('2026-01-12')).message).toBe(
      'Action A-1 was already completed on 2026-01-09',
    );
  });

  it('closes a case whose actions are all completed or cancelled', () => {
    const s = play(
      reach('learning.action-plan'),
      add('2026-09-01', { dueOn: '2026-10-01' }),
      add('2026-09-01', { actionId: 'A-2', dueOn: '2026-10-01' }),
      ev({ type: 'action.completed', actionId: 'A-2', completedOn: '2026-09-20' }, '2026-09-20'),
    );
    expect(refuse(s, steps.close('2026-09-21'))).toEqual({
      kind: 'rule-violated',
      message: 'Every action must be completed or cancelled before the case is closed (open: A-1)',
    });
    const closed = play(s, cancel('2026-09-22'), steps.close('2026-09-22'));
    expect(stateOf(closed)).toBe('closed');
  });

  it('cancels the clocks of the actions still open when the notification is withdrawn', () => {
    const s = play(added(), ev({ type: 'notification.withdrawn', reason: 'criteria not met' }, '2026-01-12'));
    expect(stateOf(s)).toBe('closed');
    expect(s.context.itemClocks?.['action-due:A-1'].cancelledOn).toBe('2026-01-12');
  });
});

describe('who may keep the plan', () => {
  const plan: [string, (s: PersistedCaseSnapshot) => PersistedCaseSnapshot, EventBody][] = [
    ['action.added', (s) => s, ADD],
    [
      'action.progress-updated',
      (s) => play(s, add()),
      { type: 'action.progress-updated', actionId: 'A-1', updatedOn: '2026-01-09', status: 'on-track', note: 'n' },
    ],
    [
      'action.due-date-changed',
      (s) => play(s, add()),
      { type: 'action.due-date-changed', actionId: 'A-1', dueOn: '2026-02-02', reason: 'r' },
    ],
    ['action.cancelled', (s) => play(s, add()), { type: 'action.cancelled', actionId: 'A-1', reason: 'r' }],
  ];

  it.each(plan)(
    '%s: the business unit and the subgroup may; partners, the scrutineer and the admin may not',
    (_t, setUp, body) => {
      const s = setUp(reach('rapid-review.gathering'));
      for (const actor of [actors.bu, actors.subgroup] as Actor[]) {
        expect(dispatch(machine, s, ev(body, '2026-01-09', actor)).ok).toBe(true);
      }
      for (const actor of [actors.police, actors.leadPartner, actors.scrutineer, actors.admin] as Actor[]) {
        expect(dispatch(machine, s, ev(body, '2026-01-09', actor))).toEqual({
          ok: false,
          refusal: { kind: 'forbidden', message: expect.any(String) },
        });
      }
    },
  );
});
