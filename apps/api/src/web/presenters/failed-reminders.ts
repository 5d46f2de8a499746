/**
 * Failed reminders on the admin's page: which case, what it was about, whom it was for, and why it failed in safe
 * words. Nothing of the child: a reminder carries none, and the raw error (a mail server's words) is not shown.
 */
import type { ReminderEntity } from '@app/reminders';
import { NOTICE_ROLES, PARTNERSHIP_DUTY_RECIPIENT_ROLES, RECIPIENT_ROLES, type NoticeKind } from '@app/reminders';
import { govukDate, govukDateTime } from '../page-dates';
import { escapeHtml } from './html';
import { audienceText } from './roles';
import { ruleTitle } from './rulebook';

const KIND_WORDS: Record<string, string> = {
  warning: 'Warning',
  'due-today': 'Due today',
  breach: 'Deadline missed',
  'escalation-delegated': 'Escalation',
  'escalation-lead': 'Escalation',
};

const NOTICE_WORDS: Record<NoticeKind, string> = {
  'sign-off-requested': 'Sign-off of the decision requested',
  'final-report-sign-off-requested': 'Sign-off of the final report requested',
  'decision-agreed': 'Decision agreed',
  'decision-disputed': 'Decision disputed',
  'notification-made': 'Notification made to the Panel',
  'escalated-to-lead-partners': 'Decision escalated to the lead partners', // issue 12 item 4
};

/** What the mail was about: `Warning: Notify the Panel`, or the notice. */
export function reminderSubject(reminder: Pick<ReminderEntity, 'kind' | 'rule' | 'noticeKind'>): string {
  if (reminder.kind === 'notice') return NOTICE_WORDS[reminder.noticeKind as NoticeKind] ?? 'Notice';
  return `${KIND_WORDS[reminder.kind] ?? reminder.kind}: ${ruleTitle(reminder.rule ?? '')}`;
}

/** Whom the mail was for, by role (a partnership duty's reminder has no case, and its own audience). */
export function reminderAudience(
  reminder: Pick<ReminderEntity, 'kind' | 'noticeKind'> & { caseId?: string | null },
): string {
  const deadlineRoles = reminder.caseId === null ? PARTNERSHIP_DUTY_RECIPIENT_ROLES : RECIPIENT_ROLES;
  const roles =
    reminder.kind === 'notice'
      ? NOTICE_ROLES[reminder.noticeKind as NoticeKind]
      : deadlineRoles[reminder.kind as keyof typeof RECIPIENT_ROLES];
  return roles ? audienceText(roles) : '';
}

/** Why it failed, in words that name no person, address or server. */
export function failureWords(lastError: string | null): string {
  if (!lastError) return 'Not known';
  if (lastError.startsWith('No active user holds any of the roles'))
    return 'Nobody holds the roles it is for, and there is no business unit or admin to send it to instead';
  if (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|timed? ?out|connect|greeting|closed/i.test(
      lastError,
    )
  )
    return 'The mail server could not be reached';
  if (/\b5\d\d\b/.test(lastError)) return 'The mail server refused the mail';
  if (/\b4\d\d\b/.test(lastError)) return 'The mail server could not take the mail at the time';
  return 'The mail could not be sent';
}

export interface FailedReminderRow {
  id: string;
  /** Which reminder, for the retry button's hidden text: `CSPR-2026-0001: Warning: Notify the Panel`. */
  label: string;
  /** The `govukTable` cells, the retry button's cell left to the template (it needs the CSRF token). */
  cells: ({ text: string } | { html: string })[];
}

export function failedReminderRows(
  reminders: readonly ReminderEntity[],
  references: ReadonlyMap<string, string>,
): FailedReminderRow[] {
  return reminders.map((reminder) => {
    // A partnership duty's reminder (the annual report) belongs to no case: it links to the partnership's duties.
    const reference = reminder.caseId === null ? 'Partnership duty' : (references.get(reminder.caseId) ?? 'Case');
    const href = reminder.caseId === null ? '/manage/duties' : `/case/${encodeURIComponent(reminder.caseId)}`;
    return {
      id: reminder.id,
      label: `${reference}: ${reminderSubject(reminder)}`,
      cells: [
        {
          html: `<a class="govuk-link app-nowrap" href="${href}">${escapeHtml(reference)}</a>`,
        },
        { text: reminderSubject(reminder) },
        { text: reminderAudience(reminder) },
        {
          text: reminder.dueOn ? govukDate(reminder.dueOn) : `Sent from ${govukDateTime(new Date(reminder.fireAtMs))}`,
        },
        { text: String(reminder.attempts) },
        { text: failureWords(reminder.lastError) },
      ],
    };
  });
}
