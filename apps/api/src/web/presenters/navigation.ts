import { REPORT_READERS } from '@app/reports';
import type { Role } from '@app/workflows';

export interface NavigationItem {
  href: string;
  text: string;
  active?: boolean;
}

interface Destination {
  href: string;
  text: string;
  /** Who sees the link; everyone signed in when absent. */
  roles?: readonly Role[];
}

/** What there is to manage, and who sees it (each page checks its own roles too). */
export const MANAGE_SECTIONS: readonly { href: string; title: string; text: string; roles: readonly Role[] }[] = [
  {
    href: '/manage/users',
    title: 'Users',
    text: 'Add people, change their roles and agency, deactivate them or reset a password.',
    roles: ['admin'],
  },
  {
    href: '/manage/settings',
    title: 'Partnership settings',
    text: 'The agencies that sign off, closure days, rule overrides, reminder times, and the roles nobody holds.',
    roles: ['admin'],
  },
  {
    href: '/manage/reminders',
    title: 'Failed reminders',
    text: 'Reminders that could not be sent, to send again.',
    roles: ['admin'],
  },
  {
    href: '/manage/duties',
    title: 'The partnership’s duties',
    text: 'When the next annual report is due, its copies to the Panel and the What Works Centre, and their history.',
    roles: ['admin', 'business-unit', 'lead-partner'],
  },
  {
    href: '/manage/roles',
    title: 'Who holds which role',
    text: 'The partners of each agency and everyone else’s roles, with the roles nobody holds.',
    roles: ['admin', 'lead-partner'],
  },
];

/** Who sees the Manage section in the navigation. */
export const MANAGE_ROLES: readonly Role[] = [...new Set(MANAGE_SECTIONS.flatMap((s) => s.roles))];

/** The service's sections, in the order they appear in the navigation. */
const DESTINATIONS: readonly Destination[] = [
  { href: '/', text: 'Cases' },
  { href: '/report-incident', text: 'Report a serious incident', roles: ['business-unit'] },
  // Item 6
  { href: '/import-cases', text: 'Bring in running cases', roles: ['business-unit'] },
  { href: '/reports', text: 'Reports', roles: REPORT_READERS },
  { href: '/rulebook', text: 'Rulebook' },
  { href: '/working-days', text: 'Working days' },
  { href: '/manage', text: 'Manage', roles: MANAGE_ROLES },
  { href: '/account', text: 'Your account' },
];

/** The navigation links a person sees, the current section marked (a path under a section counts as in it). */
export function navigationFor(roles: readonly Role[], currentPath: string): NavigationItem[] {
  return DESTINATIONS.filter((d) => !d.roles || d.roles.some((role) => roles.includes(role))).map((d) => {
    const active =
      d.href === '/' ? currentPath === '/' || currentPath.startsWith('/case/') : currentPath.startsWith(d.href);
    return { href: d.href, text: d.text, ...(active ? { active: true } : {}) };
  });
}
