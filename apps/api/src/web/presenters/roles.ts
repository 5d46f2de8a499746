import { optionLabel } from '@app/cases';
import type { Agency, Role } from '@app/workflows';

/** Each role as the pages name it. */
export const ROLE_NAMES: Record<Role, string> = {
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
  return seat.agency ? `${roleName(seat.role)} (${optionLabel(seat.agency)})` : roleName(seat.role);
}

/** `['business-unit', 'subgroup-member']` -> `Business unit and subgroup members`. */
export function audienceText(roles: readonly Role[]): string {
  const names = roles.map((role, index) => {
    const name = index === 0 ? roleName(role) : roleName(role).toLowerCase();
    return role === 'business-unit' ? name : `${name}s`;
  });
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
