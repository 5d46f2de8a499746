import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { AppConfig } from '@app/config';

/**
 * Pings Redis on its own connection. Fails fast (no offline queue) so a Redis outage is reported within the timeout
 * rather than hanging the health check; the client keeps reconnecting in the background.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(
    config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.client = new Redis(config.redis.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    this.client.on('error', () => undefined);
  }

  async check(key = 'redis', timeoutMs = 1000) {
    const indicator = this.indicator.check(key);
    try {
      if (this.client.status === 'wait') await this.client.connect().catch(() => undefined);
      await Promise.race([
        this.client.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
      ]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
