import { assign, setup } from 'xstate';
import type { Agency } from '../actors';
import type { CaseClocks, LocalDate } from '../rulebook/types';
import { cancelAllClocks, cancelClock, startClock, stopClock } from './clocks';
import { initialRoute } from './v2/notification-paths';
import { V2_GUARDS, V2_UPDATES, type ContextGuard, type ContextUpdate } from './v2/updates';
import { isOpenAction } from './v2/action-plan';
import type { CaseContext, CaseEvent, CaseEventOf, CaseInput, SignOffRound } from './case.types';

/* Pure helpers over the context. Every action below returns new objects: snapshots are persisted as data. */

function currentRound(rounds: SignOffRound[]): SignOffRound | undefined {
  return rounds[rounds.length - 1];
}

function replaceCurrent(rounds: SignOffRound[], round: SignOffRound): SignOffRound[] {
  return [...rounds.slice(0, -1), round];
}

function openRound(rounds: SignOffRound[], openedOn: LocalDate, recommendation?: SignOffRound['recommendation']) {
  return [...rounds, { round: rounds.length + 1, openedOn, recommendation, signOffs: [], escalations: [] }];
}

/** Would this sign-off complete the round with every agency agreeing? */
export function completesAgreement(round: SignOffRound | undefined, agencies: Agency[], agency?: Agency): boolean {
  if (!round || !agency) return false;
  const agreed = new Set(round.signOffs.filter((s) => s.decision === 'agree').map((s) => s.agency));
  agreed.add(agency);
  return agencies.every((a) => agreed.has(a));
}

/** The actions neither completed nor cancelled (only version 2 cancels one). */
export function openActions(context: CaseContext): string[] {
  return Object.entries(context.actions)
    .filter(([, action]) => isOpenAction(action))
    .map(([id]) => id);
}

function recordSignOff(
  round: SignOffRound,
  event: CaseEventOf<'decision.signed-off' | 'lcspr.final-report-signed-off'>,
) {
  return {
    ...round,
    signOffs: [
      ...round.signOffs,
      {
        agency: event.actor.agency!,
        decision: event.decision,
        by: event.actor.id,
        byName: event.actor.name,
        at: event.today,
        ...(event.comment ? { comment: event.comment } : {}),
      },
    ],
  };
}

export function initialContext(input: CaseInput): CaseContext {
  let clocks: CaseClocks = {};
  for (const rule of ['notify-panel', 'inform-partners', 'rapid-review'] as const) {
    clocks = startClock(clocks, rule, input.laAwareOn);
  }
  return {
    signOffAgencies: [...input.signOffAgencies],
    facts: { laAwareOn: input.laAwareOn },
    clocks,
    notification: {},
    agencyReturns: [],
    meetings: [],
    decisionRounds: [],
    rapidReviewSubmissions: [],
    panelResponses: [],
    lcspr: { draftsReceived: [] },
    finalReportRounds: [],
    publication: { delays: [] },
    actions: {},
  };
}

/** Version 2 starts with the partnership's relevant agencies and no item clocks. */
export function initialContextV2(input: CaseInput): CaseContext {
  const base = initialContext(input);
  return {
    ...base,
    relevantAgencies: (input.relevantAgencies ?? []).map((agency) => ({ ...agency })),
    itemClocks: {},
    documents: [], // issue 12 item 8
    ...initialRoute(input, base.clocks), // issue 12 item 2: the notification's path and its clocks
  };
}

type E<T extends CaseEvent['type']> = CaseEventOf<T>;

function updateAction(update: ContextUpdate) {
  return assign<CaseContext, CaseEvent, undefined, CaseEvent, never>(({ context, event }) => update(context, event));
}

/** Named XState actions from pure context updates (`V2_UPDATES`). */
function updateActions<T extends Record<string, ContextUpdate>>(updates: T) {
  return Object.fromEntries(Object.entries(updates).map(([name, update]) => [name, updateAction(update)])) as {
    [K in keyof T]: ReturnType<typeof updateAction>;
  };
}

/** Named XState guards from pure predicates (`V2_GUARDS`). */
function guardFunctions<T extends Record<string, ContextGuard>>(guards: T) {
  return Object.fromEntries(
    Object.entries(guards).map(([name, guard]) => [
      name,
      ({ context, event }: { context: CaseContext; event: CaseEvent }) => guard(context, event),
    ]),
  ) as { [K in keyof T]: (args: { context: CaseContext; event: CaseEvent }) => boolean };
}

