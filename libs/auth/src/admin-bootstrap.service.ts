import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, ConfigError } from '@app/config';
import { PartnershipsService } from './partnerships/partnerships.service';
import { UsersService } from './users/users.service';

export const DEFAULT_PARTNERSHIP_NAME = 'Safeguarding partnership';
export const DEVELOPMENT_ADMIN_EMAIL = 'admin@localhost';

/**
 * On a first start with no users, creates one partnership and its admin so the service can be used at all.
 * Production must be told who the admin is; development invents one and says so once.
 */
@Injectable()
export class AdminBootstrapService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrapService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly partnerships: PartnershipsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const given = this.config.bootstrapAdmin;
    if (given) {
      await this.partnerships.createWithAdmin(DEFAULT_PARTNERSHIP_NAME, given, { operator: true });
      this.logger.log({ msg: 'First start: created the partnership and its admin from ADMIN_EMAIL' });
      return;
    }
    if (this.config.nodeEnv === 'production') {
      throw new ConfigError([
        'ADMIN_EMAIL and ADMIN_PASSWORD are required on the first start in production (no users exist yet)',
      ]);
    }
    const password = randomBytes(18).toString('base64url');
    await this.partnerships.createWithAdmin(
      DEFAULT_PARTNERSHIP_NAME,
      { email: DEVELOPMENT_ADMIN_EMAIL, password },
      { operator: true },
    );
    mkdirSync(this.config.dataDir, { recursive: true });
    const file = join(this.config.dataDir, 'admin-password');
    writeFileSync(file, `${DEVELOPMENT_ADMIN_EMAIL}\n${password}\n`, { mode: 0o600 });
    this.logger.warn({
      msg: `First start: created admin ${DEVELOPMENT_ADMIN_EMAIL} with password ${password} (also kept in ${file}). Change it.`,
    });
  }
}
