import type { UserView } from '@app/auth';
import type { FieldError } from '@app/common';
import { AGENCIES, ROLES } from '@app/workflows';
import { govukDate } from '../page-dates';
import type { FieldErrors } from './error-summary';
import { escapeHtml as escape } from './html';
import { AGENCY_NAMES, agencyName, inPlainWords, ROLE_HINTS, ROLE_NAMES, roleNames } from './roles';

type Cell = { text: string } | { html: string };

function statusTag(active: boolean): string {
  return active
    ? '<strong class="govuk-tag govuk-tag--green">Active</strong>'
    : '<strong class="govuk-tag govuk-tag--grey">Deactivated</strong>';
}

/** One row per user for the GOV.UK table: name (a link to their page), email, roles, agency, status. */
export function userTableRows(users: readonly UserView[]): Cell[][] {
  return users.map((user) => [
    { html: `<a class="govuk-link" href="/manage/users/${escape(user.id)}">${escape(user.name)}</a>` },
    { text: user.email },
    { text: roleNames(user.roles) },
    { text: user.agency ? agencyName(user.agency) : 'None' },
    { html: statusTag(user.active) },
  ]);
}

/** A user's details as the rows of a GOV.UK summary list (their own account page, and an admin's view of them). */
export function userSummaryRows(user: UserView, options: { status?: boolean } = {}): object[] {
  const row = (key: string, value: Cell) => ({ key: { text: key }, value });
  return [
    row('Name', { text: user.name }),
    row('Email address', { text: user.email }),
    row('Roles', { text: roleNames(user.roles) }),
    row('Agency', { text: user.agency ? agencyName(user.agency) : 'None' }),
    ...(options.status
      ? [
          row('Status', { html: statusTag(user.active) }),
          row('Added on', { text: govukDate(user.createdAt.slice(0, 10)) }),
        ]
      : []),
  ];
}

const SEPARATION_OF_DUTIES =
  'A delegated partner cannot also be in the business unit or a subgroup member, and a scrutineer can hold none ' +
  'of those three roles.';

/** The arguments of `govukCheckboxes` for a user's roles, in the order of ROLES. */
export function roleCheckboxes(selected: readonly string[], error?: string): object {
  return {
    idPrefix: 'roles',
    name: 'roles',
    fieldset: { legend: { text: 'Roles', classes: 'govuk-fieldset__legend--m' } },
    hint: { text: `Select all that apply. ${SEPARATION_OF_DUTIES}` },
    items: ROLES.map((role) => ({
      value: role,
      text: ROLE_NAMES[role],
      hint: { text: ROLE_HINTS[role] },
      checked: selected.includes(role),
    })),
    ...(error ? { errorMessage: { text: error } } : {}),
  };
}

/** The arguments of `govukRadios` for a user's agency: one of the three, or none. */
export function agencyRadios(selected: string | null | undefined, error?: string): object {
  return {
    idPrefix: 'agency',
    name: 'agency',
    fieldset: { legend: { text: 'Agency', classes: 'govuk-fieldset__legend--m' } },
    hint: { text: 'Delegated partners and lead partners must belong to an agency.' },
    items: [
      ...AGENCIES.map((agency) => ({ value: agency, text: AGENCY_NAMES[agency], checked: selected === agency })),
      { divider: 'or' },
      { value: '', text: 'No agency', checked: !selected },
    ],
    ...(error ? { errorMessage: { text: error } } : {}),
  };
}

/** A text field as typed; anything but one string (a repeated name) counts as blank. */
export function typedText(body: Readonly<Record<string, unknown>>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** The roles ticked: none, one (a string) or several (a list), as a urlencoded form sends them. */
export function tickedRoles(body: Readonly<Record<string, unknown>>): string[] {
  const value = body.roles;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The form fields of a user's pages, in the order they appear, with their labels and words for a blank. */
const FIELDS: Record<string, { label: string; blank: string }> = {
  name: { label: 'Name', blank: 'Enter a name' },
  email: { label: 'Email address', blank: 'Enter an email address' },
  password: { label: 'Password', blank: 'Enter a password' },
  roles: { label: 'Roles', blank: 'Select at least one role' },
  agency: { label: 'Agency', blank: 'Select an agency: delegated partners and lead partners must belong to one' },
  currentPassword: { label: 'Current password', blank: 'Enter your current password' },
  newPassword: { label: 'New password', blank: 'Enter a new password' },
  confirmPassword: { label: 'Confirm new password', blank: 'Confirm your new password' },
};

/** One API problem on a user's field in the words of the page: GOV.UK's for the common ones, else the API's own. */
function messageFor(field: string, messages: readonly string[], typed: unknown): string {
  // An address that is no address at all breaks two rules; the GOV.UK message for it says enough.
  const message =
    messages.find((m) => m === 'email must be an email address') ?? messages[0] ?? `${field} is not valid`;
  const known = FIELDS[field];
  if (!known) return inPlainWords(message);
  const blank = typed === undefined || typed === '' || (Array.isArray(typed) && typed.length === 0);
  if (blank) return known.blank;
  const problem = message.startsWith(`${field} `) ? message.slice(field.length + 1) : message;
  const atLeast = /^must be at least (\d+) characters$/.exec(problem);
  if (atLeast) return `${known.label} must be ${atLeast[1]} characters or more`;
  const atMost = /^must be at most (\d+) characters$/.exec(problem);
  if (atMost) return `${known.label} must be ${atMost[1]} characters or fewer`;
  if (field === 'email' && problem === 'must be an email address')
    return 'Enter an email address in the correct format, like name@example.com';
  if (field === 'agency') return known.blank;
  if (field === 'currentPassword' && problem === 'is not your current password')
    return 'Your current password is not right';
  if (field === 'newPassword' && problem === 'must be different from currentPassword')
    return 'New password must be different from your current password';
  if (problem === message) return inPlainWords(message);
  const words = inPlainWords(problem);
  return `${known.label} ${words}`;
}

/**
 * The API's validation details (`validatePlain` on the same DTO, or the service's refusal) as the page's messages,
 * keyed by the field's id, in the order of the form. `typed` holds what was submitted, to tell a blank field.
 */
export function userFormErrors(details: readonly FieldError[], typed: Readonly<Record<string, unknown>>): FieldErrors {
  const order = Object.keys(FIELDS);
  const sorted = [...details].sort((a, b) => rank(order, a.field) - rank(order, b.field));
  const errors: FieldErrors = {};
  for (const detail of sorted) {
    const field = detail.field.split('.')[0];
    if (errors[field]) continue;
    errors[field] = messageFor(field, detail.messages, typed[field]);
  }
  return errors;
}

function rank(order: string[], field: string): number {
  const index = order.indexOf(field.split('.')[0]);
  return index < 0 ? order.length : index;
}
