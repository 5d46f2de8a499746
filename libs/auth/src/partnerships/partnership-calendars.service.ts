import { Injectable } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/calendar';
import { PartnershipsService } from './partnerships.service';

/**
 * The working-day calendar each partnership counts in: England and Wales bank holidays plus its own closure days.
 * Calendars are cached by their closure days, so a change of settings takes effect on the next request.
 */
@Injectable()
export class PartnershipCalendars {
  private readonly cache = new Map<string, WorkingDayCalendar>();

  constructor(private readonly partnerships: PartnershipsService) {}

  async forPartnership(partnershipId: string): Promise<WorkingDayCalendar> {
    const partnership = await this.partnerships.get(partnershipId);
    return this.withClosures(partnership.closureDays);
  }

  withClosures(closureDays: readonly string[]): WorkingDayCalendar {
    const key = [...closureDays].sort().join(',');
    let calendar = this.cache.get(key);
    if (!calendar) {
      calendar = new WorkingDayCalendar({ closureDays: [...closureDays] });
      if (this.cache.size > 100) this.cache.clear();
      this.cache.set(key, calendar);
    }
    return calendar;
  }
}
