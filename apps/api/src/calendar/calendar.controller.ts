import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, PartnershipCalendars } from '@app/auth';
import { bankHolidays } from '@app/calendar';
import { ApiErrorResponses } from '../http/api-errors';
import { AddWorkingDaysQuery, BankHolidaysQuery, WorkingDaysBetweenQuery } from './calendar-query.dto';
import { BankHolidayView, WorkingDaysAddedView, WorkingDaysBetweenView } from './calendar-views';

/** Working days of England and Wales, with the caller's partnership closure days counted as non-working. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: PartnershipCalendars) {}

  @Get('working-days/add')
  @ApiOkResponse({ type: WorkingDaysAddedView })
  @ApiErrorResponses(401, 400)
  async add(
    @Query() query: AddWorkingDaysQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WorkingDaysAddedView> {
    const calendar = await this.calendars.forPartnership(user.partnershipId);
    return { from: query.from, days: query.days, date: calendar.addWorkingDays(query.from, query.days) };
  }

  @Get('working-days/between')
  @ApiOkResponse({ type: WorkingDaysBetweenView })
  @ApiErrorResponses(401, 400)
  async between(
    @Query() query: WorkingDaysBetweenQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<WorkingDaysBetweenView> {
    const calendar = await this.calendars.forPartnership(user.partnershipId);
    return { from: query.from, to: query.to, workingDays: calendar.workingDaysBetween(query.from, query.to) };
  }

  @Get('bank-holidays')
  @ApiOkResponse({ type: [BankHolidayView] })
  @ApiErrorResponses(401, 400)
  holidays(@Query() query: BankHolidaysQuery): BankHolidayView[] {
    return bankHolidays(query.year).map(({ date, title }) => ({ date, title }));
  }
}
