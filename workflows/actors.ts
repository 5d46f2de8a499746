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

/** Roles that belong to one of the three statutory agencies and must say which. */
export const ROLES_WITH_AGENCY: readonly Role[] = ['delegated-partner', 'lead-partner'];

/** The person sending an event, as the machine's guards see them. */
export interface Actor {
  id: string;
  name: string;
  roles: Role[];
  agency?: Agency;
}
