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
      // Saved before the redirect is sent: express-session would otherwise send the headers first and save on the
      // way out, and a browser that follows the redirect at once can ask for the sign-in page before the page asked
      // for is stored.
      await new Promise<void>((resolve, reject) =>
        request.session.save((error) => (error ? reject(error) : resolve())),
      );
    }
    throw new SignInRequired();
  }
}
