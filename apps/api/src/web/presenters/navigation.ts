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

/** The service's sections, in the order they appear in the navigation. */
const DESTINATIONS: readonly Destination[] = [
  { href: '/', text: 'Cases' },
  { href: '/report-incident', text: 'Report a serious incident', roles: ['business-unit'] },
  // Item 6
  { href: '/import-cases', text: 'Bring in running cases', roles: ['business-unit'] },
  { href: '/rulebook', text: 'Rulebook' },
  { href: '/working-days', text: 'Working days' },
  { href: '/manage', text: 'Manage', roles: ['admin'] },
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
