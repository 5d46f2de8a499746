import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** A success message shown once, on the page a change redirects to (a GOV.UK success banner). */
    notice: string;
  }
}

/**
 * Keeps `text` for the next page this session opens and redirects there (Post/Redirect/Get: the change redirects, the
 * page tells it). The session is saved before the redirect is sent: express-session would send the headers first and
 * save on the way out, and a browser following the redirect at once could open the page before the notice is stored.
 */
export async function redirectWithNotice(
  request: Request,
  response: Response,
  to: string,
  text: string,
): Promise<void> {
  request.session.notice = text;
  await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
  response.redirect(303, to);
}

/** The notice kept for this page, removed so it is shown once. */
export function takeNotice(request: Request): string | undefined {
  const notice = request.session?.notice;
  if (notice !== undefined) delete request.session.notice;
  return notice;
}
