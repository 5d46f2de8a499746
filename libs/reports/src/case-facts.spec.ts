import { englandAndWales } from '@app/calendar';
import { actionsFirstEscalatedOn, toCaseRecord, type IncidentDetails } from '@app/cases';
import {
  caseMachineV2,
  DEFAULT_RELEVANT_AGENCIES,
  dispatch,
  openCase,
  ROLES,
  stageOf,
  stateOf,
  type Actor,
  type CaseEvent,
  type PersistedCaseSnapshot,
} from '@app/workflows';
import { actors, LA_AWARE_ON, partners } from '../../../workflows/case/case-test-kit.spec';
import { caseFacts, type CaseFacts, type DeadlineFact, type HistoryFact } from './case-facts';

const DETAILS: IncidentDetails = {
  incidentOn: '2026-01-03',
  incidentType: 'serious-harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
  children: [
    { ageYears: 4, sex: 'female', ethnicity: 'WBRI', disability: 'not-disabled' },
    { ageYears: 0, sex: 'unknown' },
  ],
  summary: 'What happened (test data).',
  harmCategories: ['neglect'],
  contributingFactors: ['online-harm', 'parental-learning-disability'],
};

/**
 * A case driven through the real machine (version 2), each event on its own day, keeping the history as the service
 * writes it: the type, the states before and after, the payload and the day it happened.
 */
class Journey {
  snapshot: PersistedCaseSnapshot;
  version = 1;
  readonly history: HistoryFact[] = [];

  constructor(
    private readonly details: IncidentDetails = DETAILS,
    path?: 'looked-after-death',
  ) {
    this.snapshot = openCase(caseMachineV2, {
      laAwareOn: LA_AWARE_ON,
      signOffAgencies: ['local-authority', 'police', 'health'],
      relevantAgencies: [...DEFAULT_RELEVANT_AGENCIES],
      ...(path ? { path, children: details.children.length } : {}),
    });
    this.history.push({
      type: 'case.opened',
      fromState: null,
      toState: stateOf(this.snapshot),
      payload: { laAwareOn: LA_AWARE_ON },
      occurredOn: LA_AWARE_ON,
    });
  }

  on(today: string, actor: Actor, type: CaseEvent['type'], payload: Record<string, unknown> = {}): this {
    const result = dispatch(caseMachineV2, this.snapshot, { type, ...payload, actor, today } as CaseEvent);
    if (!result.ok) throw new Error(`${type} refused: ${JSON.stringify(result.refusal)}`);
    this.snapshot = result.snapshot;
    this.version++;
    this.history.push({ type, fromState: result.from, toState: result.to, payload, occurredOn: today });
    return this;
  }

  signDecision(days: [string, string, string], decisions = ['agree', 'agree', 'agree']): this {
    partners.forEach((partner, i) => {
      if (decisions[i]) this.on(days[i], partner, 'decision.signed-off', { decision: decisions[i] });
    });
    return this;
  }

  facts(deadlines: DeadlineFact[] = [], history: readonly HistoryFact[] = this.history): CaseFacts {
    const row = {
      id: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
      reference: 'CSPR-2026-0001',
      stage: stageOf(this.snapshot),
      state: stateOf(this.snapshot),
      version: this.version,
      openedAt: new Date(`${LA_AWARE_ON}T09:30:00Z`),
      details: this.details,
      // Stored as JSON: the record is read from what the database gives back.
      snapshot: JSON.parse(JSON.stringify(this.snapshot)) as PersistedCaseSnapshot,
    };
    const record = toCaseRecord(row, ROLES, new Map(), { actionsEscalatedOn: actionsFirstEscalatedOn(history) });
    return caseFacts({
      record,
      details: this.details,
      history,
      deadlines,
      workingDaysBetween: (from, to) => englandAndWales.workingDaysBetween(from, to),
    });
  }
}

const deadline = (rule: string, startedOn: string, dueOn: string, subject = ''): DeadlineFact => ({
  rule,
  subject,
  startedOn,
  dueOn,
  stoppedOn: null,
  clockState: 'running',
});

