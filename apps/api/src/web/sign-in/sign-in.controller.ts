import { Body, Get, HttpCode, Post, Render, Req, Res, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuthService } from '@app/auth';
import { TooManyRequestsError, UnauthenticatedError } from '@app/common';
import { PageController } from '../page-controller.decorator';
import { destroySession, regenerateSession, saveSession } from '../session';
import { OpenPage } from '../signed-in.guard';
import { SESSION_COOKIE } from '../mount-web';
import { safeReturnPath } from './return-path';
import { signInPage } from './sign-in-page';

const WRONG_CREDENTIALS = 'Enter a correct email address and password';

/** Sign in and out. The session id changes at sign-in (no fixation); sign-out deletes the session on the server. */
@PageController()
export class SignInController {
  constructor(private readonly auth: AuthService) {}

  @Get('sign-in')
  @OpenPage()
  @Render('sign-in')
  show(@Req() request: Request, @Res({ passthrough: true }) response: Response): Record<string, unknown> | void {
    if (request.user) return response.redirect(303, '/');
    return {};
  }

  @Post('sign-in')
  @OpenPage()
  @HttpCode(200)
  // The same limits as the API's login: per address here, per account in verifyCredentials.
  @UseGuards(ThrottlerGuard)
  @Throttle({ login: { limit: 10, ttl: 60_000 } })
  async signIn(@Body() body: Record<string, unknown>, @Req() request: Request, @Res() response: Response) {
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Enter your email address';
    if (!password) errors.password = 'Enter your password';
    if (Object.keys(errors).length) return signInPage(response, 400, email, errors);
    try {
      const user = await this.auth.verifyCredentials(email, password);
      const returnTo = safeReturnPath(request.session.returnTo);
      await regenerateSession(request);
      request.session.userId = user.id;
      request.session.partnershipId = user.partnershipId;
      await saveSession(request);
      return response.redirect(303, returnTo);
    } catch (error) {
      if (error instanceof UnauthenticatedError) {
        return signInPage(response, 401, email, { email: WRONG_CREDENTIALS });
      }
      if (error instanceof TooManyRequestsError) {
        return signInPage(response, 429, email, { email: error.message });
      }
      throw error;
    }
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response) {
    await destroySession(request);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    return response.redirect(303, '/signed-out');
  }

  @Get('signed-out')
  @OpenPage()
  @Render('signed-out')
  signedOut(): Record<string, unknown> {
    return {};
  }
}
