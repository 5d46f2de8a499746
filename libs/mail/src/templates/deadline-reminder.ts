import {
  checkCaseUrl,
  formatDueOn,
  renderMail,
  unfilledRolesParts,
  workingDays,
  type RenderedMail,
  type UnfilledRoles,
} from './render';

export type DeadlineReminderKind = 'warning' | 'due-today' | 'breach' | 'escalation';

/**
 * Everything a deadline mail may say, and nothing else. The type is closed on purpose: a mail leaves our
 * control (forwarded, kept in mailboxes, read on phones), so nothing about a child, nor the case summary, may
 * ever be in one: only the reference, the rule, dates and a link to the case behind sign-in. There is no
 * free-text field from the case, and the template reads only these named fields, so passing a whole case
 * object (even by a cast) cannot leak it.
 */
export interface DeadlineReminderInput {
  reference: string;
  caseUrl: string;
  /** The rule in plain English, from the rulebook (never from the case), e.g. "Notify the Panel". */
  ruleDescription: string;
  /**
   * For a deadline of one item of the case: which one, as the partnership names it (an agency's name from its list,
   * an action's reference), never free text from the case.
   */
  item?: string;
  /** YYYY-MM-DD */
  dueOn: string;
  kind: DeadlineReminderKind;
  workingDaysLeft?: number;
  workingDaysOverdue?: number;
  /** An overdue action goes to its owning agency's delegated partner (issue 12 item 3). */
  escalatedTo?: 'delegated partners' | 'lead partners' | 'delegated partner of the owning agency';
  /** Set when some of the roles it is for are held by nobody, and it went to the business unit or admins instead. */
  unfilledRoles?: UnfilledRoles;
  /** Issue 12 item 4: the case is escalated to the lead partners now; the mail says so (and nothing more of it). */
  caseEscalated?: boolean;
}

/**
 * @example deadlineReminder({ reference: 'CSPR-2026-0007', caseUrl, ruleDescription: 'Notify the Panel',
 *   dueOn: '2026-01-12', kind: 'warning', workingDaysLeft: 2 }).subject
 *   // '[CSPR-2026-0007] Notify the Panel: due in 2 working days (Mon 12 Jan 2026)'
 */
export function deadlineReminder(input: DeadlineReminderInput): RenderedMail {
  const {
    reference,
    caseUrl,
    ruleDescription,
    item,
    dueOn,
    kind,
    workingDaysLeft,
    workingDaysOverdue,
    escalatedTo,
    unfilledRoles,
    caseEscalated,
  } = input;
  const due = formatDueOn(dueOn);
  const url = checkCaseUrl(caseUrl);
  const overdue = workingDaysOverdue ? `overdue by ${workingDays(workingDaysOverdue)}` : 'overdue';

  let status: string;
  let subjectStatus: string;
  let heading: string;
  let paragraphs: string[];
  switch (kind) {
    case 'warning':
      if (workingDaysLeft === undefined) {
        status = `due on ${due.long}`;
        subjectStatus = `due ${due.short}`;
      } else {
        status = workingDaysLeft === 0 ? 'due today' : `due in ${workingDays(workingDaysLeft)}`;
        subjectStatus = `${status} (${due.short})`;
      }
      heading = 'A statutory deadline is coming up';
      paragraphs = [
        'Please make sure this is done by the due date. If it is already done, record it on the case so the reminders stop.',
      ];
      break;
    case 'due-today':
      status = 'due today';
      subjectStatus = `due today (${due.short})`;
      heading = 'A statutory deadline is due today';
      paragraphs = [
        'Please make sure this is done today. If it is already done, record it on the case so the reminders stop.',
      ];
      break;
    case 'breach':
      status = overdue;
      subjectStatus = `${overdue} (due ${due.short})`;
      heading = 'A statutory deadline has been missed';
      paragraphs = ['The due date has passed. Please complete this as soon as possible and record it on the case.'];
      break;
    case 'escalation': {
      const to = escalatedTo ? ` to the ${escalatedTo}` : '';
      status = `${overdue}, escalated${to}`;
      subjectStatus = `${overdue}, escalated${escalatedTo ? ` to ${escalatedTo}` : ''} (due ${due.short})`;
      heading = 'An overdue statutory deadline has been escalated';
      paragraphs = [
        `This deadline is ${overdue} and has been escalated${to}. Please make sure it is completed and recorded on the case.`,
      ];
      break;
    }
    default:
      throw new Error(`unknown deadline reminder kind ${JSON.stringify(kind satisfies never)}`);
  }

  const unfilled = unfilledRolesParts(unfilledRoles);
  return renderMail({
    subject: `[${reference}] ${ruleDescription}${item ? ` (${item})` : ''}: ${subjectStatus}${unfilled.subjectSuffix}`,
    heading,
    facts: [
      ['Case', reference],
      ['Rule', ruleDescription],
      ...(item ? [['For', item] as [string, string]] : []),
      ['Due', due.long],
      ['Status', status.charAt(0).toUpperCase() + status.slice(1)],
      ...unfilled.facts,
    ],
    paragraphs: [
      ...unfilled.paragraphs,
      ...(caseEscalated ? ['This case is escalated to the lead partners.'] : []),
      ...paragraphs,
    ],
    reference,
    caseUrl: url,
  });
}