/**
 * The vocabulary of the case machine: its types, named guards and named actions. Stage files build their states with
 * `caseSetup.createStateConfig`, so every stage shares one typed context and event union and composes into one
 * machine (one persisted snapshot per case).
 */
export const caseSetup = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    signOffDisagrees: ({ event }) =>
      (event.type === 'decision.signed-off' || event.type === 'lcspr.final-report-signed-off') &&
      event.decision === 'disagree',
    decisionSignOffCompletesAgreement: ({ context, event }) =>
      event.type === 'decision.signed-off' &&
      event.decision === 'agree' &&
      completesAgreement(currentRound(context.decisionRounds), context.signOffAgencies, event.actor.agency),
    finalReportSignOffCompletesAgreement: ({ context, event }) =>
      event.type === 'lcspr.final-report-signed-off' &&
      event.decision === 'agree' &&
      completesAgreement(currentRound(context.finalReportRounds), context.signOffAgencies, event.actor.agency),
    panelTakesNationalReview: ({ event }) => event.type === 'panel.responded' && event.response === 'national-review',
    panelChallenges: ({ event }) => event.type === 'panel.responded' && event.response === 'challenges',
    decidedLcspr: ({ context }) => context.decision?.outcome === 'lcspr',
    decidedNationalReview: ({ context }) => context.decision?.outcome === 'national-review',
    pendingIsDelay: ({ context }) => context.publication.pending?.kind === 'delay',
    allActionsCompleted: ({ context }) => openActions(context).length === 0,
    ...guardFunctions(V2_GUARDS),
  },
  actions: {
    recordNotification: assign(({ context, event }) => {
      const e = event as E<'notification.submitted'>;
      return {
        notification: { ...context.notification, submittedOn: e.submittedOn, panelReference: e.panelReference },
        facts: { ...context.facts, notificationSubmittedOn: e.submittedOn },
        clocks: stopClock(context.clocks, 'notify-panel', e.submittedOn),
      };
    }),
    recordPartnersInformed: assign(({ context, event }) => ({
      clocks: stopClock(context.clocks, 'inform-partners', (event as E<'partners.informed'>).informedOn),
    })),
    recordWithdrawal: assign(({ context, event }) => ({
      notification: {
        ...context.notification,
        withdrawn: { reason: (event as E<'notification.withdrawn'>).reason, on: event.today },
      },
      clocks: cancelAllClocks(context.clocks, event.today),
    })),
    recordAgencyReturn: assign(({ context, event }) => ({
      agencyReturns: [
        ...context.agencyReturns,
        { agency: (event as E<'agency-return.received'>).agency, on: event.today },
      ],
    })),
    recordMeeting: assign(({ context, event }) => ({
      meetings: [...context.meetings, (event as E<'rapid-review.meeting-held'>).heldOn].sort(),
    })),
    recordRecommendation: assign(({ context, event }) => {
      const e = event as E<'rapid-review.recommended'>;
      return {
        recommendation: { recommendation: e.recommendation, rationale: e.rationale, on: e.today },
        decision: undefined,
        decisionRounds: openRound(context.decisionRounds, e.today, e.recommendation),
      };
    }),
    recordDecisionSignOff: assign(({ context, event }) => {
      const round = currentRound(context.decisionRounds)!;
      return {
        decisionRounds: replaceCurrent(context.decisionRounds, recordSignOff(round, event as E<'decision.signed-off'>)),
      };
    }),
    markDecisionDisputed: assign(({ context }) => ({
      decisionRounds: replaceCurrent(context.decisionRounds, {
        ...currentRound(context.decisionRounds)!,
        outcome: 'disputed',
      }),
    })),
    /** The decision's date is the last sign-off's date: the day the partners' agreement became complete. */
    markDecisionAgreed: assign(({ context, event }) => ({
      decisionRounds: replaceCurrent(context.decisionRounds, {
        ...currentRound(context.decisionRounds)!,
        outcome: 'agreed',
      }),
      decision: { outcome: context.recommendation!.recommendation, decidedOn: event.today },
      facts: { ...context.facts, decisionOn: event.today },
    })),
    recordEscalation: assign(({ context, event }) => {
      const round = currentRound(context.decisionRounds)!;
      const escalation = { note: (event as E<'decision.escalated'>).note, on: event.today, by: event.actor.id };
      return {
        decisionRounds: replaceCurrent(context.decisionRounds, {
          ...round,
          escalations: [...round.escalations, escalation],
        }),
      };
    }),
    recordRapidReviewSubmitted: assign(({ context, event }) => {
      const submittedOn = (event as E<'rapid-review.submitted'>).submittedOn;
      return {
        rapidReviewSubmissions: [...context.rapidReviewSubmissions, submittedOn],
        clocks: stopClock(context.clocks, 'rapid-review', submittedOn),
      };
    }),
    recordPanelResponse: assign(({ context, event }) => {
      const e = event as E<'panel.responded'>;
      return {
        panelResponses: [
          ...context.panelResponses,
          { response: e.response, respondedOn: e.respondedOn, ...(e.comment ? { comment: e.comment } : {}) },
        ],
      };
    }),
    /** A Panel challenge reopens the decision: the agreed outcome no longer stands until the partners sign again. */
    reopenDecision: assign(({ context }) => ({
      decision: undefined,
      facts: { ...context.facts, decisionOn: undefined },
    })),
    startLcsprClock: assign(({ context }) => ({
      clocks: startClock(context.clocks, 'lcspr-publish', context.facts.decisionOn!),
    })),
    recordNationalReviewPublished: assign(({ event }) => ({
      nationalReview: { publishedOn: (event as E<'national-review.published'>).publishedOn },
    })),
    recordReviewer: assign(({ context, event }) => {
      const e = event as E<'lcspr.reviewer-appointed'>;
      return { lcspr: { ...context.lcspr, reviewer: { name: e.reviewerName, independent: e.independent } } };
    }),
    recordTermsAgreed: assign(({ context, event }) => ({
      lcspr: { ...context.lcspr, termsAgreedOn: (event as E<'lcspr.terms-agreed'>).agreedOn },
    })),
    recordMethodologyAgreed: assign(({ context, event }) => ({
      lcspr: { ...context.lcspr, methodologyAgreedOn: (event as E<'lcspr.methodology-agreed'>).agreedOn },
    })),
    pauseLcsprClock: assign(({ context, event }) => {
      const e = event as E<'lcspr.paused'>;
      const clock = context.clocks['lcspr-publish']!;
      return {
        lcspr: { ...context.lcspr, pause: { reason: e.reason, detail: e.detail, from: e.today } },
        clocks: {
          ...context.clocks,
          'lcspr-publish': { ...clock, pauses: [...clock.pauses, { from: e.today, reason: e.reason }] },
        },
      };
    }),
    resumeLcsprClock: assign(({ context, event }) => {
      const resumedOn = (event as E<'lcspr.resumed'>).resumedOn;
      const clock = context.clocks['lcspr-publish']!;
      const pauses = clock.pauses.map((p, i) => (i === clock.pauses.length - 1 ? { ...p, to: resumedOn } : p));
      return {
        lcspr: { ...context.lcspr, pause: undefined },
        clocks: { ...context.clocks, 'lcspr-publish': { ...clock, pauses } },
      };
    }),
    /** Each draft opens a new final-report sign-off round: partners sign the draft in front of them. */
    recordDraftReceived: assign(({ context, event }) => {
      const receivedOn = (event as E<'lcspr.draft-received'>).receivedOn;
      return {
        lcspr: { ...context.lcspr, draftsReceived: [...context.lcspr.draftsReceived, receivedOn] },
        finalReportRounds: openRound(context.finalReportRounds, event.today),
      };
    }),
    recordFinalReportSignOff: assign(({ context, event }) => {
      const round = currentRound(context.finalReportRounds)!;
      return {
        finalReportRounds: replaceCurrent(
          context.finalReportRounds,
          recordSignOff(round, event as E<'lcspr.final-report-signed-off'>),
        ),
      };
    }),
    markFinalReportDisputed: assign(({ context }) => ({
      finalReportRounds: replaceCurrent(context.finalReportRounds, {
        ...currentRound(context.finalReportRounds)!,
        outcome: 'disputed',
      }),
    })),
    markFinalReportAgreed: assign(({ context }) => ({
      finalReportRounds: replaceCurrent(context.finalReportRounds, {
        ...currentRound(context.finalReportRounds)!,
        outcome: 'agreed',
      }),
    })),
    schedulePublication: assign(({ context, event }) => {
      const plannedOn = (event as E<'publication.scheduled'>).plannedOn;
      const sentOn = context.publication.reportSentOn;
      // A report already sent before the date was planned starts and stops the clock on the day it was sent.
      let clocks = startClock(context.clocks, 'pre-publication', sentOn && sentOn < event.today ? sentOn : event.today);
      if (sentOn) clocks = stopClock(clocks, 'pre-publication', sentOn);
      return {
        publication: { ...context.publication, plannedOn },
        facts: { ...context.facts, plannedPublicationOn: plannedOn },
        clocks,
      };
    }),
    recordReportSent: assign(({ context, event }) => {
      const sentOn = (event as E<'publication.report-sent'>).sentOn;
      return {
        publication: { ...context.publication, reportSentOn: sentOn },
        clocks: stopClock(context.clocks, 'pre-publication', sentOn),
      };
    }),
    recordPublished: assign(({ context, event }) => {
      const e = event as E<'publication.published'>;
      const clocks = startClock(
        stopClock(context.clocks, 'lcspr-publish', e.publishedOn),
        'keep-published',
        e.publishedOn,
      );
      return {
        publication: { ...context.publication, publishedOn: e.publishedOn, url: e.url },
        facts: { ...context.facts, publishedOn: e.publishedOn },
        clocks,
      };
    }),
    recordDelay: assign(({ context, event }) => {
      const e = event as E<'publication.delayed'>;
      return {
        publication: {
          ...context.publication,
          pending: { kind: 'delay' as const, reason: e.reason, newPlannedOn: e.newPlannedOn, on: e.today },
        },
        clocks: startClock(context.clocks, 'not-publishing', e.today),
      };
    }),
    recordWithholding: assign(({ context, event }) => {
      const e = event as E<'publication.withheld'>;
      return {
        publication: { ...context.publication, pending: { kind: 'withhold' as const, reason: e.reason, on: e.today } },
        clocks: startClock(context.clocks, 'not-publishing', e.today),
      };
    }),
    /** The Panel and Secretary of State were told; a delay then moves the planned date (and the clocks counted from it). */
    applyDelay: assign(({ context, event }) => {
      const informedOn = (event as E<'publication.panel-informed'>).informedOn;
      const pending = context.publication.pending!;
      return {
        publication: {
          ...context.publication,
          pending: undefined,
          plannedOn: pending.newPlannedOn,
          delays: [
            ...context.publication.delays,
            { reason: pending.reason, from: context.publication.plannedOn!, to: pending.newPlannedOn!, informedOn },
          ],
        },
        facts: { ...context.facts, plannedPublicationOn: pending.newPlannedOn },
        clocks: stopClock(context.clocks, 'not-publishing', informedOn),
      };
    }),
    applyWithholding: assign(({ context, event }) => {
      const informedOn = (event as E<'publication.panel-informed'>).informedOn;
      const pending = context.publication.pending!;
      let clocks = stopClock(context.clocks, 'not-publishing', informedOn);
      clocks = cancelClock(clocks, 'pre-publication', event.today);
      clocks = cancelClock(clocks, 'lcspr-publish', event.today);
      return {
        publication: {
          ...context.publication,
          pending: undefined,
          withheld: { reason: pending.reason, on: pending.on, informedOn },
        },
        clocks,
      };
    }),
    addAction: assign(({ context, event }) => {
      const e = event as E<'action.added'>;
      return {
        actions: {
          ...context.actions,
          [e.actionId]: { description: e.description, owner: e.owner, dueOn: e.dueOn, addedOn: e.today },
        },
      };
    }),
    completeAction: assign(({ context, event }) => {
      const e = event as E<'action.completed'>;
      return {
        actions: { ...context.actions, [e.actionId]: { ...context.actions[e.actionId], completedOn: e.completedOn } },
      };
    }),
    ...updateActions(V2_UPDATES),
  },
});
