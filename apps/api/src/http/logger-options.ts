import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@app/config';

/**
 * Structured JSON logs. Request logs carry method, route, status and timing only: never bodies, query strings or
 * headers, because case data (about a child) travels in bodies and must never reach a log line.
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      messageKey: 'msg',
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.body', 'res.headers'], remove: true },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    },
  };
}
