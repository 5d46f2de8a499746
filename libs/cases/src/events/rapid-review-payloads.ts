/**
 * Issue 12 item 1: the payloads of the agency return events machine version 2 adds (see event-payloads.ts for the
 * conventions). Whether the agency is one of the case's relevant agencies is a rule of the case (422).
 */
import { AgencyField, DateField, TextField } from '../dto/fields';
import { TEXT_LIMITS } from './event-payloads';

export class AgencyReturnRequestedPayload {
  @AgencyField({
    description: "One of the case's relevant agencies (422 otherwise).",
    label: 'Which agency is asked for its return?',
    errorIfMissing: 'Select the agency asked for its return',
  })
  agency: string;

  @DateField({ description: 'The day the agency was asked.', label: 'Date the agency was asked' })
  requestedOn: string;

  @DateField({
    optional: true,
    description:
      "A due date agreed with the agency, not before requestedOn; without it the return is due by the rulebook's " +
      'agency-return rule (5 working days after requestedOn, or the partnership’s own period).',
    label: 'Agreed due date',
    hint: 'Leave blank for the usual period (5 working days unless the partnership changed it). For example, 21 1 2026',
  })
  dueOn?: string;
}

export class AgencyReturnChasedPayload {
  @AgencyField({
    description: 'An agency whose return is outstanding (422 otherwise).',
    label: 'Which agency was chased?',
    errorIfMissing: 'Select the agency that was chased',
  })
  agency: string;

  @DateField({ description: 'The day the agency was chased.', label: 'Date the agency was chased' })
  chasedOn: string;

  @TextField(TEXT_LIMITS.note, {
    optional: true,
    label: 'Note',
    hint: 'For example, who was called and what they said. Do not name the children.',
  })
  note?: string;
}
