import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type AuthenticatedUser, CALENDAR_FEED_ROLES, CalendarFeedsService, CurrentUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { calendarFeedUrl } from '../../calendar-feed/calendar-feed.views';
import { redirectWithFlash, takeFlash } from '../flash';
import { PageController } from '../page-controller.decorator';
import { govukDateTime } from '../page-dates';

/**
 * The person's calendar feed (issue 13): turn it on, replace its address, turn it off. The address is shown once, in
 * the answer to the POST that made it (never kept in the session, never in a URL the browser is sent to).
 */
@PageController('account/calendar')
export class CalendarFeedPageController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async show(@CurrentUser() me: AuthenticatedUser, @Req() request: Request, @Res() response: Response) {
    response.render('account/calendar', { ...(await this.view(me)), notice: takeFlash(request) });
  }

  /** Turns the feed on, or replaces its address; the page shows the new address this once. */
  @Post()
  async turnOn(@CurrentUser() me: AuthenticatedUser, @Res() response: Response) {
    const { token } = await this.feeds.turnOn(me);
    const url = calendarFeedUrl(this.config.publicUrl, token);
    response.status(200).render('account/calendar', {
      ...(await this.view(me)),
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
    });
  }

  @Post('off')
  async turnOff(@CurrentUser() me: AuthenticatedUser, @Req() request: Request, @Res() response: Response) {
    await this.feeds.turnOff(me);
    return redirectWithFlash(
      request,
      response,
      '/account/calendar',
      'Your calendar feed is off. Its address no longer works.',
    );
  }

  private async view(me: AuthenticatedUser) {
    const status = await this.feeds.status(me);
    return {
      mayTurnOn: me.roles.some((role) => CALENDAR_FEED_ROLES.includes(role)),
      active: status.active,
      createdAt: status.createdAt ? govukDateTime(status.createdAt) : undefined,
      lastReadAt: status.lastReadAt ? govukDateTime(status.lastReadAt) : 'Not yet',
    };
  }
}
