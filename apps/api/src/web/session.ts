import type { Request } from 'express';

/**
 * Promises over express-session's callbacks. Save before answering with a redirect or a form: express-session sends
 * the head of an answer before its own save completes, so a quick browser could follow the redirect (or post the
 * form) with a session that is not yet stored, losing the page to return to, the banner or the CSRF token.
 */
export function saveSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.save((error) => (error ? reject(error) : resolve())));
}

/** A new session id for the same browser (at sign-in: no session fixation); what the session held is dropped. */
export function regenerateSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.regenerate((error) => (error ? reject(error) : resolve())));
}

/** Ends the session on the server: its cookie opens nothing any more. */
export function destroySession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => request.session.destroy((error) => (error ? reject(error) : resolve())));
}
