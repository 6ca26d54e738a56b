import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { TooManyRequestsError } from '@baton/core';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Public verification needs no account, so it is budgeted per client address (VERIFY_LIMIT_*),
 * shared through Redis when configured. Guessing codes is hopeless at 128 bits; this keeps a
 * scraper from turning the endpoint into a load test.
 */
@Injectable()
export class VerificationThrottle implements OnModuleDestroy {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(config: BatonConfig) {
    const options = { keyPrefix: 'verify-ip', points: config.credentials.verifyLimitPerAddress, duration: config.credentials.verifyLimitWindowSeconds };
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined);
      // Redis down: fall back to a per-instance budget rather than refusing everyone.
      this.limiter = new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
    } else {
      this.limiter = new RateLimiterMemory(options);
    }
  }

  async attempt(address: string | undefined): Promise<void> {
    try {
      await this.limiter.consume(address || 'unknown');
    } catch (result) {
      if (result instanceof RateLimiterRes) throw new TooManyRequestsError(Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
