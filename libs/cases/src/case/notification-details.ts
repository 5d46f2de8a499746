/**
 * Issue 12 item 2: the Panel's notification fields on the case row (`details`), where the record reads them.
 *
 * - At opening: the nature of the notification (derived for clients that do not send it) gives the machine its path.
 * - After opening: `incident.details-recorded` (case-level fields, none identifying a child: its payload is kept in the
 *   history as sent) and `child.details-recorded` (one child's details, the record's restricted `children` part: the
 *   history keeps only which fields changed, never their values, as every role reads the history), and
 *   `notification.criteria-met` (abuse or neglect is now known or suspected).
 */
import type { NotificationPath } from '@app/workflows';
import type { OpenCaseDto } from '../dto/open-case.dto';
import type { NotificationNature } from '../dto/notification-codes';
import type { ChildDetails, IncidentDetails } from '../entities/case.entity';
import type { ParsedCaseEvent } from '../events';

/** The fields of one child that `child.details-recorded` sets. */
const CHILD_DETAIL_FIELDS = [
  'plans',
  'placementType',
  'knownToAgencies',
  'ethnicity',
  'disability',
  'disabilityTypes',
] as const satisfies readonly (keyof ChildDetails)[];

/** The case-level fields that `incident.details-recorded` sets. */
const INCIDENT_DETAIL_FIELDS = [
  'localAuthorityOfResidence',
  'localAuthorityOfIncident',
  'harmCategories',
  'contributingFactors',
] as const satisfies readonly (keyof IncidentDetails)[];

/**
 * What is notified: as sent, or for a client that does not say (one written before the field), the death of a
 * looked-after child when a looked-after child died, else a serious incident.
 */
export function natureOf(input: Pick<OpenCaseDto, 'nature' | 'incidentType' | 'lookedAfter'>): NotificationNature {
  if (input.nature) return input.nature;
  return input.incidentType === 'death' && input.lookedAfter ? 'looked-after-death' : 'serious-incident';
}

/**
 * The machine's path for a notification, and whether the Secretary of State and Ofsted are told:
 * - a looked-after child's death: with abuse or neglect known or suspected, a serious incident too (both notified);
 * - a care leaver's death: a serious incident too only when abuse or neglect is known or suspected and the person was
 *   under 18 (rules.md rule 5: "unless the person was under 18 and the serious-incident criteria are met").
 */
export function routeOf(
  nature: NotificationNature,
  input: Pick<OpenCaseDto, 'abuseOrNeglect' | 'children'>,
): { path: NotificationPath; toSosOfsted: boolean } {
  const abuse = input.abuseOrNeglect !== 'not-suspected';
  switch (nature) {
    case 'serious-incident':
      return { path: 'serious-incident', toSosOfsted: false };
    case 'looked-after-death':
      return { path: abuse ? 'serious-incident' : 'looked-after-death', toSosOfsted: true };
    case 'care-leaver-death': {
      const aChild = input.children.some((child) => child.ageYears < 18);
      return { path: abuse && aChild ? 'serious-incident' : 'care-leaver-death', toSosOfsted: true };
    }
  }
}

/** The case row's details at opening: what was sent (with its nature), and nothing that was not. */
export function openingDetails(input: OpenCaseDto): IncidentDetails {
  return defined({
    incidentOn: input.incidentOn,
    incidentType: input.incidentType,
    abuseOrNeglect: input.abuseOrNeglect,
    lookedAfter: input.lookedAfter,
    children: input.children.map((child) => defined({ ...child })),
    summary: input.summary,
    nature: natureOf(input),
    localAuthorityOfResidence: input.localAuthorityOfResidence,
    localAuthorityOfIncident: input.localAuthorityOfIncident,
    harmCategories: input.harmCategories && [...input.harmCategories],
    contributingFactors: input.contributingFactors && [...input.contributingFactors],
  }) as IncidentDetails;
}

/** What an accepted event changes on the case row: its details, and what its history keeps of the payload. */
export interface DetailsChange {
  details: IncidentDetails;
  auditPayload: Record<string, unknown>;
}

/** The change `parsed` makes to the case's `details`, or undefined for an event that does not touch them. */
export function detailsChangeOf(details: IncidentDetails, parsed: ParsedCaseEvent): DetailsChange | undefined {
  const payload = parsed.payload;
  switch (parsed.type) {
    case 'incident.details-recorded':
      return { details: { ...details, ...pick(payload, INCIDENT_DETAIL_FIELDS) }, auditPayload: payload };
    case 'child.details-recorded': {
      const index = Number(payload.child) - 1;
      const before = details.children[index] ?? ({} as ChildDetails);
      const given = pick(payload, CHILD_DETAIL_FIELDS);
      const after = { ...before, ...given } as ChildDetails;
      const changed = CHILD_DETAIL_FIELDS.filter(
        (field) => field in given && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
      );
      const children = details.children.map((child, i) => (i === index ? after : child));
      // The history names the child and the fields that changed: their values are the record's restricted part.
      return { details: { ...details, children }, auditPayload: { child: payload.child, changed } };
    }
    case 'notification.criteria-met':
      return {
        details: { ...details, abuseOrNeglect: payload.abuseOrNeglect as IncidentDetails['abuseOrNeglect'] },
        auditPayload: payload,
      };
    default:
      return undefined;
  }
}

function pick(payload: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => field in payload).map((field) => [field, payload[field]]));
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
