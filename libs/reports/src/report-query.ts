import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { compareLocalDates, addCalendarMonths, type LocalDate } from '@app/calendar';
import { IsLocalDate, ValidationFailedError, type FieldError } from '@app/common';
import type { Role } from '@app/workflows';
import { reportRowIds } from './build-report';
import {
  financialYear,
  financialYearStartOf,
  MAX_REPORT_YEARS,
  reportPeriod,
  type ReportPeriod,
} from './report-periods';

const toInteger = () =>
  Transform(({ value }) => (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value));

/** A column's key: a financial quarter (`2025-26-q1`) or the whole period. */
const COLUMN_KEY = /^(\d{4}-\d{2}-q[1-4]|whole)$/;

const YEAR_MESSAGE = 'year must be a whole number from 2000 to 2098 (the financial year starting 1 April of it)';

/** Which period a report covers: a financial year, any two days, or (neither) the current financial year. */
export class ReportQuery {
  @ApiPropertyOptional({
    type: 'integer',
    example: 2025,
    minimum: 2000,
    maximum: 2098,
    description: 'The financial year starting 1 April of this year (2025: 1 April 2025 to 31 March 2026)',
  })
  @IsOptional()
  @toInteger()
  @IsInt({ message: YEAR_MESSAGE })
  @Min(2000, { message: YEAR_MESSAGE })
  @Max(2098, { message: YEAR_MESSAGE })
  year?: number;

  @ApiPropertyOptional({ format: 'date', example: '2025-07-01', description: 'The first day (with `to`)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2025-12-31', description: 'The last day, included (with `from`)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

/** The cell whose cases are asked for, in a report's period. */
export class ReportCellQuery extends ReportQuery {
  @ApiProperty({
    example: 'rapid-reviews-completed',
    enum: reportRowIds(),
    description: "A row's id in the report (`figure` or `figure.row`, as the report's rows give it)",
  })
  @IsDefined({ message: 'row is required (a row id of the report)' })
  @IsIn(reportRowIds(), { message: 'row must be a row id of the report' })
  row: string;

  @ApiProperty({
    example: '2025-26-q2',
    maxLength: 20,
    description: "A column's key in the report (a quarter's, or `whole`)",
  })
  @IsDefined({ message: 'column is required (a column key of the report)' })
  @IsString({ message: 'column must be a column key of the report' })
  @Matches(COLUMN_KEY, { message: 'column must be a column key of the report (2025-26-q1 ... or whole)' })
  column: string;
}

/** The period a valid query asks for; its combinations that make no period are a 400 naming the field. */
export function periodOf(query: ReportQuery, today: LocalDate): ReportPeriod {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string) => problems.push({ field, messages: [message] });
  const { year, from, to } = query;
  if (year !== undefined && (from !== undefined || to !== undefined))
    problem('year', 'Give either a financial year or the first and last days, not both');
  else if (from !== undefined && to === undefined) problem('to', 'to is required with from (a date YYYY-MM-DD)');
  else if (to !== undefined && from === undefined) problem('from', 'from is required with to (a date YYYY-MM-DD)');
  else if (from !== undefined && to !== undefined) {
    if (compareLocalDates(from, to) > 0) problem('to', 'to must be the same day as from or later');
    else if (compareLocalDates(to, addCalendarMonths(from, 12 * MAX_REPORT_YEARS)) >= 0)
      problem('to', `A report covers at most ${MAX_REPORT_YEARS} years`);
  }
  if (problems.length > 0) throw new ValidationFailedError('The report’s period is not valid', problems);
  if (from !== undefined && to !== undefined) return reportPeriod(from, to);
  return financialYear(year ?? financialYearStartOf(today));
}

/** Who reads the figures: everyone who works the cases or scrutinises them (not an outside reviewer, not an admin). */
export const REPORT_READERS = [
  'business-unit',
  'subgroup-member',
  'delegated-partner',
  'lead-partner',
  'scrutineer',
] as const satisfies readonly Role[];
