import { ReadSide, TransactionRunner } from '@app/database';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AuthenticatedUser, CurrentUser, Roles } from '@app/auth';
import { NotFoundError, RuleViolatedError } from '@app/common';
import { ReminderEntity, ReminderQueue, ReminderStatus } from '@app/reminders';

const STATUSES: ReminderStatus[] = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'obsolete', 'superseded'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class ListRemindersQuery {
  @ApiPropertyOptional({ enum: STATUSES, default: 'failed' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: ReminderStatus;
}

function toView(r: ReminderEntity) {
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
  };
}

/** Reminders an admin must see: those whose every attempt failed, with a retry. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/reminders')
export class RemindersAdminController {
  constructor(
    private readonly reads: ReadSide,
    private readonly queue: ReminderQueue,
    private readonly tx: TransactionRunner,
  ) {}

  private get reminders() {
    return this.reads.getRepository(ReminderEntity);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Reminders of your partnership in that status (failed by default), newest first' })
  async list(@Query() query: ListRemindersQuery, @CurrentUser() user: AuthenticatedUser) {
    const rows = await this.reminders.find({
      where: { partnershipId: user.partnershipId, status: query.status ?? 'failed' },
      order: { fireAtMs: 'DESC' },
      take: 500,
    });
    return rows.map(toView);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin')
  async retry(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    if (!UUID.test(id)) throw new NotFoundError('Reminder');
    const row = await this.reminders.findOneBy({ id, partnershipId: user.partnershipId });
    if (!row) throw new NotFoundError('Reminder');
    if (row.status !== 'failed') throw new RuleViolatedError(`Only a failed reminder can be retried (this one is ${row.status})`);
    await this.tx.run((manager) =>
      manager.getRepository(ReminderEntity).update({ id, status: 'failed' }, { status: 'pending', attempts: 0, lastError: null }),
    );
    await this.queue.schedule([{ id, fireAtMs: 0 }]).catch(() => undefined);
    return toView(await this.reminders.findOneByOrFail({ id }));
  }
}
