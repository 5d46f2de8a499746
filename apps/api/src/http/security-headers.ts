import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const hsts = helmet.strictTransportSecurity({ maxAge: ONE_YEAR_SECONDS, includeSubDomains: true });

/**
 * The headers every answer carries, for the API and the queue dashboard alike: nosniff, no framing
 * (frame-ancestors 'none' and X-Frame-Options DENY), no referrer, and a CSP that still lets Swagger UI at /docs and
 * the dashboard run (their scripts are files served from here; their styles are partly inline).
 * HSTS only when the request came over https (directly, or as a trusted proxy says): on plain http it would be
 * ignored at best, and it must never pin a development host to https.
 */
export function securityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'frame-ancestors': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': null,
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  const hstsWhenHttps = (req: Request, res: Response, next: NextFunction) =>
    req.secure ? hsts(req, res, next) : next();
  return [headers, hstsWhenHttps];
}
