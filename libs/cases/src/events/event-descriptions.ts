/**
 * How each case event is offered on the web pages: its title, the text of its button, what it records once sent, and
 * one plain-English sentence.
 * The fields themselves are described at the payload classes (event-payloads.ts). Button texts differ between the
 * events a state accepts together, so each form on a page has a button of its own name.
 */
import type { CaseEventType } from './event-payloads';

export interface EventDescription {
  /** The form's heading, an instruction: 'Record the rapid review meeting'. */
  title: string;
  button: string;
  /** What happened once it was sent, for the history and the page's confirmation: 'Rapid review meeting recorded'. */
  done: string;
  /** What sending the event means, in one sentence. */
  description: string;
}

export const EVENT_DESCRIPTIONS = {
  'notification.submitted': {
    title: 'Record the notification to the Panel',
    button: 'Save notification',
    done: 'Notification to the Panel recorded',
    description: 'The serious incident notification was sent to the Child Safeguarding Practice Review Panel.',
  },
  'partners.informed': {
    title: 'Record that the safeguarding partners were informed',
    button: 'Save partners informed',
    done: 'Safeguarding partners informed',
    description: 'The local authority told the other safeguarding partners about the serious incident.',
  },
  'notification.withdrawn': {
    title: 'Withdraw the notification',
    button: 'Withdraw notification',
    done: 'Notification withdrawn',
    description: 'The incident does not meet the criteria for a notification. This ends the case.',
  },
  'agency-return.received': {
    title: "Record an agency's return",
    button: 'Save agency return',
    done: 'Agency return recorded',
    description:
      'An agency sent its information for the rapid review, or a nil return (no involvement with the child or family).',
  },
  'rapid-review.meeting-held': {
    title: 'Record the rapid review meeting',
    button: 'Save meeting',
    done: 'Rapid review meeting recorded',
    description: 'The partners met to review the incident.',
  },
  'rapid-review.recommended': {
    title: 'Recommend the next step',
    button: 'Save recommendation',
    done: 'Recommendation made',
    description: 'The subgroup recommends whether a local review is needed. Each agency then signs it off.',
  },
  'decision.signed-off': {
    title: 'Sign off the decision',
    button: 'Sign off',
    done: 'Decision signed off',
    description: "Your agency agrees or disagrees with the subgroup's recommendation. Every agency must agree.",
  },
  'decision.escalated': {
    title: 'Escalate the disagreement to the lead partners',
    button: 'Escalate to lead partners',
    done: 'Disagreement escalated to the lead partners',
    description: 'The partners could not agree, so the lead safeguarding partners are asked to decide.',
  },
  'rapid-review.submitted': {
    title: 'Record that the rapid review was sent to the Panel',
    button: 'Save rapid review sent',
    done: 'Rapid review sent to the Panel',
    description: 'The rapid review and the partners’ decision were sent to the Panel.',
  },
  'panel.responded': {
    title: "Record the Panel's response",
    button: 'Save Panel response',
    done: "Panel's response recorded",
    description:
      'The Panel replied to the rapid review: it agrees, challenges the decision, or takes a national review.',
  },
  'national-review.published': {
    title: 'Record that the national review was published',
    button: 'Save national review published',
    done: 'National review published',
    description: 'The Panel published its national review.',
  },
  'lcspr.reviewer-appointed': {
    title: 'Record the reviewer',
    button: 'Save reviewer',
    done: 'Reviewer appointed',
    description: 'The person who leads the local child safeguarding practice review was appointed.',
  },
  'lcspr.terms-agreed': {
    title: 'Record that the terms of reference were agreed',
    button: 'Save terms agreed',
    done: 'Terms of reference agreed',
    description: 'The partners agreed what the review will look at.',
  },
  'lcspr.methodology-agreed': {
    title: 'Record that the methodology was agreed',
    button: 'Save methodology agreed',
    done: 'Methodology agreed',
    description: 'The partners agreed how the review will be carried out.',
  },
  'lcspr.paused': {
    title: 'Pause the review',
    button: 'Pause review',
    done: 'Review paused',
    description: 'The review waits for another process. Its 6-month deadline stops counting until it resumes.',
  },
  'lcspr.resumed': {
    title: 'Resume the review',
    button: 'Resume review',
    done: 'Review resumed',
    description: 'The review continues and its 6-month deadline counts again.',
  },
  'lcspr.draft-received': {
    title: 'Record a draft report',
    button: 'Save draft received',
    done: 'Draft report received',
    description: 'A draft of the final report was received. Each agency then signs it off.',
  },
  'lcspr.final-report-signed-off': {
    title: 'Sign off the final report',
    button: 'Sign off',
    done: 'Final report signed off',
    description: 'Your agency agrees or disagrees with the final report. Every agency must agree.',
  },
  'publication.scheduled': {
    title: 'Plan the publication',
    button: 'Save publication date',
    done: 'Publication planned',
    description: 'The date the final report is to be published.',
  },
  'publication.report-sent': {
    title: 'Record that the final report was sent',
    button: 'Save report sent',
    done: 'Final report sent to the Panel and the Secretary of State',
    description: 'The final report was sent to the Panel and the Secretary of State before publication.',
  },
  'publication.published': {
    title: 'Record the publication',
    button: 'Save publication',
    done: 'Report published',
    description: 'The final report was published.',
  },
  'publication.delayed': {
    title: 'Delay the publication',
    button: 'Delay publication',
    done: 'Publication delayed',
    description: 'The report will be published later than planned. The Panel and the Secretary of State must be told.',
  },
  'publication.withheld': {
    title: 'Withhold the report',
    button: 'Withhold report',
    done: 'Report withheld',
    description: 'The report will not be published. The Panel and the Secretary of State must be told.',
  },
  'publication.panel-informed': {
    title: 'Record that the Panel and the Secretary of State were told',
    button: 'Save Panel told',
    done: 'Panel and Secretary of State told',
    description: 'The Panel and the Secretary of State were told about the delay or the withholding.',
  },
  'action.added': {
    title: 'Add an action',
    button: 'Add action',
    done: 'Action added',
    description: 'Something the partnership will do to act on what the review learned.',
  },
  'action.completed': {
    title: 'Complete an action',
    button: 'Complete action',
    done: 'Action completed',
    description: 'An action of the plan was done.',
  },
  // Issue 12 items 3 and 8
  'action.progress-updated': {
    title: 'Update the progress of an action',
    button: 'Save progress',
    done: 'Action progress updated',
    description: 'How an action of the plan is getting on, as its owning agency reports it.',
  },
  'action.due-date-changed': {
    title: 'Change the due date of an action',
    button: 'Save new due date',
    done: 'Action due date changed',
    description: 'The subgroup agreed a new due date for an action. Its reminders move with it.',
  },
  'action.cancelled': {
    title: 'Cancel an action',
    button: 'Cancel action',
    done: 'Action cancelled',
    description: 'The plan no longer needs an action. The case can then close without it.',
  },
  'document.linked': {
    title: 'Link a document',
    button: 'Link document',
    done: 'Document linked',
    description:
      "A link to one of the case's documents in the partnership's own document store. The file itself stays there.",
  },
  'document.unlinked': {
    title: 'Remove the link to a document',
    button: 'Remove link',
    done: 'Document link removed',
    description: 'The link no longer belongs to the case. The case history keeps it.',
  },
  'case.closed': {
    title: 'Close the case',
    button: 'Close case',
    done: 'Case closed',
    description: 'Every action is complete (or cancelled) and nothing more is to be done on this case.',
  },
  // Issue 12 items 4 and 5
  'escalation.resolved': {
    title: 'Record the lead partners’ decision',
    button: 'Save lead partners’ decision',
    done: 'Escalation resolved by the lead partners',
    description:
      'The lead partners decided the disputed recommendation. Their decision is the agreed decision, from the date they reached it.',
  },
  'lcspr.completion-planned': {
    title: 'Plan the completion of the review',
    button: 'Save planned completion',
    done: 'Completion of the review planned',
    description: 'The date the review is planned to be completed, within its 6 months or agreed extension.',
  },
  'lcspr.extended': {
    title: 'Extend the review',
    button: 'Extend review',
    done: 'Review extended',
    description:
      'An extension was agreed: the review’s due date moves to the new date. The Panel and the Secretary of State must be told of the delay and why within 5 working days.',
  },
  'lcspr.extension-notified': {
    title: 'Record that the Panel and the Secretary of State were told of the extension',
    button: 'Save extension told',
    done: 'Panel and Secretary of State told of the extension',
    description: 'The Panel and the Secretary of State were told that the review will take longer, and why.',
  },
  'lcspr.progress-reviewed': {
    title: 'Record a review of progress',
    button: 'Save progress review',
    done: 'Progress of the review recorded',
    description:
      'The partners looked at the progress and the quality of the review, as they must at regular intervals.',
  },
  'lcspr.involvement-recorded': {
    title: 'Record practitioner or family involvement',
    button: 'Save involvement',
    done: 'Involvement recorded',
    description: 'Practitioners or the family took part in the review.',
  },
  // Issue 12 item 2
  'sos-ofsted.notified': {
    title: 'Record that the Secretary of State and Ofsted were notified',
    button: 'Save Secretary of State and Ofsted notified',
    done: 'Secretary of State and Ofsted notified',
    description:
      'The local authority notified the Secretary of State and Ofsted of the death of a looked-after child or a care leaver.',
  },
  'notification.criteria-met': {
    title: 'Record that abuse or neglect is known or suspected',
    button: 'Save as a serious incident',
    done: 'Recorded as a serious incident',
    description:
      'Abuse or neglect is now known or suspected: the death is a serious incident, to be notified to the Panel within 5 working days of this date.',
  },
  'incident.details-recorded': {
    title: 'Record details of the notification',
    button: 'Save details of the notification',
    done: 'Details of the notification recorded',
    description:
      'The local authorities involved, the categories of harm and the contributing factors, as they become known.',
  },
  'child.details-recorded': {
    title: "Record a child's details",
    button: "Save the child's details",
    done: "Child's details recorded",
    description:
      "A child's plans, placement, the agencies they were known to, ethnicity and disability. Only those who read the children's details see them.",
  },
  // Issue 12 item 1
  'agency-return.requested': {
    title: "Ask for an agency's return",
    button: 'Save request',
    done: 'Agency return requested',
    description:
      'An agency was asked for its information for the rapid review. Its return is due in 5 working days unless ' +
      'another date was agreed or the partnership changed the period.',
  },
  'agency-return.chased': {
    title: 'Record chasing a late return',
    button: 'Save chase',
    done: 'Chase recorded',
    description: 'Someone chased an agency for its outstanding return, for example by phone. Reminders carry on.',
  },
} as const satisfies Record<CaseEventType, EventDescription>;
