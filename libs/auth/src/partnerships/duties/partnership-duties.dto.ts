import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsLocalDate } from '@app/common';
import {
  ANNUAL_REPORT_COPY_RECIPIENTS,
  DEADLINE_STATUSES,
  PARTNERSHIP_DUTY_RULES,
  type AnnualReportCopyRecipient,
  type DeadlineStatus,
  type RuleId,
} from '@app/workflows';
import { PARTNERSHIP_AUDIT_EVENT_TYPES } from './partnership-audit';

export const MAX_REPORT_URL_LENGTH = 2000;
const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class RecordAnnualReportDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-01-31',
    description:
      'The day the annual report was published. On adopting the service, the day the last one was published. ' +
      'Not in the future, and after the last report recorded.',
  })
  @IsLocalDate({ message: 'publishedOn must be a real date YYYY-MM-DD from 2000 to 2099' })
  publishedOn: string;

  @ApiProperty({
    format: 'uri',
    maxLength: MAX_REPORT_URL_LENGTH,
    example: 'https://example.org/annual-report-2025-26',
  })
  @trim
  @IsString({ message: 'url must be an http(s) address' })
  @MaxLength(MAX_REPORT_URL_LENGTH, { message: `url must be at most ${MAX_REPORT_URL_LENGTH} characters` })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) address, such as https://example.org/annual-report' },
  )
  url: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    description:
      'When the copies to the Panel and the What Works Centre were already sent (a report recorded after the ' +
      'event, such as the last one before adopting the service): both are recorded with the report, so no reminder ' +
      'goes out for them. Not before publishedOn, not in the future.',
  })
  @IsOptional()
  @IsLocalDate({ message: 'copiesSentOn must be a real date YYYY-MM-DD from 2000 to 2099' })
  copiesSentOn?: string;
}

export class RecordAnnualReportCopiesDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-02-04',
    description: 'The day the copies were sent: not before the report was published, not in the future.',
  })
  @IsLocalDate({ message: 'sentOn must be a real date YYYY-MM-DD from 2000 to 2099' })
  sentOn: string;

  @ApiPropertyOptional({
    enum: ANNUAL_REPORT_COPY_RECIPIENTS,
    isArray: true,
    default: [...ANNUAL_REPORT_COPY_RECIPIENTS],
    description: 'Whom they were sent to on that day: both unless said. Each is recorded once per report.',
  })
  @IsOptional()
  @IsArray({ message: 'recipients must be a list' })
  @ArrayMinSize(1, { message: 'recipients must name at least one recipient' })
  @ArrayUnique({ message: 'recipients must not name a recipient twice' })
  @IsIn(ANNUAL_REPORT_COPY_RECIPIENTS, {
    each: true,
    message: `each recipient must be one of: ${ANNUAL_REPORT_COPY_RECIPIENTS.join(', ')}`,
  })
  recipients?: AnnualReportCopyRecipient[];
}

export class CopiesSentOnView {
  @ApiProperty({ type: String, format: 'date', nullable: true }) panel: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, name: 'what-works-centre' })
  'what-works-centre': string | null;
}

export class AnnualReportView {
  @ApiProperty({ type: String, format: 'date' }) publishedOn: string;
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiProperty({ type: CopiesSentOnView, description: 'The day a copy went to each recipient; null while not sent' })
  copiesSentOn: CopiesSentOnView;
}

export class DutyDeadlineView {
  @ApiProperty({ enum: PARTNERSHIP_DUTY_RULES }) rule: RuleId;
  @ApiProperty({ type: String, format: 'date' }) startedOn: string;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiPropertyOptional({ type: String, format: 'date' }) stoppedOn?: string;
  @ApiProperty({ enum: DEADLINE_STATUSES }) status: DeadlineStatus;
}

export class PartnershipAuditEventView {
  @ApiProperty({ type: 'integer' }) sequence: number;
  @ApiProperty({ enum: PARTNERSHIP_AUDIT_EVENT_TYPES }) type: string;
  @ApiProperty({ type: String, format: 'date', description: 'The London day it happened' }) occurredOn: string;
  @ApiProperty({ format: 'date-time', description: 'When it was recorded' }) recordedAt: string;
  @ApiProperty({ description: "Who recorded it: a user's name, or practice-review for the service itself" })
  by: string;
  @ApiProperty({ type: [String], description: 'Their roles when they recorded it' }) byRoles: string[];
  @ApiProperty({ type: Object, nullable: true, description: 'What it was before; null when there was nothing' })
  before: Record<string, unknown> | null;
  @ApiProperty({ type: Object, description: 'What it is after' }) after: Record<string, unknown>;
}

export class PartnershipDutiesView {
  @ApiPropertyOptional({
    type: AnnualReportView,
    description: 'The latest annual report recorded; absent until the partnership records one',
  })
  lastAnnualReport?: AnnualReportView;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When the next annual report is due; null (not known) until a published report is recorded',
  })
  nextAnnualReportDueOn: string | null;

  @ApiProperty({
    type: [DutyDeadlineView],
    description:
      'annual-report (the next report, open or overdue) and annual-report-copies (met or late once both copies ' +
      'are recorded); empty until a published report is recorded',
  })
  deadlines: DutyDeadlineView[];

  @ApiProperty({ description: 'Whether you may record a publication or copies (business unit and lead partners)' })
  canRecord: boolean;

  @ApiProperty({ type: [PartnershipAuditEventView], description: 'The history of these duties, newest first' })
  history: PartnershipAuditEventView[];
}
