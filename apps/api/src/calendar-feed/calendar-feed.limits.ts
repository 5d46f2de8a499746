/**
 * A calendar feed's reads a minute: per feed (its token's hash), and per client address. Google and Microsoft read
 * everyone's calendars from a few shared addresses, so the feed's own limit is by feed: one polled too often is
 * limited without affecting the others read from the same address. The per-address ceiling, high enough for those
 * shared readers, still stops one address guessing tokens; checked first, it also keeps a guesser from filling the
 * per-feed throttler's memory with one entry per guess.
 */
export const CALENDAR_FEED_LIMITS = { perFeed: 60, perAddress: 600, ttlMs: 60_000 } as const;
