import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import { ERROR_MODELS } from './http/api-errors';
import { ErrorResponseFilter } from './http/error-response.filter';
import { securityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation.pipe';
import { mountWeb } from './web/mount-web';

export const BODY_LIMIT = '256kb';
/** A CSV file of running cases to bring in (item 6). */
export const CSV_BODY_LIMIT = '1mb';

/**
 * Builds the fully configured HTTP application (the same one the e2e tests drive), without listening.
 * Global pipe, filter and docs are set here rather than in `main.ts` so tests get exactly what production gets.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  // Item 6: `POST /cases/import.csv` takes a CSV file as its body.
  app.useBodyParser('text', { type: 'text/csv', limit: CSV_BODY_LIMIT });
  // Only the proxies the operator names may say who the client is (X-Forwarded-For) and that it used https.
  app.set('trust proxy', config.trustedProxies.length ? config.trustedProxies : false);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  mountWeb(app, config);
  mountQueueDashboard(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorResponseFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('practice-review')
      .setDescription(
        'Statutory workflow for child safeguarding practice reviews in England: serious incident notification, ' +
          "rapid review, partners' decision, Panel response, LCSPR, publication and learning.",
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    { extraModels: ERROR_MODELS },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
