import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, PartnershipCalendars } from '@app/auth';
import { bankHolidays } from '@app/calendar';
import { AddWorkingDaysQuery, BankHolidaysQuery, WorkingDaysBetweenQuery } from './calendar-query.dto';

/** Working days of England and Wales, with the caller's partnership closure days counted as non-working. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: PartnershipCalendars) {}

  @Get('working-days/add')
  @ApiOkResponse({ schema: { example: { from: '2025-12-19', days: 5, date: '2025-12-30' } } })
  async add(@Query() query: AddWorkingDaysQuery, @CurrentUser() user: AuthenticatedUser) {
    const calendar = await this.calendars.forPartnership(user.partnershipId);
    return { from: query.from, days: query.days, date: calendar.addWorkingDays(query.from, query.days) };
  }

  @Get('working-days/between')
  @ApiOkResponse({ schema: { example: { from: '2025-12-19', to: '2025-12-30', workingDays: 5 } } })
  async between(@Query() query: WorkingDaysBetweenQuery, @CurrentUser() user: AuthenticatedUser) {
    const calendar = await this.calendars.forPartnership(user.partnershipId);
    return { from: query.from, to: query.to, workingDays: calendar.workingDaysBetween(query.from, query.to) };
  }

  @Get('bank-holidays')
  @ApiOkResponse({ schema: { example: [{ date: '2026-12-28', title: 'Boxing Day (substitute day)' }] } })
  holidays(@Query() query: BankHolidaysQuery) {
    return bankHolidays(query.year).map(({ date, title }) => ({ date, title }));
  }
}
