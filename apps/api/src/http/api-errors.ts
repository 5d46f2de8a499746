/**
 * The contract's error body `{ statusCode, code, message, details? }` as one OpenAPI schema, `ErrorResponse`, and the
 * decorator that declares it on a route for the statuses that route can answer with.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { CASE_EVENT_TYPES } from '@app/cases';
import { ERROR_CODES, type ErrorCode } from '@app/common';
import { CASE_STATES } from '@app/workflows';
import { STATUS_BY_CODE } from './error-response.filter';

/** One bad field of a `validation-failed` refusal. */
export class FieldErrorView {
  @ApiProperty({ example: 'laAwareOn', description: 'The field, dotted for nested ones (`children.0.ageYears`)' })
  field: string;
  @ApiProperty({ type: [String], example: ['laAwareOn must be a real date YYYY-MM-DD'] }) messages: string[];
}

/** The `details` of an `illegal-transition` refusal. */
export class IllegalTransitionDetailsView {
  @ApiProperty({ enum: CASE_STATES, description: 'The state the case is in' }) state: string;
  @ApiProperty({ enum: CASE_EVENT_TYPES, isArray: true, description: 'The events that state accepts' })
  allowedEvents: string[];
}

/** The `details` of a `too-many-requests` refusal on one account: when to try again. */
export class TooManyRequestsDetailsView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds until an attempt is counted again' })
  retryAfterSeconds: number;
}

/** The `details` of an `internal` error: only an id to quote to the service team. */
export class InternalErrorDetailsView {
  @ApiProperty({ format: 'uuid' }) errorId: string;
}

@ApiSchema({ name: 'ErrorResponse', description: 'Every error answer of the service.' })
export class ErrorResponseView {
  @ApiProperty({ type: 'integer', example: 400, description: 'The HTTP status again' }) statusCode: number;
  @ApiProperty({ enum: ERROR_CODES }) code: ErrorCode;
  @ApiProperty({ example: 'Invalid input: laAwareOn' }) message: string;
  @ApiPropertyOptional({
    description:
      '`validation-failed`: one entry per bad field. `illegal-transition`: the state and the events allowed now. ' +
      '`too-many-requests` (on one account): the seconds to wait. `internal`: the id of the logged error. No other ' +
      'code carries details.',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldErrorView) } },
      { $ref: getSchemaPath(IllegalTransitionDetailsView) },
      { $ref: getSchemaPath(TooManyRequestsDetailsView) },
      { $ref: getSchemaPath(InternalErrorDetailsView) },
    ],
  })
  details?: FieldErrorView[] | IllegalTransitionDetailsView | TooManyRequestsDetailsView | InternalErrorDetailsView;
}

/** The models the error schema refers to, for `SwaggerModule.createDocument`'s `extraModels`. */
export const ERROR_MODELS = [
  ErrorResponseView,
  FieldErrorView,
  IllegalTransitionDetailsView,
  TooManyRequestsDetailsView,
  InternalErrorDetailsView,
];

/** The contract's order of checks (docs/api-contract.md "Errors"); 429 comes only from a throttled route. */
const ERROR_STATUSES = [401, 400, 404, 403, 409, 422, 429] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

const codesOf = (status: number): ErrorCode[] => ERROR_CODES.filter((code) => STATUS_BY_CODE[code] === status);

/** Declares the error body for each of the statuses the route can refuse with, in the order the checks run. */
export function ApiErrorResponses(...statuses: ErrorStatus[]): MethodDecorator {
  return applyDecorators(
    ...ERROR_STATUSES.filter((status) => statuses.includes(status)).map((status) =>
      ApiResponse({
        status,
        description: `Refused: ${codesOf(status)
          .map((code) => `\`${code}\``)
          .join(' or ')}`,
        schema: { $ref: getSchemaPath(ErrorResponseView) },
      }),
    ),
  );
}
