import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { DomainError } from '@app/common';
import { CsrfTokenRefused } from './csrf';
import { SignInRequired } from './signed-in.guard';
import { signInPage } from './sign-in/sign-in-page';

/** What a page answers when something goes wrong: GOV.UK error pages, never a JSON body or a stack. */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.setHeader('Cache-Control', 'no-store');
    // The guard has saved the page asked for in the session already.
    if (exception instanceof SignInRequired) return response.redirect(303, '/sign-in');
    if (exception instanceof ThrottlerException && request.path === '/sign-in') {
      const email = typeof request.body?.email === 'string' ? request.body.email : '';
      return signInPage(response, 429, email, { email: exception.message });
    }
    if (exception instanceof CsrfTokenRefused) return this.page(response, 403, 'errors/csrf');
    const status = this.statusOf(exception);
    if (status === 403) return this.page(response, 403, 'errors/forbidden');
    if (status === 404) return this.page(response, 404, 'errors/not-found');
    if (status < 500) return this.page(response, status, 'errors/bad-request');
    const errorId = randomUUID();
    const err =
      exception instanceof Error
        ? { type: exception.name, message: exception.message, stack: exception.stack }
        : { value: String(exception) };
    this.logger.error({ msg: 'Unexpected error on a page', errorId, path: request.route?.path, err });
    this.page(response, 500, 'errors/internal', { errorId });
  }

  private statusOf(exception: unknown): number {
    if (exception instanceof DomainError) {
      const byCode: Record<string, number> = { forbidden: 403, 'not-found': 404, unauthenticated: 401 };
      return byCode[exception.code] ?? (exception.code === 'internal' ? 500 : 400);
    }
    if (exception instanceof HttpException) return exception.getStatus();
    return 500;
  }

  private page(response: Response, status: number, view: string, locals: Record<string, unknown> = {}): void {
    response.status(status).render(view, locals);
  }
}
