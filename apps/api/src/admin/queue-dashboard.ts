import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuthService, PartnershipsService } from '@app/auth';
import { ReminderQueue } from '@app/reminders';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'pr_queues_token';

function tokenFrom(req: Request): string | undefined {
  const header = req.headers.authorization;
  const bearer = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  if (bearer) return bearer;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : undefined;
}

/**
 * bull-board at /admin/queues, read-only, for the admins of the operator's partnership only: the queue is shared by
 * every partnership, so another partnership's admin must neither see its jobs nor pause it. It is Express middleware,
 * outside Nest's guards, so it checks the bearer token itself. A valid header also sets an HttpOnly cookie scoped to
 * the dashboard, because the dashboard's own page makes further requests that carry no header.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  // Read-only: a reminder is retried through POST /admin/reminders/:id/retry, which keeps its row and job in step.
  createBullBoard({ queues: [new BullAdapter(app.get(ReminderQueue).bullQueue, { readOnlyMode: true })], serverAdapter: adapter });
  const auth = app.get(AuthService);
  const partnerships = app.get(PartnershipsService);

  const adminOnly = async (req: Request, res: Response, next: NextFunction) => {
    const token = tokenFrom(req);
    const refuse = (statusCode: 401 | 403, code: string, message: string) => res.status(statusCode).json({ statusCode, code, message });
    if (!token) return refuse(401, 'unauthenticated', 'A valid bearer token is required');
    try {
      const user = await auth.authenticate(token);
      if (!user.roles.includes('admin') || !(await partnerships.isOperatorPartnership(user.partnershipId))) {
        return refuse(403, 'forbidden', "The queue dashboard is for the admins of the deployment's operator");
      }
      if (req.headers.authorization) {
        res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUE_DASHBOARD_PATH, maxAge: 8 * 3600 * 1000 });
      }
      next();
    } catch {
      refuse(401, 'unauthenticated', 'The token is invalid or has expired');
    }
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, adapter.getRouter());
}