/** Notified, an agreed decision, the Panel's challenge, a disputed round resolved by the lead partners, the Panel agrees. */
function toLcspr(): Journey {
  return new Journey()
    .on('2026-01-07', actors.bu, 'notification.submitted', { submittedOn: '2026-01-07' })
    .on('2026-01-20', actors.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'Met.' })
    .signDecision(['2026-01-21', '2026-01-22', '2026-01-23'])
    .on('2026-01-26', actors.bu, 'rapid-review.submitted', { submittedOn: '2026-01-26' })
    .on('2026-02-10', actors.bu, 'panel.responded', { response: 'challenges', respondedOn: '2026-02-10' })
    .on('2026-02-12', actors.subgroup, 'rapid-review.recommended', { recommendation: 'lcspr', rationale: 'Again.' })
    .signDecision(['2026-02-13', '2026-02-13', ''], ['agree', 'disagree', ''])
    .on('2026-02-16', actors.bu, 'decision.escalated', { note: 'To the lead partners.' })
    .on('2026-02-20', actors.leadPartner, 'escalation.resolved', { outcome: 'lcspr', resolvedOn: '2026-02-20' })
    .on('2026-02-23', actors.bu, 'rapid-review.submitted', { submittedOn: '2026-02-23' })
    .on('2026-03-02', actors.bu, 'panel.responded', { response: 'agrees', respondedOn: '2026-03-02' });
}

/** On to the final report agreed on 5 June and publication scheduled. */
function toScheduled(): Journey {
  const j = toLcspr()
    .on('2026-03-04', actors.subgroup, 'lcspr.reviewer-appointed', { reviewerName: 'A. Reviewer', independent: true })
    .on('2026-03-09', actors.subgroup, 'lcspr.paused', { reason: 'inquest', detail: 'Inquest listed.' })
    .on('2026-03-23', actors.subgroup, 'lcspr.resumed', { resumedOn: '2026-03-23' })
    .on('2026-03-25', actors.subgroup, 'lcspr.extended', { reason: 'Inquest.', newCompletionOn: '2026-10-01' })
    .on('2026-05-01', actors.subgroup, 'lcspr.draft-received', { receivedOn: '2026-05-01' })
    .on('2026-05-04', actors.health, 'lcspr.final-report-signed-off', { decision: 'disagree' })
    .on('2026-06-01', actors.subgroup, 'lcspr.draft-received', { receivedOn: '2026-06-01' });
  partners.forEach((partner, i) =>
    j.on(`2026-06-0${3 + i}`, partner, 'lcspr.final-report-signed-off', { decision: 'agree' }),
  );
  return j.on('2026-06-10', actors.bu, 'publication.scheduled', { plannedOn: '2026-07-15' });
}

