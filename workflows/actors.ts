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

/** Roles that belong to one of the three statutory agencies and must say which. */
export const ROLES_WITH_AGENCY: readonly Role[] = ['delegated-partner', 'lead-partner'];

/** The person sending an event, as the machine's guards see them. */
export interface Actor {
  id: string;
  name: string;
  roles: Role[];
  agency?: Agency;
}
