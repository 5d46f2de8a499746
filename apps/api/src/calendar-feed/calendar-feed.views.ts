import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CalendarFeedStatusView {
  @ApiProperty({ description: 'Whether the feed is on' }) active: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: 'When it was turned on or its address last replaced' })
  createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When a calendar last read it (to the hour)' })
  lastReadAt?: string;
}

export class CalendarFeedCreatedView {
  @ApiProperty({
    format: 'uri',
    example: 'https://practice-review.example/calendar-feeds/3q2-7w_BZx0c4mRk0wY5qv8xWQbS0fQ9mR2n6hXyYbE.ics',
    description: 'The feed’s address, with its secret: shown this once, never again',
  })
  url: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The address a calendar subscribes to. */
export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/calendar-feeds/${token}.ics`;
}
