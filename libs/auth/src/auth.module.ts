import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { AuthService } from './authentication/auth.service';
import { JwtAuthGuard } from './authentication/jwt-auth.guard';
import { PartnershipEntity } from './partnerships/partnership.entity';
import { PartnershipCalendars } from './partnerships/partnership-calendars.service';
import { PartnershipsService } from './partnerships/partnerships.service';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PartnershipEntity, UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [
    PasswordHasher,
    UsersService,
    PartnershipsService,
    PartnershipCalendars,
    AuthService,
    AdminBootstrapService,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [UsersService, PartnershipsService, PartnershipCalendars, AuthService],
})
export class AuthModule {}

export const AUTH_ENTITIES = [PartnershipEntity, UserEntity];
