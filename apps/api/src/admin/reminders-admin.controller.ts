import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Roles, UnfilledRoleView } from '@app/auth';
import {
  FailedReminders,
  FALLBACK_ROLES,
  type FallbackRole,
  NOTICE_ROLES,
  REMINDER_KINDS,
  REMINDER_STATUSES,
  ReminderEntity,
  ReminderStatus,
} from '@app/reminders';
import { RULE_IDS } from '@app/workflows';
import { ApiErrorResponses } from '../http/api-errors';

class ListRemindersQuery {
  @ApiPropertyOptional({ enum: REMINDER_STATUSES, default: 'failed' })
  @IsOptional()
  @IsIn(REMINDER_STATUSES, { message: `status must be one of: ${REMINDER_STATUSES.join(', ')}` })
  status?: ReminderStatus;
}

/** A reminder as an admin sees it: what it warns of, whom it went to (staff addresses) and how its sending went. */
class ReminderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The case it is about; null for a partnership duty's reminder (the annual report and its copies)",
  })
  caseId: string | null;
  @ApiProperty({ enum: REMINDER_KINDS }) kind: string;
  @ApiProperty({ enum: [...RULE_IDS, null], nullable: true, description: "The deadline's rule; null for a notice" })
  rule: string | null;
  @ApiProperty({
    enum: [...Object.keys(NOTICE_ROLES), null],
    nullable: true,
    description: 'null for a deadline reminder',
  })
  notice: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: "The deadline's due date; null for a notice",
  })
  dueOn: string | null;
  @ApiProperty({ format: 'date-time' }) fireAt: string;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: ReminderStatus;
  @ApiProperty({ type: 'integer' }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({
    type: String,
    format: 'email',
    isArray: true,
    nullable: true,
    description: 'Who it was sent to; null before sending',
  })
  recipients: string[] | null;
  @ApiProperty({
    type: [UnfilledRoleView],
    nullable: true,
    description: 'The roles it was for that nobody held when it was sent; null when every one was held',
  })
  unfilledRoles: UnfilledRoleView[] | null;
  @ApiProperty({
    enum: [...FALLBACK_ROLES, null],
    nullable: true,
    description: 'Whose holders received it in place of the unfilled roles',
  })
  fallbackRole: FallbackRole | null;
}

function toView(r: ReminderEntity): ReminderView {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    rule: r.rule,
    notice: r.noticeKind,
    dueOn: r.dueOn,
    fireAt: new Date(r.fireAtMs).toISOString(),
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAtMs ? new Date(r.sentAtMs).toISOString() : null,
    recipients: r.recipients,
    unfilledRoles: r.unfilledRoles,
    fallbackRole: r.fallbackRole,
  };
}

/** Reminders an admin must see: those whose every attempt failed, with a retry. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/reminders')
export class RemindersAdminController {
  constructor(private readonly failed: FailedReminders) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({
    type: [ReminderView],
    description: 'Reminders of your partnership in that status (failed by default), newest first',
  })
  @ApiErrorResponses(401, 400, 403)
  async list(@Query() query: ListRemindersQuery, @CurrentUser() user: AuthenticatedUser): Promise<ReminderView[]> {
    const rows = await this.failed.list(user.partnershipId, query.status ?? 'failed');
    return rows.map(toView);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ReminderView, description: 'The reminder, pending again' })
  @ApiErrorResponses(401, 404, 403, 422)
  async retry(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser): Promise<ReminderView> {
    return toView(await this.failed.retry(user.partnershipId, id));
  }
}
