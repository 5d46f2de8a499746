/**
 * Field decorators that bundle the validator, the trimming transform, optionality and the Swagger description, so a
 * DTO property reads as one line of intent: `@TextField(2000) reason: string`.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import {
  EARLIEST_DATE,
  IsActionId,
  IsHttpUrl,
  IsLocalDate,
  IsOneOf,
  IsText,
  IsTrueOrFalse,
  LATEST_DATE,
} from './validators';

export interface FieldOptions {
  /**
   * May be left out. `null` is treated like absent (class-validator's `IsOptional`); `parseCaseEvent` then drops
   * the field from the payload.
   */
  optional?: boolean;
  description?: string;
  example?: unknown;
}

function common({ optional = false, description, example }: FieldOptions): {
  swagger: { required: boolean; description?: string; example?: unknown };
  optional: PropertyDecorator[];
} {
  return { swagger: { required: !optional, description, example }, optional: optional ? [IsOptional()] : [] };
}

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A date-only value `YYYY-MM-DD` from 2000-01-01 to 2099-12-31 (see {@link IsLocalDate}). */
export function DateField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: '2026-03-02', ...options });
  const range = `A real date YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}.`;
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      format: 'date',
      description: [swagger.description, range].filter(Boolean).join(' '),
    }),
    ...optional,
    IsLocalDate(),
  );
}

/** Free text, trimmed, then 1 to `maxLength` characters. */
export function TextField(maxLength: number, options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common(options);
  return applyDecorators(
    ApiProperty({ ...swagger, type: String, minLength: 1, maxLength }),
    trim,
    ...optional,
    IsText(maxLength),
  );
}

/** One of a fixed set of strings. */
export function EnumField(values: readonly string[], options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: values[0], ...options });
  return applyDecorators(ApiProperty({ ...swagger, enum: [...values] }), ...optional, IsOneOf(values));
}

export function BooleanField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common(options);
  return applyDecorators(ApiProperty({ ...swagger, type: Boolean }), ...optional, IsTrueOrFalse());
}

export function ActionIdField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: 'A-1', ...options });
  return applyDecorators(
    ApiProperty({
      ...swagger,
      type: String,
      pattern: '^[A-Za-z0-9._-]{1,60}$',
      description: swagger.description ?? 'Chosen by the partnership, unique within the case.',
    }),
    ...optional,
    IsActionId(),
  );
}

export function HttpUrlField(options: FieldOptions = {}): PropertyDecorator {
  const { swagger, optional } = common({ example: 'https://example.org/reports/lcspr-2026-01.pdf', ...options });
  return applyDecorators(
    ApiProperty({ ...swagger, type: String, format: 'uri', maxLength: 2000 }),
    trim,
    ...optional,
    IsHttpUrl(),
  );
}
