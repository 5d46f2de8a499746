/**
 * Who can act on a case. Defined here, at the bottom of the import graph, because the machines' guards need them and
 * workflows/ may import nothing of ours.
 */
export const ROLES = [
  'admin',
  'business-unit',
  'subgroup-member',
  'delegated-partner',
  'lead-partner',
  'lead-reviewer',
  'scrutineer',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCIES = ['local-authority', 'police', 'health'] as const;
export type Agency = (typeof AGENCIES)[number];

/**
 * A relevant agency: an organisation whose return the rapid review asks for and which can own an action. The three
 * statutory partners keep their agency keys, so a return from the police is the police's whichever list it is in.
 */
export interface RelevantAgency {
  /** Lower-case letters, digits and hyphens, 2 to 40 characters; unique in the partnership's list. */
  key: string;
  name: string;
}

export const RELEVANT_AGENCY_KEY = /^[a-z][a-z0-9-]{1,39}$/;

/**
 * The list a partnership starts with (it keeps its own in its settings): the statutory partners, then the relevant
 * agencies of the partnership arrangements' Appendix A that rapid reviews most often ask (docs/domain/README.md).
 */
export const DEFAULT_RELEVANT_AGENCIES: readonly RelevantAgency[] = [
  { key: 'local-authority', name: 'Children’s social care (local authority)' },
  { key: 'police', name: 'Police' },
  { key: 'health', name: 'Integrated care board (ICB)' },
  { key: 'health-providers', name: 'Health providers' },
  { key: 'education', name: 'Schools and education' },
  { key: 'early-years', name: 'Early years providers' },
  { key: 'probation', name: 'Probation service' },
  { key: 'housing', name: 'Housing' },
  { key: 'youth-justice', name: 'Youth justice service' },
  { key: 'cafcass', name: 'Cafcass' },
  { key: 'fire-and-rescue', name: 'Fire and rescue service' },
  { key: 'voluntary-sector', name: 'Voluntary and community sector' },
];

/**
 * Roles one account may not hold together, because together they would let one person do alone what the statutory
 * process gives to different people (separation of duties):
 * - a case worker (business unit: opens and recommends; subgroup member: recommends) and a delegated partner (signs
 *   the decision and the final report off): one person could propose a decision and agree to it;
 * - the scrutineer, who looks at the work independently, and anyone who does that work.
 */
export const INCOMPATIBLE_ROLE_PAIRS: readonly (readonly [Role, Role])[] = [
  ['business-unit', 'delegated-partner'],
  ['subgroup-member', 'delegated-partner'],
  ['scrutineer', 'business-unit'],
  ['scrutineer', 'subgroup-member'],
  ['scrutineer', 'delegated-partner'],
];

/** The pairs of {@link INCOMPATIBLE_ROLE_PAIRS} that `roles` holds both of. */
export function incompatibleRolePairs(roles: readonly string[]): (readonly [Role, Role])[] {
  return INCOMPATIBLE_ROLE_PAIRS.filter(([a, b]) => roles.includes(a) && roles.includes(b));
}

/**
 * The parts of a case record that describe the children: each child's age, sex, ethnicity and disability, and the
 * summary of what happened. No name is ever stored, but together they can identify a child, so they are read only by
 * the roles that need them (least privilege); everything else in the record is case work that every role reads.
 */
export const RESTRICTED_RECORD_PARTS = ['children', 'summary'] as const;
export type RestrictedRecordPart = (typeof RESTRICTED_RECORD_PARTS)[number];

/**
 * Which restricted parts each role reads: the one list the case record (API and pages) follows; docs/api-contract.md
 * gives the reasons. Keyed by every role, so a new role does not compile until someone decides what it reads.
 * - business unit and subgroup member do the work on the case (notification, rapid review, recommendation);
 * - a delegated partner signs off a decision about the child and so must know what it is about;
 * - the independent scrutineer reads everything (read-only oversight);
 * - lead partners (escalations and the annual report), the lead reviewer (an outside author, who reads only the
 *   cases they are appointed to: {@link readsOnlyAppointedCases}) and the admin (users and settings, not cases)
 *   follow the case without them.
 */
export const RECORD_VISIBILITY: Readonly<Record<Role, readonly RestrictedRecordPart[]>> = {
  admin: [],
  'business-unit': ['children', 'summary'],
  'subgroup-member': ['children', 'summary'],
  'delegated-partner': ['children', 'summary'],
  'lead-partner': [],
  'lead-reviewer': [],
  scrutineer: ['children', 'summary'],
};

/** The restricted parts none of `roles` reads (a person with several roles reads what any of them reads). */
export function recordPartsWithheldFrom(roles: readonly Role[]): RestrictedRecordPart[] {
  const readable = new Set(roles.flatMap((role) => RECORD_VISIBILITY[role] ?? []));
  return RESTRICTED_RECORD_PARTS.filter((part) => !readable.has(part));
}

/**
 * Issue 12 item 5: a lead reviewer is an outside author appointed to one review, so someone whose only role is
 * `lead-reviewer` reads only the cases they are appointed to review (every other case is not found, 404). Any other
 * role reads every case of the partnership.
 */
export function readsOnlyAppointedCases(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((role) => role === 'lead-reviewer');
}

/** Roles that belong to one of the three statutory agencies and must say which. */
export const ROLES_WITH_AGENCY: readonly Role[] = ['delegated-partner', 'lead-partner'];

/** The person sending an event, as the machine's guards see them. */
export interface Actor {
  id: string;
  name: string;
  roles: Role[];
  agency?: Agency;
}
