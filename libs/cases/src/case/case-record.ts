import {
  actionStatus,
  recordPartsWithheldFrom,
  type Agency,
  type CaseContext,
  type Role,
  type SignOffRound,
} from '@app/workflows';
import type { IncidentDetails } from '../entities/case.entity';
import type { CaseRecordView, SignOffRoundRecordView } from './case-record-view';
import { meetingViews, recommendationViews, returnViews, type DeadlineLike } from './rapid-review-record';

/** What the record is made of: one case row (a `CaseEntity` fits). */
export interface CaseRecordSource {
  id: string;
  reference: string;
  stage: string;
  state: string;
  version: number;
  openedAt: Date;
  details: IncidentDetails;
  snapshot: { context: CaseContext };
}

/**
 * The whole case record as `reader` may read it: pure, so the API and the pages show the same thing. The parts
 * `RECORD_VISIBILITY` does not give any of the reader's roles are left out and named in `restricted`. `userNames`
 * resolves the ids the snapshot keeps for escalations (see {@link recordUserIds}); an unknown id is shown without a
 * name. `extra.actionsEscalatedOn` gives, by action id, the day the service first escalated the overdue action to the
 * delegated partners (its `action.escalated` audit event); `extra.deadlines` are the case's deadlines today
 * (`CaseView.deadlines`): the agency returns' due dates and whether they are overdue come from them.
 */
