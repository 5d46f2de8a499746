import { navigationFor } from './navigation';

describe('the navigation', () => {
  it('offers reporting an incident only to the business unit', () => {
    expect(navigationFor(['business-unit'], '/').map((i) => i.text)).toContain('Report a serious incident');
    expect(navigationFor(['delegated-partner'], '/').map((i) => i.text)).not.toContain('Report a serious incident');
  });

  it('offers the management pages only to admins', () => {
    expect(navigationFor(['admin'], '/').map((i) => i.href)).toContain('/manage');
    expect(navigationFor(['scrutineer'], '/').map((i) => i.href)).not.toContain('/manage');
  });

  it('marks the section of the current page, a case page being under the cases', () => {
    const items = navigationFor(['business-unit'], '/case/0b7c');
    expect(items.filter((i) => i.active).map((i) => i.href)).toEqual(['/']);
    expect(navigationFor(['admin'], '/manage/users').find((i) => i.active)?.href).toBe('/manage');
  });
});
