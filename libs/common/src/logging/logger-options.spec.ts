import { execFileSync } from 'child_process';
import * as path from 'path';
import type { AppConfig } from '@app/config';
import { loggablePath, loggerOptions } from './logger-options';

const config = (nodeEnv: AppConfig['nodeEnv']) => ({ nodeEnv, logLevel: 'info' }) as AppConfig;

/** Logs one entry through pino-http (as nestjs-pino does) with the options' transport, in a child process. */
function logOnce(options: ReturnType<typeof loggerOptions>): string {
  const { transport } = options.pinoHttp as { transport?: unknown };
  const script = `
    const transport = process.argv[1] === 'none' ? undefined : JSON.parse(process.argv[1]);
    const { logger } = require('pino-http')({ messageKey: 'msg', ...(transport ? { transport } : {}) });
    logger.info({ msg: 'Reminder sent', reminderId: 'r-1' });
    logger.flush?.();`;
  return execFileSync(process.execPath, ['-e', script, transport ? JSON.stringify(transport) : 'none'], {
    encoding: 'utf8',
    cwd: path.resolve(__dirname, '../../../..'),
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
}

describe('log format', () => {
  it('is readable by a person in development at a terminal: no JSON, the message and its fields on a line', () => {
    const output = logOnce(loggerOptions(config('development'), true));
    expect(output).toContain('Reminder sent');
    expect(output).toMatch(/INFO/);
    expect(() => JSON.parse(output.split('\n')[0])).toThrow();
  });

  it.each([
    ['production at a terminal', 'production', true],
    ['development writing to a pipe or file', 'development', false],
    ['test', 'test', true],
  ] as const)('stays one JSON object per line in %s', (_label, nodeEnv, terminal) => {
    const output = logOnce(loggerOptions(config(nodeEnv), terminal));
    expect(JSON.parse(output.trim())).toMatchObject({ level: 30, msg: 'Reminder sent', reminderId: 'r-1' });
  });
});

describe('request paths in the log', () => {
  it("never show a calendar feed's secret, whatever follows it", () => {
    const token = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
    expect(loggablePath(`/calendar-feeds/${token}.ics`)).toBe('/calendar-feeds/[redacted]');
    expect(loggablePath(`/CALENDAR-FEEDS/${token}.ics?x=1`)).toBe('/CALENDAR-FEEDS/[redacted]');
    expect(loggablePath(`/calendar-feeds/${token}/more`)).not.toContain(token);
  });

  it('keep every other path, without its query string', () => {
    expect(loggablePath('/cases/123/events?x=secret')).toBe('/cases/123/events');
    expect(loggablePath('/users/me/calendar-feed')).toBe('/users/me/calendar-feed');
  });
});
