import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CASE_STAGES } from '@app/workflows';

const toBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/** The most working days `dueWithinWorkingDays` looks ahead: a year's worth. */
export const MAX_WORKING_DAYS_AHEAD = 260;

const toInteger = () =>
  Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value));

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES, { message: `stage must be one of: ${CASE_STAGES.join(', ')}` })
  stage?: string;

  @ApiPropertyOptional({ description: 'true: only cases not closed (any stage but closed)' })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;

  @ApiPropertyOptional({ description: 'Only cases with a running deadline already past its due date' })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 366,
    description: 'Only cases with a running deadline due from today to N calendar days ahead',
  })
  @IsOptional()
  @toInteger()
  @IsInt({ message: 'dueWithinDays must be a whole number from 0 to 366' })
  @Min(0, { message: 'dueWithinDays must be a whole number from 0 to 366' })
  @Max(366, { message: 'dueWithinDays must be a whole number from 0 to 366' })
  dueWithinDays?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_WORKING_DAYS_AHEAD,
    description:
      "Only cases with a running deadline due from today to N working days ahead, in the partnership's calendar " +
      '(bank holidays of England and Wales and its closure days are not working days)',
  })
  @IsOptional()
  @toInteger()
  @IsInt({ message: `dueWithinWorkingDays must be a whole number from 0 to ${MAX_WORKING_DAYS_AHEAD}` })
  @Min(0, { message: `dueWithinWorkingDays must be a whole number from 0 to ${MAX_WORKING_DAYS_AHEAD}` })
  @Max(MAX_WORKING_DAYS_AHEAD, {
    message: `dueWithinWorkingDays must be a whole number from 0 to ${MAX_WORKING_DAYS_AHEAD}`,
  })
  dueWithinWorkingDays?: number;

  @ApiPropertyOptional({
    description:
      "true: only cases awaiting a sign-off from the caller's agency now (the decision or the final report, this " +
      'round); a caller who is not a delegated partner gets none',
  })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'awaitingSignOff must be true or false' })
  awaitingSignOff?: boolean;

  @ApiPropertyOptional({
    description: 'true: only cases escalated to the lead partners now (state decision.escalated)',
  })
  @IsOptional()
  @toBoolean()
  @IsBoolean({ message: 'escalated must be true or false' })
  escalated?: boolean;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @toInteger()
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', default: 0, minimum: 0 })
  @IsOptional()
  @toInteger()
  @IsInt({ message: 'offset must be a whole number of 0 or more' })
  @Min(0, { message: 'offset must be a whole number of 0 or more' })
  offset?: number;
}
