import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Deadline } from '@app/workflows';

export class DeadlineView {
  @ApiProperty({ example: 'notify-panel' }) rule: string;
  @ApiProperty({ example: '2026-01-05' }) startedOn: string;
  @ApiProperty({ example: '2026-01-12' }) dueOn: string;
  @ApiPropertyOptional() stoppedOn?: string;
  @ApiProperty({ enum: ['open', 'overdue', 'met', 'late', 'paused', 'cancelled'] }) status: Deadline['status'];
}

export class SignOffView {
  @ApiProperty({ enum: ['local-authority', 'police', 'health'] }) agency: string;
  @ApiProperty({ enum: ['agree', 'disagree'] }) decision: string;
  @ApiProperty({ description: 'Name of the delegated partner who signed' }) by: string;
  @ApiProperty({ example: '2026-01-20' }) at: string;
  @ApiPropertyOptional() comment?: string;
}

export class CaseDecisionView {
  @ApiProperty({ enum: ['lcspr', 'no-lcspr', 'national-review'] }) outcome: string;
  @ApiProperty({ example: '2026-01-20', description: "The last sign-off's date" }) decidedOn: string;
}

export class CaseView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'CSPR-2026-0007' }) reference: string;
  @ApiProperty({ example: 'decision' }) stage: string;
  @ApiProperty({ example: 'decision.awaiting-sign-off' }) state: string;
  @ApiProperty() machineVersion: number;
  @ApiProperty() version: number;
  @ApiProperty() openedAt: string;
  @ApiPropertyOptional({ type: CaseDecisionView }) decision?: CaseDecisionView;
  @ApiProperty({ type: [SignOffView], description: 'Sign-offs of the current decision round' }) signOffs: SignOffView[];
  @ApiProperty({ type: [SignOffView], description: 'Sign-offs of the current final-report round' })
  finalReportSignOffs: SignOffView[];
  @ApiProperty({ type: [DeadlineView] }) deadlines: DeadlineView[];
  @ApiProperty({ type: [String] }) allowedEvents: string[];
}

export class CaseListView {
  @ApiProperty({ type: [CaseView] }) items: CaseView[];
  @ApiProperty() total: number;
}

export class AuditEventView {
  @ApiProperty() at: string;
  @ApiProperty() actor: { id: string; name: string; roles: string[]; agency?: string };
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true }) from: string | null;
  @ApiProperty() to: string;
  @ApiProperty() payload: Record<string, unknown>;
}
