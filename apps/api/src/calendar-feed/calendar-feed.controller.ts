import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AuthenticatedUser, CalendarFeedsService, CurrentUser, Public } from '@app/auth';
import { DeadlinesCalendarService } from '@app/cases';
import { NotFoundError } from '@app/common';
import { AppConfig } from '@app/config';
import { ApiErrorResponses } from '../http/api-errors';
import { assertNoFields } from '../http/no-fields';
import { CALENDAR_FEED_LIMITS } from './calendar-feed.limits';
import { CalendarFeedCreatedView, CalendarFeedStatusView, calendarFeedUrl } from './calendar-feed.views';

/**
 * A person's private calendar feed of their open deadlines (issue 13): turned on, replaced and off with their token;
 * read by a calendar (Outlook, Google, Apple) with no token, through the secret in its URL.
 */
@ApiTags('calendar feed')
@Controller()
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    private readonly calendars: DeadlinesCalendarService,
    private readonly config: AppConfig,
  ) {}

  @Get('users/me/calendar-feed')
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Whether your calendar feed is on, since when, and when a calendar last read it' })
  @ApiOkResponse({ type: CalendarFeedStatusView })
  @ApiErrorResponses(401)
  async status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedStatusView> {
    const status = await this.feeds.status(user);
    return {
      active: status.active,
      ...(status.createdAt ? { createdAt: status.createdAt.toISOString() } : {}),
      ...(status.lastReadAt ? { lastReadAt: status.lastReadAt.toISOString() } : {}),
    };
  }

  @Post('users/me/calendar-feed')
  @Header('Cache-Control', 'no-store')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Turn your calendar feed on, or replace its address (the old one stops working at once)',
    description:
      'The answer holds the address, with its secret, once: it is not kept and cannot be shown again. No body, or `{}`.',
  })
  @ApiBody({ required: false, schema: { type: 'object', properties: {}, additionalProperties: false } })
  @ApiCreatedResponse({ type: CalendarFeedCreatedView })
  @ApiErrorResponses(401, 400, 403)
  async turnOn(@Req() request: Request, @CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedCreatedView> {
    assertNoFields(request);
    const { token, createdAt } = await this.feeds.turnOn(user);
    return { url: calendarFeedUrl(this.config.publicUrl, token), createdAt: createdAt.toISOString() };
  }

  @Delete('users/me/calendar-feed')
  @Header('Cache-Control', 'no-store')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Turn your calendar feed off: its address answers 404 from now on (204 if it was off)' })
  @ApiNoContentResponse({ description: 'The feed is off' })
  @ApiErrorResponses(401)
  async turnOff(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.feeds.turnOff(user);
  }

  @Get('calendar-feeds/:token.ics')
  @Public()
  @UseGuards(ThrottlerGuard)
  // Per address first (the module's order), then per feed: see CALENDAR_FEED_LIMITS.
  @Throttle({ login: { limit: CALENDAR_FEED_LIMITS.perAddress, ttl: CALENDAR_FEED_LIMITS.ttlMs } })
  @ApiOperation({
    summary: 'A calendar feed (iCalendar): one all-day event per open deadline of the cases its owner works on',
    description:
      'No token: the address is the secret. A revoked, replaced, unknown or malformed address, or one whose owner is ' +
      'deactivated, answers 404. Events carry the case reference, the rule and a link to the case, nothing else.',
  })
  // Declared on the 200 alone (not with @ApiProduces): the 404 and 429 are the contract's JSON errors.
  @ApiOkResponse({
    description: 'The feed (iCalendar, RFC 5545)',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrorResponses(404, 429)
  async feed(@Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const owner = await this.feeds.ownerOf(token);
    if (!owner) throw new NotFoundError('Calendar feed');
    const ics = await this.calendars.icsFor(owner.user);
    // Set here, not by decorator: a refusal is the contract's JSON error, not a calendar.
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, no-store');
    return ics;
  }
}
