import { checkCaseUrl, renderMail, unfilledRolesParts, type RenderedMail, type UnfilledRoles } from './render';

export type EventNoticeKind =
  | 'sign-off-requested'
  | 'final-report-sign-off-requested'
  | 'decision-agreed'
  | 'decision-disputed'
  | 'notification-made'
  // Issue 12 item 4
  | 'escalated-to-lead-partners';

/**
 * Closed on purpose, like `DeadlineReminderInput`: nothing about a child, nor the case summary, may ever be in a
 * mail, so the notice takes only the reference, its kind and a link; the text for each kind is fixed here.
 */
export interface EventNoticeInput {
  reference: string;
  caseUrl: string;
  kind: EventNoticeKind;
  /** As for deadline reminders: set when some of the roles it is for are held by nobody. */
  unfilledRoles?: UnfilledRoles;
}

const NOTICES: Record<EventNoticeKind, { title: string; paragraph: string }> = {
  'sign-off-requested': {
    title: 'A decision awaits your sign-off',
    paragraph:
      "The rapid review's recommendation on whether to commission a local child safeguarding practice review is " +
      "ready. As a delegated partner, please review it and record your agency's sign-off.",
  },
  'final-report-sign-off-requested': {
    title: 'The final report awaits your sign-off',
    paragraph:
      "The final report of the local child safeguarding practice review is ready. Please review it and record your agency's sign-off.",
  },
  'decision-agreed': {
    title: 'The partners have agreed the decision',
    paragraph:
      'Every delegated partner has agreed the recommendation. The rapid review can now be sent to the Child Safeguarding Practice Review Panel.',
  },
  'decision-disputed': {
    title: 'The decision is disputed',
    paragraph:
      'A delegated partner has disagreed with the recommendation. The recommendation must be reconsidered, or the decision escalated to the lead partners.',
  },
  'notification-made': {
    title: 'A serious incident notification has been made',
    paragraph:
      'The serious incident has been notified to the Child Safeguarding Practice Review Panel. The case has moved to the rapid review stage.',
  },
  'escalated-to-lead-partners': {
    title: 'A decision has been escalated to the lead partners',
    paragraph:
      'The delegated partners could not agree whether to commission a local child safeguarding practice review, so ' +
      'the decision has been escalated to the lead partners. Please reach a decision and record it on the case, ' +
      'with the date it was reached.',
  },
};

/** @example eventNotice({ reference: 'CSPR-2026-0007', caseUrl, kind: 'sign-off-requested' }).subject
 *   // '[CSPR-2026-0007] A decision awaits your sign-off' */
export function eventNotice(input: EventNoticeInput): RenderedMail {
  const { reference, caseUrl, kind, unfilledRoles } = input;
  const notice = Object.prototype.hasOwnProperty.call(NOTICES, kind) ? NOTICES[kind] : undefined;
  if (!notice) throw new Error(`unknown event notice kind ${JSON.stringify(kind)}`);
  const unfilled = unfilledRolesParts(unfilledRoles);
  return renderMail({
    subject: `[${reference}] ${notice.title}${unfilled.subjectSuffix}`,
    heading: notice.title,
    facts: [['Case', reference], ...unfilled.facts],
    paragraphs: [...unfilled.paragraphs, notice.paragraph],
    reference,
    caseUrl: checkCaseUrl(caseUrl),
  });
}
