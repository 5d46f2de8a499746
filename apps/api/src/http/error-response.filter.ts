import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '@app/common';

/** The HTTP status of each error code (the OpenAPI error responses are derived from it). */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  'validation-failed': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'illegal-transition': 409,
  conflict: 409,
  'rule-violated': 422,
  'too-many-requests': 429,
  internal: 500,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation-failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'validation-failed',
  415: 'validation-failed',
  422: 'rule-violated',
  429: 'too-many-requests',
};

const PAGE_FOR_STATUS: Record<number, string> = { 404: 'errors/not-found', 413: 'errors/bad-request' };

/** A browser (HTML preferred, no bearer token), not a client of the API. */
function prefersPage(request: Request): boolean {
  return !request.headers.authorization && request.accepts(['json', 'html']) === 'html';
}

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * The one place errors become HTTP answers, in the contract's shape `{ statusCode, code, message, details? }`.
 * Unexpected errors are logged with an id and answered with only that id: no stack or data leaves the service.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    // A browser that asked for a page that does not exist, or sent a form too large to read: a GOV.UK page, as the
    // web contract wants for every page, rather than the API's JSON (the page controllers answer their own errors).
    const page = PAGE_FOR_STATUS[body.statusCode];
    if (page && prefersPage(host.switchToHttp().getRequest<Request>())) {
      response.status(body.statusCode).setHeader('Cache-Control', 'no-store').render(page);
      return;
    }
    response.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    // An 'internal' domain error (a stored case naming a rulebook that does not exist) is a fault, not an answer.
    if (exception instanceof DomainError && exception.code !== 'internal') {
      const statusCode = STATUS_BY_CODE[exception.code];
      return { statusCode, code: exception.code, message: exception.message, ...withDetails(exception.details) };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const statusCode = exception.getStatus();
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'validation-failed', message: messageOf(exception) };
    }
    if (isExposedClientError(exception)) {
      const statusCode = exception.status;
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'validation-failed', message: exception.message };
    }
    const errorId = randomUUID();
    // Only name, message and stack: driver errors carry the query's parameters, which may hold case details.
    const err =
      exception instanceof Error
        ? { type: exception.name, message: exception.message, stack: exception.stack }
        : { type: typeof exception };
    this.logger.error({ msg: 'Unhandled error', errorId, err });
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'internal',
      message: `Internal error; quote this id to the service team: ${errorId}`,
      details: { errorId },
    };
  }
}

/**
 * A client error raised by Express middleware before Nest's pipeline, such as body-parser's (413 body too large, 415
 * unsupported charset or content encoding, 400 undecodable gzip). Nest maps only its SyntaxError; the rest are
 * http-errors objects whose `expose` flag marks the message as safe to show.
 */
function isExposedClientError(exception: unknown): exception is Error & { status: number } {
  if (!(exception instanceof Error)) return false;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

function withDetails(details: unknown): { details?: unknown } {
  return details === undefined ? {} : { details };
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
