import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@app/config';

/** Development logs read by a person at a terminal: one coloured line per entry, local time, no pid or host. */
const PRETTY_TRANSPORT = {
  target: 'pino-pretty',
  options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname', messageKey: 'msg' },
};

/** A calendar feed's address is its secret (`/calendar-feeds/<token>.ics`): logged without it. */
const CALENDAR_FEED_PATH = /(\/calendar-feeds\/).*$/i;

/** The path of a request as a log line may show it: no query string, no secret. */
export function loggablePath(url: string): string {
  const path = url.split('?')[0];
  return path.replace(CALENDAR_FEED_PATH, '$1[redacted]');
}

/**
 * Structured JSON logs, pretty-printed only in development when stdout is a terminal (production and anything that
 * collects the output keep JSON). Request logs carry method, route, status and timing only: never bodies, query
 * strings or headers, because case data (about a child) travels in bodies and must never reach a log line; nor
 * the secret in a calendar feed's address.
 */
export function loggerOptions(config: AppConfig, stdoutIsTerminal = Boolean(process.stdout.isTTY)): Params {
  const pretty = config.nodeEnv === 'development' && stdoutIsTerminal;
  return {
    pinoHttp: {
      level: config.logLevel,
      ...(pretty ? { transport: PRETTY_TRANSPORT } : {}),
      messageKey: 'msg',
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          path: typeof req.url === 'string' ? loggablePath(req.url) : undefined,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.body', 'res.headers'], remove: true },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