describe('caseFacts from a case taken through the real machine', () => {
  it('dates every act of an LCSPR case from notification to its action plan', () => {
    const j = toScheduled()
      .on('2026-06-20', actors.bu, 'publication.delayed', { reason: 'A trial.', newPlannedOn: '2026-08-14' })
      .on('2026-06-22', actors.bu, 'publication.panel-informed', { informedOn: '2026-06-22' })
      .on('2026-07-01', actors.bu, 'publication.report-sent', { sentOn: '2026-07-01' })
      .on('2026-08-14', actors.bu, 'publication.published', { publishedOn: '2026-08-14', url: 'https://p.test/r/1' })
      .on('2026-08-20', actors.subgroup, 'action.added', {
        actionId: 'A-1',
        description: 'Training.',
        owner: 'Head of service',
        dueOn: '2026-10-01',
      })
      .on('2026-09-01', actors.subgroup, 'action.completed', { actionId: 'A-1', completedOn: '2026-09-01' });
    const stored = [
      deadline('agency-return', '2026-01-07', '2026-01-09', 'police'),
      deadline('notify-panel', LA_AWARE_ON, '2026-01-12'),
      deadline('rapid-review', LA_AWARE_ON, '2026-01-26'),
      deadline('lcspr-publish', '2026-02-20', '2026-10-01'),
    ];

    expect(j.facts(stored)).toEqual({
      caseId: '6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
      reference: 'CSPR-2026-0001',
      nature: 'serious-incident',
      panelNotifiedOn: '2026-01-07',
      panelNotificationDueOn: '2026-01-12',
      sosOfstedNotifiedOn: undefined,
      // The first submission, not the one after the Panel's challenge
      rapidReviewSentOn: '2026-01-26',
      rapidReviewDueOn: '2026-01-26',
      // Tuesday 6 January to Monday 26 January 2026
      rapidReviewWorkingDays: 15,
      decisions: [
        // The agreed round, on its last sign-off; the disputed round's escalation, on the lead partners' day
        { on: '2026-01-23', outcome: 'lcspr' },
        { on: '2026-02-20', outcome: 'lcspr' },
      ],
      panelResponses: [
        { on: '2026-02-10', response: 'challenges' },
        { on: '2026-03-02', response: 'agrees' },
      ],
      practiceReview: [{ from: '2026-03-02', to: '2026-08-14' }],
      lcsprCommissionedOn: '2026-03-04',
      // The agreed round's last sign-off, not the earlier disagreement
      lcsprCompletedOn: '2026-06-05',
      lcsprDecidedOn: '2026-02-20',
      lcsprDueOn: '2026-10-01',
      publishedOn: '2026-08-14',
      pauses: [{ on: '2026-03-09', reason: 'inquest' }],
      extensions: [{ on: '2026-03-25', reason: 'Inquest.' }],
      delays: [{ on: '2026-06-20', reason: 'A trial.' }],
      withholdings: [],
      actions: [
        {
          id: 'A-1',
          addedOn: '2026-08-20',
          dueOn: '2026-10-01',
          completedOn: '2026-09-01',
          cancelledOn: undefined,
          escalatedOn: undefined,
        },
      ],
      harmCategories: ['neglect'],
      contributingFactors: ['online-harm', 'parental-learning-disability'],
      children: [
        { sex: 'female', ageYears: 4, ethnicity: 'WBRI', disability: 'not-disabled' },
        { sex: 'unknown', ageYears: 0, ethnicity: undefined, disability: undefined },
      ],
    });
  });

  it('takes the due dates from the stored deadlines, not from what the machine would count', () => {
    const j = toLcspr();
    // Stored after a correction of the day the local authority became aware: later than the machine's own clocks.
    const facts = j.facts([
      deadline('notify-panel', '2026-01-06', '2026-01-13'),
      deadline('rapid-review', '2026-01-06', '2026-01-27'),
      deadline('lcspr-publish', '2026-02-21', '2026-08-21'),
    ]);
    expect(facts).toMatchObject({
      panelNotificationDueOn: '2026-01-13',
      rapidReviewDueOn: '2026-01-27',
      lcsprDecidedOn: '2026-02-21',
      lcsprDueOn: '2026-08-21',
    });
    const none = j.facts([]);
    expect([none.panelNotificationDueOn, none.rapidReviewDueOn, none.lcsprDecidedOn, none.lcsprDueOn]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('counts the rapid review’s working days from its stored clock’s start (a death moved onto the serious incident path starts it when the criteria were met)', () => {
    const j = toLcspr();
    expect(j.facts().rapidReviewSentOn).toBe('2026-01-26');
    // Monday 5 January to Monday 26 January: 6-9, 12-16, 19-23 and 26 January.
    expect(j.facts().rapidReviewWorkingDays).toBe(15);
    // From Friday 9 January (the criteria met): 12-16, 19-23 and 26 January.
    const moved = j.facts([deadline('rapid-review', '2026-01-09', '2026-01-30')]);
    expect(moved.rapidReviewWorkingDays).toBe(11);
  });

  it('reads only the case-level stored deadlines (subject ""), not an item clock of the same rule', () => {
    const facts = toLcspr().facts([
      deadline('rapid-review', LA_AWARE_ON, '2099-01-01', 'something-else'),
      deadline('rapid-review', LA_AWARE_ON, '2026-01-26'),
    ]);
    expect(facts.rapidReviewDueOn).toBe('2026-01-26');
  });

  it('ends the practice-review spell on the day publication is withheld and the Panel told, the case moving to learning', () => {
    const j = toScheduled()
      .on('2026-06-20', actors.bu, 'publication.withheld', { reason: 'A risk to a sibling.' })
      .on('2026-06-22', actors.bu, 'publication.panel-informed', { informedOn: '2026-06-22' });
    const facts = j.facts();
    expect(stageOf(j.snapshot)).toBe('learning');
    expect(facts.practiceReview).toEqual([{ from: '2026-03-02', to: '2026-06-22' }]);
    expect(facts.withholdings).toEqual([{ on: '2026-06-20', reason: 'A risk to a sibling.' }]);
    expect(facts.publishedOn).toBeUndefined();
  });

  it('keeps the spell open while the LCSPR is under way, paused or not', () => {
    const j = toLcspr().on('2026-03-09', actors.subgroup, 'lcspr.paused', { reason: 'inquest', detail: 'x' });
    expect(j.facts().practiceReview).toEqual([{ from: '2026-03-02' }]);
  });

  it('gives each action its changed due date, its cancellation and the day the service first escalated it', () => {
    const j = toLcspr()
      .on('2026-03-03', actors.subgroup, 'action.added', {
        actionId: 'A-1',
        description: 'Training.',
        owner: 'Head of service',
        dueOn: '2026-04-01',
      })
      .on('2026-03-03', actors.subgroup, 'action.added', {
        actionId: 'A-2',
        description: 'Audit.',
        owner: 'Head of service',
        dueOn: '2026-05-01',
      })
      .on('2026-03-20', actors.subgroup, 'action.due-date-changed', {
        actionId: 'A-1',
        dueOn: '2026-04-15',
        reason: 'Staff away.',
      })
      .on('2026-03-25', actors.subgroup, 'action.cancelled', { actionId: 'A-2', reason: 'No longer needed.' });
    const escalated = (occurredOn: string): HistoryFact => ({
      type: 'action.escalated',
      fromState: 'lcspr.in-progress',
      toState: 'lcspr.in-progress',
      payload: { actionId: 'A-1', escalatedOn: occurredOn },
      occurredOn,
    });
    const facts = j.facts([], [...j.history, escalated('2026-04-20'), escalated('2026-05-20')]);
    expect(facts.actions).toEqual([
      {
        id: 'A-1',
        addedOn: '2026-03-03',
        dueOn: '2026-04-15',
        completedOn: undefined,
        cancelledOn: undefined,
        escalatedOn: '2026-04-20',
      },
      {
        id: 'A-2',
        addedOn: '2026-03-03',
        dueOn: '2026-05-01',
        completedOn: undefined,
        cancelledOn: '2026-03-25',
        escalatedOn: undefined,
      },
    ]);
  });

  it('has no decision while a round is open or disputed, and none spell before the Panel agrees', () => {
    const j = new Journey()
      .on('2026-01-07', actors.bu, 'notification.submitted', { submittedOn: '2026-01-07' })
      .on('2026-01-20', actors.subgroup, 'rapid-review.recommended', { recommendation: 'no-lcspr', rationale: 'No.' })
      .signDecision(['2026-01-21', '2026-01-22', ''], ['agree', 'disagree', ''])
      .on('2026-01-23', actors.bu, 'decision.escalated', { note: 'Up.' });
    const facts = j.facts();
    expect(facts.decisions).toEqual([]);
    expect(facts.practiceReview).toEqual([]);
    expect(facts.rapidReviewSentOn).toBeUndefined();
    expect(facts.rapidReviewWorkingDays).toBeUndefined();
  });

  it('gives a death notified to the Secretary of State and Ofsted its nature and the day notified', () => {
    const details: IncidentDetails = {
      ...DETAILS,
      nature: 'looked-after-death',
      children: [{ ageYears: 15, sex: 'male' }],
      harmCategories: undefined,
      contributingFactors: undefined,
    };
    const j = new Journey(details, 'looked-after-death').on('2026-01-08', actors.bu, 'sos-ofsted.notified', {
      notifiedOn: '2026-01-08',
    });
    expect(j.facts()).toMatchObject({
      nature: 'looked-after-death',
      sosOfstedNotifiedOn: '2026-01-08',
      panelNotifiedOn: undefined,
      harmCategories: [],
      contributingFactors: [],
      children: [{ sex: 'male', ageYears: 15 }],
    });
  });
});

describe('caseFacts: practice-review spells from the history', () => {
  const move = (occurredOn: string, fromState: string | null, toState: string, type = 'x'): HistoryFact => ({
    type,
    fromState,
    toState,
    payload: {},
    occurredOn,
  });
  const spellsOf = (history: HistoryFact[]) => new Journey().facts([], history).practiceReview;

  it('opens a spell on entering the LCSPR stage and closes it on leaving publication, not on moves inside', () => {
    expect(
      spellsOf([
        move('2026-01-05', null, 'notification.awaiting-notification'),
        move('2026-02-02', 'panel-response.awaiting-response', 'lcspr.in-progress'),
        move('2026-03-02', 'lcspr.in-progress', 'lcspr.paused'),
        move('2026-03-16', 'lcspr.paused', 'lcspr.in-progress'),
        move('2026-06-03', 'lcspr.in-progress', 'publication.unscheduled'),
        move('2026-08-14', 'publication.scheduled', 'learning.action-plan'),
        move('2026-09-01', 'learning.action-plan', 'learning.action-plan'),
      ]),
    ).toEqual([{ from: '2026-02-02', to: '2026-08-14' }]);
  });

  it('gives a second spell after the case re-entered the stages, and ends one on closing', () => {
    expect(
      spellsOf([
        move('2026-02-02', 'panel-response.awaiting-response', 'lcspr.in-progress'),
        move('2026-08-14', 'publication.scheduled', 'learning.action-plan'),
        move('2026-10-01', 'learning.action-plan', 'lcspr.in-progress'),
        move('2026-12-01', 'lcspr.in-progress', 'closed'),
      ]),
    ).toEqual([
      { from: '2026-02-02', to: '2026-08-14' },
      { from: '2026-10-01', to: '2026-12-01' },
    ]);
  });

  it('opens a spell for a case imported straight into the LCSPR stage, and leaves events outside the stages alone', () => {
    expect(
      spellsOf([
        move('2025-11-20', null, 'lcspr.in-progress', 'case.imported'),
        move('2026-01-10', 'lcspr.in-progress', 'lcspr.in-progress', 'action.escalated'),
      ]),
    ).toEqual([{ from: '2025-11-20' }]);
    expect(spellsOf([move('2026-01-05', null, 'notification.awaiting-notification')])).toEqual([]);
  });
});
