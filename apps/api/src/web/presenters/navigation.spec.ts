import { MANAGE_SECTIONS, navigationFor } from './navigation';

describe('the navigation', () => {
  it('offers reporting an incident only to the business unit', () => {
    expect(navigationFor(['business-unit'], '/').map((i) => i.text)).toContain('Report a serious incident');
    expect(navigationFor(['delegated-partner'], '/').map((i) => i.text)).not.toContain('Report a serious incident');
  });

  it('offers Manage to admins, the business unit and lead partners (the partnership’s duties), and nobody else', () => {
    for (const role of ['admin', 'business-unit', 'lead-partner'] as const) {
      expect(navigationFor([role], '/').map((i) => i.href)).toContain('/manage');
    }
    for (const role of ['scrutineer', 'subgroup-member', 'delegated-partner', 'lead-reviewer'] as const) {
      expect(navigationFor([role], '/').map((i) => i.href)).not.toContain('/manage');
    }
  });

  it('keeps users, settings and failed reminders for admins; the roles for lead partners and admins', () => {
    const sectionsOf = (role: string) =>
      MANAGE_SECTIONS.filter((s) => (s.roles as readonly string[]).includes(role)).map((s) => s.href);
    expect(sectionsOf('business-unit')).toEqual(['/manage/duties']);
    expect(sectionsOf('lead-partner')).toEqual(['/manage/duties', '/manage/roles']);
    expect(sectionsOf('admin')).toEqual([
      '/manage/users',
      '/manage/settings',
      '/manage/reminders',
      '/manage/duties',
      '/manage/roles',
    ]);
  });

  it('offers the reports to those who work or scrutinise the cases, not to an outside reviewer or an admin', () => {
    for (const role of [
      'business-unit',
      'subgroup-member',
      'delegated-partner',
      'lead-partner',
      'scrutineer',
    ] as const) {
      expect(navigationFor([role], '/').map((i) => i.href)).toContain('/reports');
    }
    for (const role of ['lead-reviewer', 'admin'] as const) {
      expect(navigationFor([role], '/').map((i) => i.href)).not.toContain('/reports');
    }
    expect(navigationFor(['scrutineer'], '/reports/cases').find((i) => i.active)?.href).toBe('/reports');
  });

  it('marks the section of the current page, a case page being under the cases', () => {
    const items = navigationFor(['business-unit'], '/case/0b7c');
    expect(items.filter((i) => i.active).map((i) => i.href)).toEqual(['/']);
    expect(navigationFor(['admin'], '/manage/users').find((i) => i.active)?.href).toBe('/manage');
  });
});
