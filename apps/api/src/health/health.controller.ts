import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '@app/auth';
import { ReadSide } from '@app/database';
import { ReminderEntity } from '@app/reminders';
import { RedisHealthIndicator } from './redis-health.indicator';

type Status = 'up' | 'down';
export interface HealthReport {
  status: 'ok' | 'degraded' | 'error';
  checks: Record<string, { status: Status; [detail: string]: unknown }>;
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
    private readonly reads: ReadSide,
  ) {}

  /** Failed reminders are people who were not told of a deadline: counted here so monitoring sees them. */
  private async reminderCounts() {
    const [failed, pending] = await Promise.all([
      this.reads.getRepository(ReminderEntity).countBy({ status: 'failed' }),
      this.reads.getRepository(ReminderEntity).countBy({ status: 'pending' }),
    ]);
    return { status: 'up' as Status, failed, pending };
  }

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Database up; Redis up (ok) or down (degraded)' })
  @ApiServiceUnavailableResponse({ description: 'Database down' })
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
