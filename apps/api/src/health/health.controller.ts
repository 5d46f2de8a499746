import { Controller, Get, Headers, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { AuthenticatedUser, AuthService, bearerTokenOf, Public } from '@app/auth';
import { ReadSide } from '@app/database';
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
}

class RemindersCheckView {
  @ApiProperty({ enum: STATUSES }) status: Status;
  @ApiPropertyOptional({ type: 'integer', description: 'Reminders whose every attempt failed (while up)' })
  failed?: number;
  @ApiPropertyOptional({ type: 'integer', description: 'Reminders waiting for their time (while up)' })
  pending?: number;
}

class HealthChecksView {
  @ApiProperty({ type: CheckView }) database: CheckView;
  @ApiProperty({ type: CheckView }) redis: CheckView;
  @ApiPropertyOptional({ type: RemindersCheckView, description: "Only with an admin's token: their partnership's" })
  reminders?: RemindersCheckView;
}

class HealthReportView {
  @ApiProperty({ enum: OVERALL }) status: HealthReport['status'];
  @ApiProperty({ type: HealthChecksView }) checks: HealthChecksView;
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
    private readonly reads: ReadSide,
    private readonly auth: AuthService,
  ) {}

  /** Failed reminders are people who were not told of a deadline: counted here so their admins' monitoring sees them. */
  private async reminderCounts(partnershipId: string) {
    const [failed, pending] = await Promise.all([
      this.reads.getRepository(ReminderEntity).countBy({ partnershipId, status: 'failed' }),
      this.reads.getRepository(ReminderEntity).countBy({ partnershipId, status: 'pending' }),
    ]);
    return { status: 'up' as Status, failed, pending };
  }

  private async adminFrom(authorization: string | undefined): Promise<AuthenticatedUser | undefined> {
    const token = bearerTokenOf(authorization);
    if (!token) return undefined;
    const user = await this.auth.authenticate(token).catch(() => undefined);
    return user?.roles.includes('admin') ? user : undefined;
  }

  @Get()
  @Public()
  @ApiOkResponse({
    type: HealthReportView,
    description:
      "Database up; Redis up (ok) or down (degraded). Each check is only `{ status: 'up'|'down' }`; with an admin's " +
      'token, `checks.reminders` also counts the failed and pending reminders of their partnership',
  })
  @ApiServiceUnavailableResponse({ type: HealthReportView, description: 'Database down (error)' })
  async check(
    @Res({ passthrough: true }) res: Response,
    @Headers('authorization') authorization?: string,
  ): Promise<HealthReport> {
    const [database, redis, admin] = await Promise.all([
      this.db.pingCheck('database', { timeout: 1500 }).then(
        () => 'up' as Status,
        () => 'down' as Status,
      ),
      this.redis.check('redis').then((result) => result.redis.status as Status),
      this.adminFrom(authorization),
    ]);
    const checks: HealthReport['checks'] = { database: { status: database }, redis: { status: redis } };
    if (admin)
      checks.reminders = await this.reminderCounts(admin.partnershipId).catch(() => ({ status: 'down' as Status }));
    const status = database !== 'up' ? 'error' : redis !== 'up' ? 'degraded' : 'ok';
    if (status === 'error') res.status(503);
    return { status, checks };
  }
}
