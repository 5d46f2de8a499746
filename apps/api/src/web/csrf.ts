import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/** The synchroniser-token pattern: one token per session, kept in the session, sent back by each form as `_csrf`. */
export const csrf = csrfSync({
  getTokenFromRequest: (req) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
});

/** A form posted without the session's CSRF token: refused with 403 before anything is read or changed. */
export class CsrfTokenRefused extends Error {
  constructor() {
    super('The form was sent without a valid CSRF token');
  }
}

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Every page request that could change something must carry the session's token. */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.includes(request.method)) return true;
    if (!request.session || !csrf.isRequestValid(request)) throw new CsrfTokenRefused();
    return true;
  }
}