export function toCaseRecord(
  row: CaseRecordSource,
  readerRoles: readonly Role[],
  userNames: ReadonlyMap<string, string> = new Map(),
  extra: { actionsEscalatedOn?: ReadonlyMap<string, string>; deadlines?: readonly DeadlineLike[] } = {},
): CaseRecordView {
  const context = row.snapshot.context;
  const { actionsEscalatedOn = new Map<string, string>(), deadlines = [] } = extra;
  const restricted = recordPartsWithheldFrom(readerRoles);
  const { details } = row;
  const lcsprClock = context.clocks['lcspr-publish'];
  const informed = context.clocks['inform-partners'];
  const rounds = (list: SignOffRound[]) => list.map((round) => roundView(round, context.signOffAgencies, userNames));

  return {
    id: row.id,
    reference: row.reference,
    stage: row.stage,
    state: row.state,
    version: row.version,
    openedAt: row.openedAt.toISOString(),
    restricted,
    relevantAgencies: (context.relevantAgencies ?? []).map(({ key, name }) => ({ key, name })),
    incident: defined({
      incidentOn: details.incidentOn,
      incidentType: details.incidentType,
      abuseOrNeglect: details.abuseOrNeglect,
      lookedAfter: details.lookedAfter,
      children: restricted.includes('children') ? undefined : details.children.map((child) => defined({ ...child })),
      summary: restricted.includes('summary') ? undefined : details.summary,
      // Issue 12 item 2: case-level, every role
      localAuthorityOfResidence: details.localAuthorityOfResidence,
      localAuthorityOfIncident: details.localAuthorityOfIncident,
      harmCategories: details.harmCategories && [...details.harmCategories],
      contributingFactors: details.contributingFactors && [...details.contributingFactors],
    }),
    notificationPath: notificationPathRecord(context, details), // issue 12 item 2
    notification: defined({
      laAwareOn: context.facts.laAwareOn!,
      submittedOn: context.notification.submittedOn,
      panelReference: context.notification.panelReference,
      partnersInformedOn: informed?.stoppedOn,
      withdrawn: context.notification.withdrawn && {
        reason: context.notification.withdrawn.reason,
        withdrawnOn: context.notification.withdrawn.on,
      },
    }),
    rapidReview: defined({
      agencyReturns: context.agencyReturns.map((r) => ({ agency: r.agency, receivedOn: r.on })),
      meetingsHeldOn: [...context.meetings],
      // Issue 12 item 1
      returns: returnViews(context, deadlines),
      meetings: meetingViews(context),
      recommendations: recommendationViews(context),
      recommendation: context.recommendation && {
        recommendation: context.recommendation.recommendation,
        rationale: context.recommendation.rationale,
        recommendedOn: context.recommendation.on,
      },
      submittedOn: [...context.rapidReviewSubmissions],
    }),
    decision: defined({
      signOffAgencies: [...context.signOffAgencies],
      outcome: context.decision?.outcome,
      decidedOn: context.decision?.decidedOn,
      rounds: rounds(context.decisionRounds),
    }),
    panelResponse: {
      responses: context.panelResponses.map((r) =>
        defined({ response: r.response, respondedOn: r.respondedOn, comment: r.comment }),
      ),
    },
    nationalReview: defined({ publishedOn: context.nationalReview?.publishedOn }),
    lcspr: defined({
      reviewer: context.lcspr.reviewer && { ...context.lcspr.reviewer },
      termsAgreedOn: context.lcspr.termsAgreedOn,
      methodologyAgreedOn: context.lcspr.methodologyAgreedOn,
      draftsReceivedOn: [...context.lcspr.draftsReceived],
      // The clock keeps every pause; the context keeps the detail of the current one only.
      pauses: (lcsprClock?.pauses ?? []).map((pause) => {
        const current = !pause.to && context.lcspr.pause?.from === pause.from ? context.lcspr.pause : undefined;
        return defined({
          reason: (current?.reason ?? pause.reason)!,
          detail: current?.detail,
          pausedOn: pause.from,
          resumedOn: pause.to,
        });
      }),
      finalReportRounds: rounds(context.finalReportRounds),
      // Issue 12 item 5 (machine version 2)
      plannedCompletionOn: context.lcspr.plannedCompletionOn,
      extensions: (context.lcspr.extensions ?? []).map((e) => defined({ ...e })),
      progressReviews: (context.lcspr.progressReviews ?? []).map((r) =>
        defined({ reviewedOn: r.reviewedOn, note: r.note, byId: r.by, by: userNames.get(r.by) }),
      ),
      involvement: (context.lcspr.involvement ?? []).map((i) =>
        defined({ who: i.who, involvedOn: i.involvedOn, note: i.note, byId: i.by, by: userNames.get(i.by) }),
      ),
    }),
    publication: defined({
      plannedOn: context.publication.plannedOn,
      reportSentOn: context.publication.reportSentOn,
      publishedOn: context.publication.publishedOn,
      url: context.publication.url,
      pending:
        context.publication.pending &&
        defined({
          kind: context.publication.pending.kind,
          reason: context.publication.pending.reason,
          newPlannedOn: context.publication.pending.newPlannedOn,
          decidedOn: context.publication.pending.on,
        }),
      delays: context.publication.delays.map((d) => ({
        reason: d.reason,
        plannedOn: d.from,
        newPlannedOn: d.to,
        panelInformedOn: d.informedOn,
      })),
      withheld: context.publication.withheld && {
        reason: context.publication.withheld.reason,
        decidedOn: context.publication.withheld.on,
        panelInformedOn: context.publication.withheld.informedOn,
      },
    }),
    learning: {
      actions: Object.entries(context.actions)
        .sort(([idA, a], [idB, b]) => compare(a.addedOn, b.addedOn) || idA.localeCompare(idB, 'en', { numeric: true }))
        .map(([id, action]) =>
          defined({
            id,
            description: action.description,
            owner: action.owner,
            dueOn: action.dueOn,
            addedOn: action.addedOn,
            completedOn: action.completedOn,
            // Issue 12 item 3
            owningAgency: action.owningAgency,
            lead: action.lead,
            source: action.source,
            status: actionStatus(action),
            progress: (action.progress ?? []).map((p) => ({ updatedOn: p.updatedOn, status: p.status, note: p.note })),
            dueDateChanges: (action.dueDateChanges ?? []).map((c) => ({
              from: c.from,
              to: c.to,
              reason: c.reason,
              changedOn: c.on,
            })),
            cancelled: action.cancelled && { reason: action.cancelled.reason, cancelledOn: action.cancelled.on },
            escalatedOn: actionsEscalatedOn.get(id),
          }),
        ),
    },
    // Issue 12 item 8
    documents: (context.documents ?? []).map((d) =>
      defined({
        id: d.id,
        title: d.title,
        kind: d.kind,
        url: d.url,
        linkedOn: d.linkedOn,
        unlinked: d.unlinked && { reason: d.unlinked.reason, unlinkedOn: d.unlinked.on },
      }),
    ),
    // Item 6
    corrections: (context.corrections ?? []).map((c) => ({
      fact: c.fact,
      from: c.from,
      to: c.to,
      reason: c.reason,
      correctedOn: c.on,
      byId: c.by,
      by: c.byName,
    })),
  };
}

