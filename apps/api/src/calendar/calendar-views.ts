import { ApiProperty } from '@nestjs/swagger';

const DATE = { type: String, format: 'date' } as const;

export class WorkingDaysAddedView {
  @ApiProperty({ ...DATE, example: '2025-12-19' }) from: string;
  @ApiProperty({ type: 'integer', example: 5 }) days: number;
  @ApiProperty({ ...DATE, example: '2025-12-30', description: '`from` moved on by `days` working days' }) date: string;
}

export class WorkingDaysBetweenView {
  @ApiProperty({ ...DATE, example: '2025-12-19' }) from: string;
  @ApiProperty({ ...DATE, example: '2025-12-30' }) to: string;
  @ApiProperty({ type: 'integer', example: 5, description: 'Working days after `from` up to and including `to`' })
  workingDays: number;
}

export class BankHolidayView {
  @ApiProperty({ ...DATE, example: '2026-12-28' }) date: string;
  @ApiProperty({ example: 'Boxing Day (substitute day)' }) title: string;
}
