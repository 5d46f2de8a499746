import type { ThrottlerOptions } from '@nestjs/throttler';
import { calendarFeedTokenHash } from '@app/auth';
import { CalendarFeedController } from './calendar-feed.controller';
import { CALENDAR_FEED_LIMITS } from './calendar-feed.limits';

/** The per-feed throttler, keyed by the token's hash (the per-address ceiling is the `login` one, raised on the route). */
export const CALENDAR_FEED_THROTTLER: ThrottlerOptions = {
  name: 'calendar-feed',
  ttl: CALENDAR_FEED_LIMITS.ttlMs,
  limit: CALENDAR_FEED_LIMITS.perFeed,
  getTracker: (request: { params?: { token?: string } }) => calendarFeedTokenHash(request.params?.token ?? ''),
  // Only the feed's route is read by token; the sign-in routes are limited by address alone.
  skipIf: (context) => context.getClass() !== CalendarFeedController,
};
