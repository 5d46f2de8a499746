import type { UserView } from '@app/auth';
import { CreateUserDto } from '@app/auth';
import { validatePlain } from '@app/cases';
import { ValidationFailedError, type FieldError } from '@app/common';
import {
  agencyRadios,
  roleCheckboxes,
  tickedRoles,
  typedText,
  userFormErrors,
  userSummaryRows,
  userTableRows,
} from './users';

function user(overrides: Partial<UserView> = {}): UserView {
  return {
    id: '0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d',
    email: 'pat@council.gov.uk',
    name: 'Pat Partner',
    roles: ['lead-partner', 'delegated-partner'],
    agency: 'police',
    active: true,
    createdAt: '2026-01-14T10:00:00.000Z',
    ...overrides,
  };
}

/** The details the API's own validation gives for a form's values. */
function detailsFor(values: Record<string, unknown>): FieldError[] {
  try {
    validatePlain(CreateUserDto, values);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.fields;
    throw error;
  }
  return [];
}

describe('the users table', () => {
  it("links each name to the user's page and writes roles, agency and status in plain English", () => {
    const [row] = userTableRows([user()]);
    expect(row).toEqual([
      { html: '<a class="govuk-link" href="/manage/users/0b7c1d5e-6a3f-4c8e-9d2b-1f0a3e5c7b9d">Pat Partner</a>' },
      { text: 'pat@council.gov.uk' },
      { text: 'Delegated partner, Lead partner' },
      { text: 'Police' },
      { html: '<strong class="govuk-tag govuk-tag--green">Active</strong>' },
    ]);
  });

  it('says None for no agency, Deactivated for a deactivated user, and escapes names', () => {
    const [row] = userTableRows([user({ agency: undefined, active: false, name: '<b>Pat</b>' })]);
    expect(row[3]).toEqual({ text: 'None' });
    expect(row[4]).toEqual({ html: '<strong class="govuk-tag govuk-tag--grey">Deactivated</strong>' });
    expect((row[0] as { html: string }).html).toContain('&lt;b&gt;Pat&lt;/b&gt;');
  });
});

describe("a user's summary", () => {
  it('shows name, email, roles and agency, and to an admin the status and the date added', () => {
    const keys = (rows: object[]) => rows.map((r) => (r as { key: { text: string } }).key.text);
    expect(keys(userSummaryRows(user()))).toEqual(['Name', 'Email address', 'Roles', 'Agency']);
    const rows = userSummaryRows(user(), { status: true });
    expect(keys(rows)).toEqual(['Name', 'Email address', 'Roles', 'Agency', 'Status', 'Added on']);
    expect((rows[5] as { value: { text: string } }).value.text).toBe('14 January 2026');
  });
});

describe('the roles checkboxes and agency radios', () => {
  it('offers every role with its hint, ticking those held, and links an error to the first box', () => {
    const params = roleCheckboxes(['admin'], 'Select at least one role') as {
      idPrefix: string;
      items: { value: string; text: string; checked: boolean; hint: { text: string } }[];
      errorMessage: { text: string };
    };
    expect(params.idPrefix).toBe('roles');
    expect(params.items.map((i) => i.value)).toEqual([
      'admin',
      'business-unit',
      'subgroup-member',
      'delegated-partner',
      'lead-partner',
      'lead-reviewer',
      'scrutineer',
    ]);
    expect(params.items.filter((i) => i.checked).map((i) => i.text)).toEqual(['Admin']);
    expect(params.items.every((i) => i.hint.text.length > 0)).toBe(true);
    expect(params.errorMessage).toEqual({ text: 'Select at least one role' });
  });

  it('offers the three agencies or none, choosing none when there is no agency', () => {
    const params = agencyRadios(null) as { items: { value?: string; text?: string; checked?: boolean }[] };
    expect(params.items.filter((i) => i.value !== undefined).map((i) => i.text)).toEqual([
      'Local authority',
      'Police',
      'Health',
      'No agency',
    ]);
    expect(params.items.find((i) => i.checked)?.text).toBe('No agency');
    expect((agencyRadios('health') as typeof params).items.find((i) => i.checked)?.text).toBe('Health');
  });
});

describe('reading the form', () => {
  it('takes one ticked role, several, or none', () => {
    expect(tickedRoles({ roles: 'admin' })).toEqual(['admin']);
    expect(tickedRoles({ roles: ['admin', 'scrutineer'] })).toEqual(['admin', 'scrutineer']);
    expect(tickedRoles({})).toEqual([]);
  });

  it('counts a repeated text field as blank', () => {
    expect(typedText({ name: 'Pat' }, 'name')).toBe('Pat');
    expect(typedText({ name: ['Pat', 'Sam'] }, 'name')).toBe('');
  });
});

describe("the form's errors, from the API's own validation", () => {
  it('asks for what was left blank, in the order of the form', () => {
    const typed = { name: '', email: '', password: '', roles: [] };
    const errors = userFormErrors(detailsFor(typed), typed);
    expect(errors).toEqual({
      name: 'Enter a name',
      email: 'Enter an email address',
      password: 'Enter a password',
      roles: 'Select at least one role',
    });
  });

  it('says what is wrong with what was typed, roles in plain words', () => {
    const typed = {
      name: 'Pat',
      email: 'not an address',
      password: 'short',
      roles: ['business-unit', 'delegated-partner'],
    };
    const errors = userFormErrors(detailsFor(typed), typed);
    expect(errors.email).toBe('Enter an email address in the correct format, like name@example.com');
    expect(errors.password).toBe('Password must be 12 characters or more');
    expect(errors.roles).toMatch(/^Roles may not combine business unit with delegated partner: /);
    expect(errors.agency).toBe('Select an agency: delegated partners and lead partners must belong to one');
    expect(Object.keys(errors)).toEqual(['email', 'password', 'roles', 'agency']);
  });

  it("words the password change's refusals for the page", () => {
    const typed = { currentPassword: 'guess', newPassword: 'a long new password' };
    expect(
      userFormErrors([{ field: 'currentPassword', messages: ['currentPassword is not your current password'] }], typed),
    ).toEqual({ currentPassword: 'Your current password is not right' });
    expect(
      userFormErrors([{ field: 'newPassword', messages: ['newPassword must be at least 12 characters'] }], {
        newPassword: 'short',
      }),
    ).toEqual({ newPassword: 'New password must be 12 characters or more' });
  });

  it("keeps the API's words for a field the form does not know", () => {
    expect(userFormErrors([{ field: 'partnershipId', messages: ['partnershipId is not a known field'] }], {})).toEqual({
      partnershipId: 'partnershipId is not a known field',
    });
  });
});
