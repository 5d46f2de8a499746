import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Public } from '@app/auth';
import { ReminderEntity } from '@app/reminders';
import { RedisHealthIndicator } from './redis-health.indicator';

const STATUSES = ['up', 'down'] as const;
type Status = (typeof STATUSES)[number];
const OVERALL = ['ok', 'degraded', 'error'] as const;

export interface HealthReport {
  status: (typeof OVERALL)[number];
  checks: Record<string, { status: Status; [detail: string]: unknown }>;
}

class CheckView {
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiPropertyOptional({ description: 'Why it is down' }) message?: string;
}

class RemindersCheckView {
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiPropertyOptional({ type: 'integer', description: 'Reminders whose every attempt failed (while up)' }) failed?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Reminders waiting for their time (while up)' }) pending?: number;
}

class HealthChecksView {
  @ApiProperty({ type: CheckView }) database: CheckView;
  @ApiProperty({ type: CheckView }) redis: CheckView;
  @ApiProperty({ type: RemindersCheckView }) reminders: RemindersCheckView;
}

class HealthReportView {
  @ApiProperty({ enum: OVERALL }) status: HealthReport['status'];
  @ApiProperty({ type: HealthChecksView }) checks: HealthChecksView;
}

/**
 * The database is essential: without it the answer is 503. Redis only carries reminders, and their rows wait in the
 * database while it is away, so a Redis outage is reported as `degraded` with a 200 and the service keeps serving.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @InjectRepository(ReminderEntity) private readonly reminders: Repository<ReminderEntity>,
  ) {}

  /** Failed reminders are people who were not told of a deadline: counted here so monitoring sees them. */
  private async reminderCounts() {
    const [failed, pending] = await Promise.all([
      this.reminders.countBy({ status: 'failed' }),
      this.reminders.countBy({ status: 'pending' }),
    ]);
    return { status: 'up' as Status, failed, pending };
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthReportView, description: 'Database up; Redis up (ok) or down (degraded)' })
  @ApiServiceUnavailableResponse({ type: HealthReportView, description: 'Database down (error)' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      this.db.pingCheck('database', { timeout: 1500 }).catch(() => ({ database: { status: 'down' as Status } })),
      this.redis.check('redis'),
    ]);
    const reminders = await this.reminderCounts().catch(() => ({ status: 'down' as Status }));
    const checks = { ...database, ...redis, reminders } as HealthReport['checks'];
    const status = checks.database.status !== 'up' ? 'error' : checks.redis.status !== 'up' ? 'degraded' : 'ok';
    if (status === 'error') res.status(503);
    return { status, checks };
  }
}
