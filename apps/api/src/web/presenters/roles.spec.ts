import { AGENCIES, ROLES } from '@app/workflows';
import { AGENCY_NAMES, inPlainWords, ROLE_HINTS, ROLE_NAMES, roleNames } from './roles';

describe('the names of roles and agencies', () => {
  it('names every role and agency, with a hint for every role', () => {
    for (const role of ROLES) {
      expect(ROLE_NAMES[role]).toMatch(/^[A-Z][a-z ]+$/);
      expect(ROLE_HINTS[role]).toBeTruthy();
    }
    expect(AGENCIES.map((a) => AGENCY_NAMES[a])).toEqual(['Local authority', 'Police', 'Health']);
  });

  it('lists roles in the order of the roles list, whatever order they are held in', () => {
    expect(roleNames(['scrutineer', 'admin'])).toBe('Admin, Scrutineer');
    expect(roleNames([])).toBe('');
  });

  it("puts the API's role and agency codes in plain words, leaving other words alone", () => {
    expect(inPlainWords('roles may not combine business-unit with delegated-partner')).toBe(
      'roles may not combine business unit with delegated partner',
    );
    expect(inPlainWords('agency must be one of: local-authority, police, health')).toBe(
      'agency must be one of: local authority, police, health',
    );
    expect(inPlainWords('the last active admin of the partnership')).toBe('the last active admin of the partnership');
    expect(inPlainWords('not-a-business-unit-ish')).toBe('not-a-business-unit-ish');
  });
});