/** Issue 12 item 2: which notification the case follows (a case of machine version 1: a serious incident). */
function notificationPathRecord(context: CaseContext, details: IncidentDetails) {
  const route = context.route;
  return defined({
    path: route?.path ?? 'serious-incident',
    nature: details.nature,
    toSosOfsted: route?.toSosOfsted ?? false,
    sosOfstedNotifiedOn: route?.sosOfstedNotifiedOn,
    criteriaMetOn: route?.criteriaMetOn,
    openedAs: route?.openedAs,
    detailsRecordedOn: route?.detailsRecordedOn,
  });
}

/** The user ids the record names (the authors of escalations), to be resolved to names for {@link toCaseRecord}. */
export function recordUserIds(context: CaseContext): string[] {
  const ids = context.decisionRounds.flatMap((round) => round.escalations.map((e) => e.by));
  // Issue 12 items 4 and 5: who resolved an escalation, who recorded progress reviews and involvement
  ids.push(
    ...context.decisionRounds.flatMap((round) => round.escalations.flatMap((e) => e.resolution?.by ?? [])),
    ...(context.lcspr.progressReviews ?? []).map((r) => r.by),
    ...(context.lcspr.involvement ?? []).map((i) => i.by),
  );
  return [...new Set(ids)];
}

function roundView(
  round: SignOffRound,
  agencies: readonly Agency[],
  userNames: ReadonlyMap<string, string>,
): SignOffRoundRecordView {
  const signed = new Set(round.signOffs.map((s) => s.agency));
  return defined({
    round: round.round,
    openedOn: round.openedOn,
    recommendation: round.recommendation,
    outcome: round.outcome,
    signOffs: round.signOffs.map((s) =>
      defined({
        agency: s.agency,
        decision: s.decision,
        by: s.byName,
        byId: s.by,
        signedOn: s.at,
        comment: s.comment,
        onBehalf: s.onBehalf && { reason: s.onBehalf.reason },
      }),
    ),
    notSignedBy: agencies.filter((agency) => !signed.has(agency)),
    escalations: round.escalations.map((e) =>
      defined({
        note: e.note,
        escalatedOn: e.on,
        byId: e.by,
        by: userNames.get(e.by),
        resolution:
          e.resolution &&
          defined({
            outcome: e.resolution.outcome,
            resolvedOn: e.resolution.resolvedOn,
            byId: e.resolution.by,
            by: userNames.get(e.resolution.by),
            note: e.resolution.note,
          }),
      }),
    ),
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object without its undefined fields: a value never written is absent from the record, not `null`. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

/**
 * Issue 12 item 3: the day each action was first escalated, from a case's history (the service's `action.escalated`
 * events, oldest first; other events are passed over).
 */
export function actionsFirstEscalatedOn(
  events: readonly { type: string; payload: Record<string, unknown> }[],
): Map<string, string> {
  const escalatedOn = new Map<string, string>();
  for (const { type, payload } of events) {
    const { actionId, escalatedOn: on } = payload as { actionId?: unknown; escalatedOn?: unknown };
    if (
      type === 'action.escalated' &&
      typeof actionId === 'string' &&
      typeof on === 'string' &&
      !escalatedOn.has(actionId)
    )
      escalatedOn.set(actionId, on);
  }
  return escalatedOn;
}
