import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@app/config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { CalendarFeedEntity } from './calendar-feeds/calendar-feed.entity';
import { CalendarFeedsService } from './calendar-feeds/calendar-feeds.service';
import { AccountLoginLimit } from './authentication/account-login-limit';
import { AuthService } from './authentication/auth.service';
import { JwtAuthGuard } from './authentication/jwt-auth.guard';
import { LoginFailureEntity } from './authentication/login-failure.entity';
import { AnnualReportEntity } from './partnerships/duties/annual-report.entity';
import { PartnershipAuditEventEntity } from './partnerships/duties/partnership-audit-event.entity';
import { PartnershipDutiesService } from './partnerships/duties/partnership-duties.service';
import { PartnershipEntity } from './partnerships/partnership.entity';
import { PartnershipCalendars } from './partnerships/partnership-calendars.service';
import { PartnershipsService } from './partnerships/partnerships.service';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';
import { WebSessionEntity } from './sessions/web-session.entity';
import { WebSessionStore } from './sessions/web-session-store';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A KeyObject, made once: given a string, jsonwebtoken first tries it as a public key on every verify, which
      // throws and costs about half a millisecond per request.
      useFactory: (config: AppConfig) => {
        const key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  providers: [
    PasswordHasher,
    UsersService,
    PartnershipsService,
    PartnershipCalendars,
    PartnershipDutiesService,
    AccountLoginLimit,
    AuthService,
    AdminBootstrapService,
    WebSessionStore,
    CalendarFeedsService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [
    UsersService,
    PartnershipsService,
    PartnershipCalendars,
    PartnershipDutiesService,
    AuthService,
    AccountLoginLimit,
    PasswordHasher,
    WebSessionStore,
    CalendarFeedsService,
  ],
})
export class AuthModule {}

export const AUTH_ENTITIES = [
  PartnershipEntity,
  UserEntity,
  LoginFailureEntity,
  WebSessionEntity,
  AnnualReportEntity,
  PartnershipAuditEventEntity,
  CalendarFeedEntity,
];
