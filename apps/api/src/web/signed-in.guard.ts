import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService, type AuthenticatedUser } from '@app/auth';
import { UnauthenticatedError } from '@app/common';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: AuthenticatedUser;
    }
  }
}

const OPEN_PAGE = 'web:openPage';
/** A page anyone may open signed out (the sign-in page). Every other page needs a signed-in session. */
export const OpenPage = () => SetMetadata(OPEN_PAGE, true);

/** Thrown for a page asked for signed out; the page filter sends the browser to the sign-in page. */
export class SignInRequired extends Error {
  constructor() {
    super('Sign in to see this page');
  }
}

/**
 * Resolves the session to its user, read fresh (a deactivated user or a changed role takes effect at once), or sends
 * the browser to sign in, remembering the page asked for so that sign-in lands there (the link in an email).
 */
@Injectable()
export class SignedInGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const { userId, partnershipId } = request.session ?? {};
    if (userId && partnershipId) {
      try {
        request.user = await this.auth.sessionUser(userId, partnershipId);
        return true;
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        await new Promise<void>((done) => request.session.regenerate(() => done()));
      }
    }
    if (this.reflector.getAllAndOverride<boolean>(OPEN_PAGE, [context.getHandler(), context.getClass()])) return true;
    if (request.method === 'GET' && request.session) {
      request.session.returnTo = request.originalUrl;
      // Stored before the redirect is answered: express-session would send the redirect first and save after, and
      // the browser, quicker, would ask for the sign-in page with a session that does not exist yet.
      await new Promise<void>((done, fail) => request.session.save((error) => (error ? fail(error) : done())));
    }
    throw new SignInRequired();
  }
}
