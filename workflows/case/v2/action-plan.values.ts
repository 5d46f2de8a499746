/**
 * The words of the action plan (issue 12 item 3), apart from the machine so that the case's types, the payloads and
 * the pages share one list of each.
 */

/** Where an action came from: the review or scrutiny that found it. */
export const ACTION_SOURCES = ['rapid-review', 'lcspr', 'national-review', 'scrutiny', 'other'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** How an action is getting on, as its latest progress update says. */
export const ACTION_PROGRESS_STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track'] as const;
export type ActionProgressStatus = (typeof ACTION_PROGRESS_STATUSES)[number];

/** An action's status in the record: its latest progress, or how it ended. */
export const ACTION_STATUSES = [...ACTION_PROGRESS_STATUSES, 'completed', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
