import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnauthenticatedError } from '@app/common';
import { IS_PUBLIC } from '../decorators';
import { AuthService } from './auth.service';
import { bearerTokenOf } from './bearer-token';

/** Global guard: every route needs a valid bearer token unless marked `@Public()`. Denies by default. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest();
    const token = bearerTokenOf(request.headers?.authorization);
    if (!token) throw new UnauthenticatedError();
    request.user = await this.auth.authenticate(token);
    return true;
  }
}
