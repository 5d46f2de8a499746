import { OPTION_LABELS } from '@app/cases';
import { AGENCIES, ROLES, type Agency, type Role } from '@app/workflows';

/** Each role in plain English, as the pages name it: one entry per role of ROLES (the type checker holds it to that). */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  'business-unit': 'Business unit',
  'subgroup-member': 'Subgroup member',
  'delegated-partner': 'Delegated partner',
  'lead-partner': 'Lead partner',
  'lead-reviewer': 'Lead reviewer',
  scrutineer: 'Scrutineer',
};

/** A role's name; a value no list knows (an old audit event's) reads as itself. */
export function roleName(role: string): string {
  return ROLE_NAMES[role as Role] ?? role;
}

/** `{ role: 'lead-partner', agency: 'police' }` -> `Lead partner (Police)`. */
export function seatName(seat: { role: Role; agency?: Agency }): string {
  return seat.agency ? `${roleName(seat.role)} (${agencyName(seat.agency)})` : roleName(seat.role);
}

/** `['business-unit', 'subgroup-member']` -> `Business unit and subgroup members`. */
export function audienceText(roles: readonly Role[]): string {
  const names = roles.map((role, index) => {
    const name = index === 0 ? roleName(role) : roleName(role).toLowerCase();
    return role === 'business-unit' ? name : `${name}s`;
  });
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What each role lets a person do, told beside its checkbox. */
export const ROLE_HINTS: Readonly<Record<Role, string>> = {
  admin: "Adds and changes users and the partnership's settings",
  'business-unit': 'Reports serious incidents and records each step of a case',
  'subgroup-member': 'Records each step of a case, with the business unit',
  'delegated-partner': 'Signs off decisions and final reports for their agency',
  'lead-partner': 'Is told when a decision is escalated, for their agency',
  'lead-reviewer': 'Reads the cases of the partnership',
  scrutineer: 'Reads everything and changes nothing',
};

/** The roles in the order of ROLES (not the order they were given), in plain English: 'Admin, Business unit'. */
export function roleNames(roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map(roleName)
    .join(', ');
}

/** An agency in plain English, the same words as the case forms use. */
export function agencyName(agency: Agency): string {
  return OPTION_LABELS[agency] ?? agency;
}

export const AGENCY_NAMES: Readonly<Record<Agency, string>> = Object.fromEntries(
  AGENCIES.map((agency) => [agency, agencyName(agency)]),
) as Record<Agency, string>;

/** An API message with its role and agency codes in plain English: 'business-unit' -> 'business unit'. */
export function inPlainWords(message: string): string {
  const names: [string, string][] = [
    ...ROLES.map((role): [string, string] => [role, ROLE_NAMES[role].toLowerCase()]),
    ...AGENCIES.map((agency): [string, string] => [agency, AGENCY_NAMES[agency].toLowerCase()]),
  ];
  // Longest first, so that a code inside another is never replaced on its own.
  names.sort(([a], [b]) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\w-])(${names.map(([code]) => code).join('|')})(?![\\w-])`, 'g');
  const lookup = new Map(names);
  return message.replace(pattern, (code) => lookup.get(code) ?? code);
}
