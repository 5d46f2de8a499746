/**
 * Payloads of the events issue 12 items 4 and 5 add (machine version 2): the lead partners' resolution of an
 * escalation, and the managed LCSPR. Same conventions as event-payloads.ts.
 */
import { DateField, EnumField, TextField } from '../dto/fields';
import { RECOMMENDATIONS, TEXT_LIMITS, type RecommendationValue } from './event-payloads';

export const INVOLVED = ['practitioners', 'family'] as const;
export type InvolvedValue = (typeof INVOLVED)[number];

export class EscalationResolvedPayload {
  @EnumField(RECOMMENDATIONS, {
    label: 'What did the lead partners decide?',
    errorIfMissing: 'Select what the lead partners decided',
  })
  outcome: RecommendationValue;

  @DateField({
    description: 'The day the lead partners reached the decision: not in the future, nor before the escalation.',
    label: 'Date the lead partners reached the decision',
  })
  resolvedOn: string;

  @TextField(TEXT_LIMITS.note, { optional: true, label: 'Note', hint: 'Do not name the children.' })
  note?: string;
}

export class LcsprCompletionPlannedPayload {
  @DateField({
    description: "The date the review is planned to be completed: within the review's due date.",
    label: 'Planned completion date',
    hint: 'Within the 6 months (or the agreed extension), for example 15 7 2026',
  })
  plannedCompletionOn: string;
}

export class LcsprExtendedPayload {
  @TextField(TEXT_LIMITS.reason, { label: 'Why the review needs longer', hint: 'Do not name the children.' })
  reason: string;

  @DateField({
    description: "The agreed new completion date: after today and after the review's current due date.",
    label: 'New completion date',
    hint: 'A date after the current due date, for example 15 1 2027',
  })
  newCompletionOn: string;
}

export class LcsprExtensionNotifiedPayload {
  @DateField({ label: 'Date the Panel and the Secretary of State were told of the extension' })
  informedOn: string;
}

export class LcsprProgressReviewedPayload {
  @DateField({ label: 'Date progress and quality were reviewed' })
  reviewedOn: string;

  @TextField(TEXT_LIMITS.note, {
    label: 'What the review of progress found',
    hint: 'Progress against the timetable and the quality of the work. Do not name the children.',
  })
  note: string;
}

export class LcsprInvolvementRecordedPayload {
  @EnumField(INVOLVED, { label: 'Who was involved?', errorIfMissing: 'Select who was involved' })
  who: InvolvedValue;

  @DateField({ label: 'Date they were involved' })
  involvedOn: string;

  @TextField(TEXT_LIMITS.note, {
    label: 'How they were involved',
    hint: 'For example, a practitioner learning event. Do not name the children or the family.',
  })
  note: string;
}
