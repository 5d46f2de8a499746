import {
  checkCaseUrl,
  formatDueOn,
  renderMail,
  unfilledRolesParts,
  workingDays,
  type RenderedMail,
  type UnfilledRoles,
} from './render';

export type DutyReminderKind = 'warning' | 'due-today' | 'breach' | 'escalation';

const DUTY_FOOTER =
  'This is an automatic message from practice-review; please do not reply. It carries only the partnership duty ' +
  'and its dates: sign in through the link to record it.';

/**
 * Everything a partnership duty's reminder may say (the annual report and its copies): the rule, its due date and a
 * link to the partnership's duties page behind sign-in. It is about no case, so it carries no case reference, and the
 * type is closed like the case reminders' so nothing else can be put in.
 */
export interface DutyReminderInput {
  /** The rule in plain English, from the rulebook. */
  ruleDescription: string;
  /** YYYY-MM-DD */
  dueOn: string;
  /** The partnership's duties page. */
  dutiesUrl: string;
  kind: DutyReminderKind;
  workingDaysLeft?: number;
  workingDaysOverdue?: number;
  unfilledRoles?: UnfilledRoles;
}

/**
 * @example dutyReminder({ ruleDescription: 'The safeguarding partners send ...', dueOn: '2026-02-07', dutiesUrl,
 *   kind: 'breach', workingDaysOverdue: 1 }).subject
 *   // '[Partnership duty] The safeguarding partners send ...: overdue by 1 working day (due Sat 7 Feb 2026)'
 */
export function dutyReminder(input: DutyReminderInput): RenderedMail {
  const { ruleDescription, dueOn, kind, workingDaysLeft, workingDaysOverdue, unfilledRoles } = input;
  const due = formatDueOn(dueOn);
  const url = checkCaseUrl(input.dutiesUrl);
  const overdue = workingDaysOverdue ? `overdue by ${workingDays(workingDaysOverdue)}` : 'overdue';
  const record = 'record it on the partnership’s duties page';
  let status: string;
  let subjectStatus: string;
  let heading: string;
  let paragraphs: string[];
  switch (kind) {
    case 'warning':
      status =
        workingDaysLeft === undefined || workingDaysLeft === 0 ? 'due soon' : `due in ${workingDays(workingDaysLeft)}`;
      subjectStatus = `${status} (${due.short})`;
      heading = 'A duty of the partnership is coming up';
      paragraphs = [
        `Please make sure this is done by the due date. If it is already done, ${record} so the reminders stop.`,
      ];
      break;
    case 'due-today':
      status = 'due today';
      subjectStatus = `due today (${due.short})`;
      heading = 'A duty of the partnership is due today';
      paragraphs = [`Please make sure this is done today. If it is already done, ${record} so the reminders stop.`];
      break;
    case 'breach':
      status = overdue;
      subjectStatus = `${overdue} (due ${due.short})`;
      heading = 'A duty of the partnership has been missed';
      paragraphs = [`The due date has passed. Please complete this as soon as possible and ${record}.`];
      break;
    case 'escalation':
      status = `${overdue}, escalated to the lead partners`;
      subjectStatus = `${overdue}, escalated to lead partners (due ${due.short})`;
      heading = 'An overdue duty of the partnership has been escalated';
      paragraphs = [
        `This duty is ${overdue} and has been escalated to the lead partners. Please make sure it is completed and that the business unit can ${record}.`,
      ];
      break;
    default:
      throw new Error(`unknown duty reminder kind ${JSON.stringify(kind satisfies never)}`);
  }
  const unfilled = unfilledRolesParts(unfilledRoles);
  return renderMail({
    subject: `[Partnership duty] ${ruleDescription}: ${subjectStatus}${unfilled.subjectSuffix}`,
    heading,
    facts: [
      ['Duty', ruleDescription],
      ['Due', due.long],
      ['Status', status.charAt(0).toUpperCase() + status.slice(1)],
      ...unfilled.facts,
    ],
    paragraphs: [...unfilled.paragraphs, ...paragraphs],
    reference: 'Partnership duty',
    caseUrl: url,
    linkLabel: 'Open the partnership’s duties',
    footer: DUTY_FOOTER,
  });
}
