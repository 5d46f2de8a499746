/** What every template returns; `MailMessage` adds recipients and the Message-ID. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

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
  const month = MONTHS[date.getUTCMonth()];
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
}): RenderedMail {
  const subject = oneLine(parts.subject);
  const linkLabel = `Open case ${parts.reference}`;
  const text = [
    parts.heading,
    '',
    ...parts.facts.map(([label, value]) => `${label}: ${value}`),
    '',
    ...parts.paragraphs.flatMap((p) => [p, '']),
    `${linkLabel}: ${parts.caseUrl}`,
    '',
    '--',
    FOOTER,
    '',
  ].join('\n');
  const e = escapeHtml;
  const rows = parts.facts
    .map(([label, value]) => `<tr><th style="text-align:left;padding:2px 12px 2px 0">${e(label)}</th><td>${e(value)}</td></tr>`)
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
    `<p style="color:#505a5f;font-size:14px">${e(FOOTER)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
