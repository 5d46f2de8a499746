/** What must hold for every case after any sequence of commands, crashes and restarts. */
export const INVARIANTS = {
  'version-matches-history': 'case.version equals the number of audit events, whose sequences are exactly 1..version',
  'history-chain':
    'the history starts with case.opened from nothing, each event starts where the previous one ended, and the last one ends in the case state',
  'state-matches-snapshot': 'the stage and state columns are those of the persisted XState snapshot',
  'snapshot-restorable': 'the snapshot restores on the registered machine version it was written by',
  'deadlines-match-rulebook': 'the deadline rows are what the rulebook computes from the snapshot',
  'awaited-sign-offs-match':
    'the awaited sign-off rows are the agencies whose delegated partner the snapshot offers a sign-off now',
  'reminders-follow-deadlines': 'no reminder waits to be sent for a deadline that is not running with that due date',
  'rows-belong-to-case':
    'every audit event, deadline, awaited sign-off and reminder belongs to an existing case of the same partnership',
} as const;

export type Invariant = keyof typeof INVARIANTS;

/**
 * One broken invariant of one case. Only identifiers, states, rule names and deadline dates: never the incident
 * details or an event's payload, so a report can be pasted into a ticket.
 */
export interface IntegrityViolation {
  caseId: string;
  /** null when the case itself is missing (rows left behind by a case that does not exist). */
  reference: string | null;
  partnershipId: string;
  invariant: Invariant;
  detail: string;
}

export interface IntegrityReport {
  casesChecked: number;
  violations: IntegrityViolation[];
  byInvariant: Record<Invariant, number>;
}
