import { randomUUID } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Logger, type INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import {
  AuthService,
  AuthenticatedUser,
  bearerTokenOf,
  DASHBOARD_TOKEN_LIFETIME_SECONDS,
  PartnershipsService,
} from '@app/auth';
import { AppConfig } from '@app/config';
import { ReminderQueue } from '@app/reminders';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'pr_queues_session';

function sessionFrom(req: Request): string | undefined {
  const prefix = `${QUEUE_DASHBOARD_COOKIE}=`;
  const cookie = (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(prefix));
  return cookie ? cookie.slice(prefix.length) : undefined;
}

interface DashboardErrorBody {
  statusCode: 400 | 404 | 500;
  code: 'validation-failed' | 'not-found' | 'internal';
  message: string;
  details?: { errorId: string };
}

const logger = new Logger('QueueDashboard');

/**
 * bull-board's own answer to an error carries the message (and, in development, the stack with file paths). Malformed
 * input (a query that does not decode, a client error) is a 400; anything else is logged with an id and answered with
 * only that id, like the API's errors.
 */
function dashboardError(error: unknown): DashboardErrorBody {
  const status =
    (error as { status?: unknown; statusCode?: unknown } | null)?.status ??
    (error as { statusCode?: unknown } | null)?.statusCode;
  if (error instanceof URIError || (typeof status === 'number' && status >= 400 && status < 500)) {
    return status === 404
      ? { statusCode: 404, code: 'not-found', message: 'Not found' }
      : { statusCode: 400, code: 'validation-failed', message: 'The request is malformed' };
  }
  const errorId = randomUUID();
  const err =
    error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : { type: typeof error };
  logger.error({ msg: 'Queue dashboard error', errorId, err });
  return {
    statusCode: 500,
    code: 'internal',
    message: `Internal error; quote this id to the service team: ${errorId}`,
    details: { errorId },
  };
}

/**
 * bull-board at /admin/queues, read-only, for the admins of the operator's partnership only: the queue is shared by
 * every partnership, so another partnership's admin must neither see its jobs nor pause it. It is its own Express
 * app, outside Nest's guards and filters, so it checks access and answers errors itself. A valid bearer header sets
 * a cookie holding a short-lived token good only for the dashboard (never the bearer token), because the dashboard's
 * own page makes further requests that carry no header.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  // Read-only: a reminder is retried through POST /admin/reminders/:id/retry, which keeps its row and job in step.
  createBullBoard({
    queues: [new BullAdapter(app.get(ReminderQueue).bullQueue, { readOnlyMode: true })],
    serverAdapter: adapter,
  });
  adapter.setErrorHandler((error) => {
    const body = dashboardError(error);
    return { status: body.statusCode, body };
  });
  const dashboard = adapter.getRouter() as Express;
  dashboard.disable('x-powered-by');
  const auth = app.get(AuthService);
  const partnerships = app.get(PartnershipsService);
  // Secure whenever the service is reached over https, even behind a proxy it was not told to trust (req.secure false).
  const config = app.get(AppConfig);
  const alwaysSecure = config.nodeEnv === 'production' || config.publicUrl.startsWith('https:');

  const adminOnly = async (req: Request, res: Response, next: NextFunction) => {
    const refuse = (statusCode: 401 | 403, code: string, message: string) =>
      res.status(statusCode).json({ statusCode, code, message });
    const bearer = bearerTokenOf(req.headers.authorization);
    const session = bearer ? undefined : sessionFrom(req);
    if (!bearer && !session) return refuse(401, 'unauthenticated', 'A valid bearer token is required');
    let user: AuthenticatedUser;
    try {
      user = bearer ? await auth.authenticate(bearer) : await auth.authenticateDashboard(session!);
    } catch {
      return refuse(401, 'unauthenticated', 'The token is invalid or has expired');
    }
    try {
      if (!user.roles.includes('admin') || !(await partnerships.isOperatorPartnership(user.partnershipId))) {
        return refuse(403, 'forbidden', "The queue dashboard is for the admins of the deployment's operator");
      }
      if (bearer) {
        res.cookie(QUEUE_DASHBOARD_COOKIE, await auth.issueDashboardToken(user), {
          httpOnly: true,
          sameSite: 'strict',
          secure: alwaysSecure || req.secure,
          path: QUEUE_DASHBOARD_PATH,
          maxAge: DASHBOARD_TOKEN_LIFETIME_SECONDS * 1000,
        });
      }
      next();
    } catch (error) {
      next(error);
    }
  };
  const answerError = (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const body = dashboardError(error);
    res.status(body.statusCode).json(body);
  };
  // The security headers come from the app-wide middleware set up before this (create-app.ts).
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, dashboard, answerError);
}
