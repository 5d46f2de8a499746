import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import session from 'express-session';
import multer from 'multer';
import nunjucks from 'nunjucks';
import { WebSessionStore } from '@app/auth';
import type { AppConfig } from '@app/config';
import { IMPORT_FILE_LIMIT_BYTES } from './import-cases/import-cases.controller';
import { govukDate, govukDateTime } from './page-dates';
import { GOVUK_FRONTEND_DIR, PUBLIC_DIR, VIEWS_DIR } from './web-paths';

export const SESSION_COOKIE = 'practice-review.sid';
export const SERVICE_NAME = 'practice-review';
const FORM_BODY_LIMIT = '256kb';
const ONE_WEEK_SECONDS = 7 * 24 * 3600;

/**
 * What the pages need from Express, set up once in `createApp`: form bodies, the database-backed session, the
 * govuk-frontend files and the Nunjucks environment. The pages themselves are Nest controllers (see `web.module.ts`).
 */
export function mountWeb(app: NestExpressApplication, config: AppConfig): void {
  app.useBodyParser('urlencoded', { extended: false, limit: FORM_BODY_LIMIT });
  // Item 6: the import page's upload (multipart), read before the CSRF check so its `_csrf` field is there.
  app
    .getHttpAdapter()
    .getInstance()
    .post(
      '/import-cases',
      multer({
        storage: multer.memoryStorage(),
        limits: { fileSize: IMPORT_FILE_LIMIT_BYTES, files: 1, fields: 5 },
      }).single('file'),
    );
  app.use(
    session({
      name: SESSION_COOKIE,
      // The cookie is signed with a key of its own, derived from the service's secret.
      secret: createHmac('sha256', config.jwt.secret).update('web-session-cookie').digest('base64url'),
      store: app.get(WebSessionStore),
      resave: false,
      saveUninitialized: false,
      unset: 'destroy',
      // No maxAge: the cookie ends with the browser; the store enforces the idle and absolute time-outs.
      // Secure always when the service is on https; otherwise whenever the request came over https (directly, or
      // as a proxy named in TRUSTED_PROXIES says).
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://') || 'auto', path: '/' },
    }),
  );
  const govuk = join(GOVUK_FRONTEND_DIR, 'govuk');
  app.useStaticAssets(PUBLIC_DIR, { prefix: '/public', index: false, maxAge: 60 * 60 * 1000 });
  app.useStaticAssets(join(govuk, 'assets'), { prefix: '/assets', index: false, maxAge: ONE_WEEK_SECONDS * 1000 });
  // Only the compiled style sheet and script, not the Sass sources and templates beside them.
  const express = app.getHttpAdapter().getInstance();
  for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
    express.get(`/govuk/${file}`, (_req: Request, res: Response) =>
      res.sendFile(join(govuk, file), { maxAge: ONE_WEEK_SECONDS * 1000 }),
    );
  }
  // A link in an email (`PUBLIC_URL/cases/:id`) opened in a browser: the case page, not the API's JSON. A client
  // of the API sends a bearer token or asks for JSON, and gets the API as before.
  express.get(['/cases', '/cases/:id'], (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.authorization || req.accepts(['json', 'html']) !== 'html') return next();
    const id = req.params.id as string | undefined;
    res.redirect(303, id ? `/case/${encodeURIComponent(id)}` : '/');
  });
  const environment = nunjucks.configure([VIEWS_DIR, GOVUK_FRONTEND_DIR], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: config.nodeEnv === 'development',
    express,
  });
  environment.addFilter('govukDate', govukDate);
  environment.addFilter('govukDateTime', govukDateTime);
  environment.addGlobal('serviceName', SERVICE_NAME);
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('njk');
}
