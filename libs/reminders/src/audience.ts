import { AGENCIES, ROLES, ROLES_WITH_AGENCY, type Agency, type CaseContext, type Role } from '@app/workflows';
import { NOTICE_ROLES } from './notice-plan';
import { PARTNERSHIP_DUTY_RECIPIENT_ROLES, RECIPIENT_ROLES } from './reminder-plan';

/** A role a mail must reach someone in: for a partner role, in each agency that signs for the partnership. */
export interface Seat {
  role: Role;
  agency?: Agency;
}

export interface Person {
  email: string;
  roles: readonly Role[];
  agency: Agency | null;
}

/** Who receives a mail whose roles nobody holds: the business unit, or where there is none the partnership's admins. */
export const FALLBACK_ROLES = ['business-unit', 'admin'] as const satisfies readonly Role[];
export type FallbackRole = (typeof FALLBACK_ROLES)[number];

export function seatsOf(roles: readonly Role[], agencies: readonly Agency[]): Seat[] {
  return ROLES.filter((role) => roles.includes(role)).flatMap((role) =>
    ROLES_WITH_AGENCY.includes(role)
      ? AGENCIES.filter((agency) => agencies.includes(agency)).map((agency) => ({ role, agency }))
      : [{ role }],
  );
}

function holds(person: Person, seat: Seat): boolean {
  return person.roles.includes(seat.role) && (seat.agency === undefined || person.agency === seat.agency);
}

/** The seats of every role some reminder or notice is addressed to: each must be held, or mail for it is redirected. */
export function seatsToFill(agencies: readonly Agency[]): Seat[] {
  const addressed = new Set<Role>(
    [
      ...Object.values(RECIPIENT_ROLES),
      ...Object.values(NOTICE_ROLES),
      ...Object.values(PARTNERSHIP_DUTY_RECIPIENT_ROLES),
    ].flat(),
  );
  return seatsOf([...addressed], agencies);
}

export function unfilledSeats(seats: readonly Seat[], people: readonly Person[]): Seat[] {
  return seats.filter((seat) => !people.some((person) => holds(person, seat)));
}

export interface RecipientChoice {
  /** Sorted addresses; empty when nobody at all can receive it. */
  to: string[];
  /** The audience's seats nobody holds. */
  unfilled: Seat[];
  /** Whose holders were added because of them, if anyone's. */
  fallbackRole: FallbackRole | null;
}

/**
 * Everyone active holding one of the audience's roles receives the mail. Where a seat of the audience is empty (no
 * lead partner at all, or none for the police), the business unit receives it too, or the admins where there is no
 * business unit, so that someone learns of it and of the unfilled role.
 *
 * `partnersOf` narrows the partner roles of the audience to one agency's (an overdue action escalated to its owning
 * agency's delegated partner): only that agency's holders receive it, and only its seat must be filled.
 */
export function chooseRecipients(
  audience: readonly Role[],
  agencies: readonly Agency[],
  people: readonly Person[],
  options: { partnersOf?: Agency } = {},
): RecipientChoice {
  const { partnersOf } = options;
  const reaches = (p: Person, role: Role) =>
    p.roles.includes(role) && (!partnersOf || !ROLES_WITH_AGENCY.includes(role) || p.agency === partnersOf);
  const holdersOf = (roles: readonly Role[]) =>
    people.filter((p) => roles.some((r) => reaches(p, r))).map((p) => p.email);
  const to = new Set(holdersOf(audience));
  const unfilled = unfilledSeats(seatsOf(audience, partnersOf ? [partnersOf] : agencies), people);
  let fallbackRole: FallbackRole | null = null;
  if (unfilled.length > 0) {
    for (const role of FALLBACK_ROLES) {
      const fallback = holdersOf([role]);
      if (fallback.length === 0) continue;
      fallback.forEach((email) => to.add(email));
      fallbackRole = role;
      break;
    }
  }
  return { to: [...to].sort(), unfilled, fallbackRole };
}

/**
 * Issue 12 item 3: whose delegated partner an overdue action is escalated to. The arrangements escalate "any areas
 * that are not progressed" to the delegated safeguarding partners: an action owned by one of the agencies that sign
 * for the partnership goes to that agency's delegated partner alone; any other action (owned by another relevant
 * agency, or by none named) to every delegated partner. Only the escalation to the delegated partners of the
 * `action-due` rule is narrowed; the other reminders go to their usual audience.
 */
export function escalationAgencyOf(
  rule: string | null | undefined,
  kind: string,
  subject: string | null | undefined,
  context: Pick<CaseContext, 'actions'> | undefined,
  signOffAgencies: readonly Agency[],
): Agency | undefined {
  if (rule !== 'action-due' || kind !== 'escalation-delegated' || !subject || !context) return undefined;
  const owner = context.actions[subject]?.owningAgency;
  return signOffAgencies.find((agency) => agency === owner);
}
