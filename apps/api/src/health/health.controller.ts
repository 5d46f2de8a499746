import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthenticatedUser, AuthService, Public } from '@app/auth';
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
 *
 * Anyone may ask, so the answer without a token is only up or down per component. An admin's bearer token adds the
 * reminder counts of the admin's own partnership; any other token, valid or not, gets the public answer.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    @InjectRepository(ReminderEntity) private readonly reminders: Repository<ReminderEntity>,
    private readonly auth: AuthService,
  ) {}

  /** Failed reminders are people who were not told of a deadline: counted here so their admins' monitoring sees them. */
  private async reminderCounts(partnershipId: string) {
    const [failed, pending] = await Promise.all([
      this.reminders.countBy({ partnershipId, status: 'failed' }),
      this.reminders.countBy({ partnershipId, status: 'pending' }),
    ]);
    return { status: 'up' as Status, failed, pending };
  }

  private async adminFrom(authorization: string | undefined): Promise<AuthenticatedUser | undefined> {
    const token = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
    if (!token) return undefined;
    const user = await this.auth.authenticate(token).catch(() => undefined);
    return user?.roles.includes('admin') ? user : undefined;
  }

  @Get()
  @Public()
  @ApiOkResponse({
    description:
      "Database up; Redis up (ok) or down (degraded). Each check is only `{ status: 'up'|'down' }`; with an admin's " +
      'token, `checks.reminders` also counts the failed and pending reminders of their partnership',
  })
  @ApiServiceUnavailableResponse({ description: 'Database down' })
  async check(@Res({ passthrough: true }) res: Response, @Headers('authorization') authorization?: string): Promise<HealthReport> {
    const [database, redis, admin] = await Promise.all([
      this.db.pingCheck('database', { timeout: 1500 }).then(
        () => 'up' as Status,
        () => 'down' as Status,
      ),
      this.redis.check('redis').then((result) => result.redis.status as Status),
      this.adminFrom(authorization),
    ]);
    const checks: HealthReport['checks'] = { database: { status: database }, redis: { status: redis } };
    if (admin) checks.reminders = await this.reminderCounts(admin.partnershipId).catch(() => ({ status: 'down' as Status }));
    const status = database !== 'up' ? 'error' : redis !== 'up' ? 'degraded' : 'ok';
    if (status === 'error') res.status(503);
    return { status, checks };
  }
}
