import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, Max, Min } from 'class-validator';
import { IsLocalDate } from '@app/common';

const toInteger = () =>
  Transform(({ value }) => (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()) ? Number(value) : value));

export class AddWorkingDaysQuery {
  @ApiProperty({ format: 'date', example: '2025-12-19' })
  @IsDefined({ message: 'from is required (a date YYYY-MM-DD)' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ type: 'integer', example: 5, minimum: -1000, maximum: 1000 })
  @IsDefined({ message: 'days is required (a whole number from -1000 to 1000)' })
  @toInteger()
  @IsInt({ message: 'days must be a whole number from -1000 to 1000' })
  @Min(-1000, { message: 'days must be a whole number from -1000 to 1000' })
  @Max(1000, { message: 'days must be a whole number from -1000 to 1000' })
  days: number;
}

export class WorkingDaysBetweenQuery {
  @ApiProperty({ format: 'date', example: '2025-12-19' })
  @IsDefined({ message: 'from is required (a date YYYY-MM-DD)' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ format: 'date', example: '2025-12-30' })
  @IsDefined({ message: 'to is required (a date YYYY-MM-DD)' })
  @IsLocalDate()
  to: string;
}

export class BankHolidaysQuery {
  @ApiProperty({ type: 'integer', example: 2026, minimum: 2000, maximum: 2099 })
  @IsDefined({ message: 'year is required (2000 to 2099)' })
  @toInteger()
  @IsInt({ message: 'year must be a whole number from 2000 to 2099' })
  @Min(2000, { message: 'year must be a whole number from 2000 to 2099' })
  @Max(2099, { message: 'year must be a whole number from 2000 to 2099' })
  year: number;
}
