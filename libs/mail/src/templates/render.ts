import type { Agency, Role } from '@app/workflows';
import { MONTH_NAMES } from '@app/calendar';

/** What every template returns; `MailMessage` adds recipients and the Message-ID. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FOOTER =
  'This is an automatic message from practice-review; please do not reply. It carries only the case ' +
  'reference, the rule and its dates: sign in through the link to see the case.';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `2026-01-12` -> `{ long: 'Monday 12 January 2026', short: 'Mon 12 Jan 2026' }`; a calendar date, no time zone. */
export function formatDueOn(dueOn: string): { long: string; short: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueOn);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!match || !date || date.getUTCMonth() !== +match[2] - 1 || date.getUTCDate() !== +match[3]) {
    throw new Error(`dueOn must be a real YYYY-MM-DD date, got ${JSON.stringify(dueOn)}`);
  }
  const weekday = WEEKDAYS[date.getUTCDay()];
  const month = MONTH_NAMES[date.getUTCMonth()];
  const day = date.getUTCDate();
  const year = date.getUTCFullYear();
  return {
    long: `${weekday} ${day} ${month} ${year}`,
    short: `${weekday.slice(0, 3)} ${day} ${month.slice(0, 3)} ${year}`,
  };
}

/** Only http(s) links: anything else (`javascript:`) in an href would be a bug we refuse to mail. */
export function checkCaseUrl(caseUrl: string): string {
  let protocol: string;
  try {
    protocol = new URL(caseUrl).protocol;
  } catch {
    throw new Error(`caseUrl must be an absolute URL, got ${JSON.stringify(caseUrl)}`);
  }
  if (protocol !== 'https:' && protocol !== 'http:') throw new Error(`caseUrl must be http(s), got ${protocol}`);
  return caseUrl;
}

export function workingDays(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`a working-day count must be a whole number >= 0, got ${n}`);
  return `${n} working day${n === 1 ? '' : 's'}`;
}

/**
 * A mail whose role nobody in the partnership holds (a lead partner, or the police's lead partner) goes to the
 * business unit, or the admins where there is none, saying whose it was. Only role and agency names: nothing else.
 */
export interface UnfilledRoles {
  roles: readonly { role: Role; agency?: Agency }[];
  /** Who received it because of them; null when nobody could. */
  sentTo: 'business-unit' | 'admin' | null;
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'admin',
  'business-unit': 'business unit',
  'subgroup-member': 'subgroup member',
  'delegated-partner': 'delegated partner',
  'lead-partner': 'lead partner',
  'lead-reviewer': 'lead reviewer',
  scrutineer: 'scrutineer',
};
const AGENCY_NAMES: Record<Agency, string> = {
  'local-authority': 'local authority',
  police: 'police',
  health: 'health',
};
const SENT_TO: Record<NonNullable<UnfilledRoles['sentTo']>, string> = {
  'business-unit': 'the business unit',
  admin: "the partnership's admins",
};

/** `{ role: 'lead-partner', agency: 'police' }` -> `lead partner (police)` */
export function roleName(seat: UnfilledRoles['roles'][number]): string {
  if (!Object.prototype.hasOwnProperty.call(ROLE_NAMES, seat.role))
    throw new Error(`unknown role ${JSON.stringify(seat.role)}`);
  if (seat.agency !== undefined && !Object.prototype.hasOwnProperty.call(AGENCY_NAMES, seat.agency)) {
    throw new Error(`unknown agency ${JSON.stringify(seat.agency)}`);
  }
  return `${ROLE_NAMES[seat.role]}${seat.agency ? ` (${AGENCY_NAMES[seat.agency]})` : ''}`;
}

/** What a mail adds when some of the roles it is for are unfilled: a fact, a first paragraph and a subject note. */
export function unfilledRolesParts(unfilled: UnfilledRoles | undefined): {
  facts: [label: string, value: string][];
  paragraphs: string[];
  subjectSuffix: string;
} {
  if (!unfilled || unfilled.roles.length === 0) return { facts: [], paragraphs: [], subjectSuffix: '' };
  const names = unfilled.roles.map(roleName);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const one = names.length === 1;
  const sentTo = unfilled.sentTo
    ? `so it has been sent to ${SENT_TO[unfilled.sentTo]}. Please make sure someone acts on it, and ask an admin to give the role${one ? '' : 's'} to a colleague.`
    : 'and there is no business unit or admin to send it to instead. Please ask an admin to give the role to a colleague.';
  return {
    facts: [[one ? 'Unfilled role' : 'Unfilled roles', names.join('; ')]],
    paragraphs: [
      `This mail is for the ${list}, but nobody in the partnership holds ${one ? 'that role' : 'those roles'}, ${sentTo}`,
    ],
    subjectSuffix: ` [unfilled role: ${names.join('; ')}]`,
  };
}

/** Header values must stay on one line whatever a caller passes. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** The one layout all mails share, rendered as plain text and as escaped HTML from the same parts. */
export function renderMail(parts: {
  subject: string;
  heading: string;
  facts: [label: string, value: string][];
  paragraphs: string[];
  reference: string;
  caseUrl: string;
  /** The link's words, `Open case <reference>` unless said (a partnership duty's mail has no case). */
  linkLabel?: string;
  /** The closing note, the case mails' own unless said. */
  footer?: string;
}): RenderedMail {
  const subject = oneLine(parts.subject);
  const linkLabel = parts.linkLabel ?? `Open case ${parts.reference}`;
  const footer = parts.footer ?? FOOTER;
  const text = [
    parts.heading,
    '',
    ...parts.facts.map(([label, value]) => `${label}: ${value}`),
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    `${linkLabel}: ${parts.caseUrl}`,
    '',
    '--',
    footer,
    '',
  ].join('\n');
  const e = escapeHtml;
  const rows = parts.facts
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding:2px 12px 2px 0">${e(label)}</th><td>${e(value)}</td></tr>`,
    )
    .join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    `<head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c">',
    `<h1 style="font-size:20px">${e(parts.heading)}</h1>`,
    `<table role="presentation">\n${rows}\n</table>`,
    ...parts.paragraphs.map((p) => `<p>${e(p)}</p>`),
    `<p><a href="${e(parts.caseUrl)}">${e(linkLabel)}</a></p>`,
    `<p style="color:#505a5f;font-size:14px">${e(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
