import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { csrf } from './csrf';
import { navigationFor } from './presenters/navigation';
import { saveSession } from './session';

/**
 * What every page's layout needs, in `res.locals` (per answer, never shared between requests): the signed-in person,
 * the navigation, and the session's CSRF token for the forms. Pages may show case data: none is kept by the browser.
 */
@Injectable()
export class PageLocalsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Cache-Control', 'no-store');
    if (request.user) {
      response.locals.user = request.user;
      response.locals.navigation = navigationFor(request.user.roles, request.path);
    }
    if (!request.session) return next.handle();
    const hadToken = Boolean(request.session.csrfToken);
    response.locals.csrfToken = csrf.generateToken(request);
    // A new token is stored before the page with its form is sent (see saveSession).
    return hadToken ? next.handle() : from(saveSession(request)).pipe(switchMap(() => next.handle()));
  }
}
