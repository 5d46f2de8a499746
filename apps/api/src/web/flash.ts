import type { Request, Response } from 'express';

declare module 'express-session' {
  interface SessionData {
    /** A success message for the next page shown (after the redirect that follows a change). */
    flash: string;
  }
}

/**
 * Answers a change with a redirect to `path`, whose page then says `message` once. The session is saved before the
 * redirect is sent: a browser follows a redirect on its headers, before express-session's own save at the end of the
 * answer has finished, and the next page would read the session without the message.
 */
export async function redirectWithFlash(request: Request, response: Response, path: string, message: string) {
  request.session.flash = message;
  await new Promise<void>((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
  response.redirect(303, path);
}

/** The message kept for this page, once. */
export function takeFlash(request: Request): string | undefined {
  const message = request.session?.flash;
  if (message !== undefined) delete request.session.flash;
  return message;
}
