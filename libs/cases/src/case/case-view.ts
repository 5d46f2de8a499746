import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGENCIES, CASE_STAGES, CASE_STATES, DEADLINE_STATUSES, ROLES, RULE_IDS, type Deadline } from '@app/workflows';
import { AUDIT_EVENT_TYPES } from '../events/audit-event-types';
import { CASE_EVENT_TYPES, RECOMMENDATIONS, SIGN_OFF_DECISIONS } from '../events/event-payloads';

/** OpenAPI formats: statutory dates are date-only (`YYYY-MM-DD`, London); instants are ISO 8601 date-times. */
const DATE = { type: String, format: 'date' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const UUID = { type: String, format: 'uuid' } as const;
const INTEGER = { type: 'integer' } as const;

export class DeadlineView {
  @ApiProperty({ enum: RULE_IDS, example: 'notify-panel' }) rule: string;
  @ApiPropertyOptional({
    example: 'A-1',
    description:
      "The item of a rule run once per item (an agency's key for agency-return, an action's id for action-due); absent for the case's own clocks",
  })
  subject?: string;
  @ApiProperty({ ...DATE, example: '2026-01-05' }) startedOn: string;
  @ApiProperty({ ...DATE, example: '2026-01-12' }) dueOn: string;
  @ApiPropertyOptional(DATE) stoppedOn?: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status: Deadline['status'];
}

export class SignOffView {
  @ApiProperty({ enum: AGENCIES }) agency: string;
  @ApiProperty({ enum: SIGN_OFF_DECISIONS }) decision: string;
  @ApiProperty({ description: 'Name of the delegated partner who signed' }) by: string;
  @ApiProperty({ ...DATE, example: '2026-01-20' }) at: string;
  @ApiPropertyOptional() comment?: string;
}

export class CaseDecisionView {
  @ApiProperty({ enum: RECOMMENDATIONS }) outcome: string;
  @ApiProperty({ ...DATE, example: '2026-01-20', description: "The last sign-off's date" }) decidedOn: string;
}

export class CaseView {
  @ApiProperty(UUID) id: string;
  @ApiProperty({ example: 'CSPR-2026-0007' }) reference: string;
  @ApiProperty({ enum: CASE_STAGES, example: 'decision' }) stage: string;
  @ApiProperty({ enum: CASE_STATES, example: 'decision.awaiting-sign-off' }) state: string;
  @ApiProperty(INTEGER) machineVersion: number;
  @ApiProperty({ ...INTEGER, description: 'Goes up by one with every change; send it as If-Match' }) version: number;
  @ApiProperty(INSTANT) openedAt: string;
  @ApiPropertyOptional({ type: CaseDecisionView }) decision?: CaseDecisionView;
  @ApiProperty({ type: [SignOffView], description: 'Sign-offs of the current decision round' }) signOffs: SignOffView[];
  @ApiProperty({ type: [SignOffView], description: 'Sign-offs of the current final-report round' })
  finalReportSignOffs: SignOffView[];
  @ApiProperty({ type: [DeadlineView] }) deadlines: DeadlineView[];
  @ApiProperty({ enum: CASE_EVENT_TYPES, isArray: true, description: "The events the case's current state accepts" })
  allowedEvents: string[];
}

export class CaseListView {
  @ApiProperty({ type: [CaseView] }) items: CaseView[];
  @ApiProperty({ ...INTEGER, description: 'All cases that match the filters' }) total: number;
}

export class AuditActorView {
  @ApiProperty(UUID) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true, description: 'Empty for the service itself' }) roles: string[];
  @ApiPropertyOptional({ enum: AGENCIES }) agency?: string;
}

export class AuditEventView {
  @ApiProperty(INSTANT) at: string;
  @ApiProperty({ type: AuditActorView }) actor: AuditActorView;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES }) type: string;
  @ApiProperty({
    enum: [...CASE_STATES, null],
    nullable: true,
    description: 'The state before; null when the case was opened',
  })
  from: string | null;
  @ApiProperty({ enum: CASE_STATES }) to: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The event's payload as sent (see the events route for each type's fields), or the service's own record",
  })
  payload: Record<string, unknown>;
}
