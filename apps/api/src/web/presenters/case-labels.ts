import type { DeadlineStatus } from '@app/workflows';

/** Each stage of a case in plain English, as the pages name it. */
export const STAGE_NAMES: Record<string, string> = {
  notification: 'Notification',
  'rapid-review': 'Rapid review',
  decision: 'Decision',
  'panel-response': 'Panel response',
  lcspr: 'Local review (LCSPR)',
  'national-review': 'National review',
  publication: 'Publication',
  learning: 'Learning',
  closed: 'Closed',
};

export function stageName(stage: string): string {
  return STAGE_NAMES[stage] ?? stage;
}

/** A deadline's status as a GOV.UK tag: the contract's words (Open, Overdue, Met, Late, Paused, Cancelled). */
const STATUS_TAGS: Record<DeadlineStatus, { text: string; classes: string }> = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  met: { text: 'Met', classes: 'govuk-tag--green' },
  late: { text: 'Late', classes: 'govuk-tag--orange' },
  paused: { text: 'Paused', classes: 'govuk-tag--yellow' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

export function statusTag(status: DeadlineStatus): { text: string; classes: string } {
  return STATUS_TAGS[status];
}
