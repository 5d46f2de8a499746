import type { Request, Response } from 'express';
import { saveSession } from './session';

declare module 'express-session' {
  interface SessionData {
    /** A success message for the next page shown (after the redirect that follows a change). */
    flash: string;
  }
}

/** Answers a change with a redirect to `path`, whose page then says `message` once (saved first: see saveSession). */
export async function redirectWithFlash(request: Request, response: Response, path: string, message: string) {
  request.session.flash = message;
  await saveSession(request);
  response.redirect(303, path);
}

/** The message kept for this page, once. */
export function takeFlash(request: Request): string | undefined {
  const message = request.session?.flash;
  if (message !== undefined) delete request.session.flash;
  return message;
}
