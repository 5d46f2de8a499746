import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const hsts = helmet.strictTransportSecurity({ maxAge: ONE_YEAR_SECONDS, includeSubDomains: true });

/**
 * The headers every answer carries, for the pages, the API and the queue dashboard alike: nosniff, no framing
 * (frame-ancestors 'none' and X-Frame-Options DENY), no referrer, and a CSP: scripts only from here or with the
 * answer's nonce (see `cspNonce`, which must run first), forms only posted here, inline styles only where Swagger UI
 * at /docs and the dashboard need them.
 * HSTS only when the request came over https (directly, or as a trusted proxy says): on plain http it would be
 * ignored at best, and it must never pin a development host to https.
 */
/** A fresh CSP nonce for each answer, before helmet writes the header (which reads it back); templates get it too. */
function cspNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}

/** Swagger UI and the queue dashboard style some elements inline; the pages never do. */
function hasInlineStyles(req: Request): boolean {
  return /^\/(docs|admin\/queues)(\/|$)/.test(req.path);
}

export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'frame-ancestors': ["'none'"],
        // The pages' one inline script (govuk-frontend's js-enabled class) carries this answer's nonce.
        'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        'style-src': ["'self'", (req) => (hasInlineStyles(req as Request) ? "'unsafe-inline'" : '')],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  const hstsWhenHttps = (req: Request, res: Response, next: NextFunction) =>
    req.secure ? hsts(req, res, next) : next();
  return [cspNonce, headers, hstsWhenHttps];
}
