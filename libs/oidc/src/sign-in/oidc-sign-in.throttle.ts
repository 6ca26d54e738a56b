import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { TooManyRequestsError } from '@baton/core';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Starting a sign-in needs no account yet writes a row and calls the provider, so starts share the
 * per-address login budget (LOGIN_LIMIT_PER_ADDRESS per LOGIN_LIMIT_WINDOW_SECONDS), through Redis
 * when configured. The callback needs an unused state from a start, so it is bounded by this too.
 */
@Injectable()
export class OidcSignInThrottle implements OnModuleDestroy {
  private readonly limiter: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(config: BatonConfig) {
    const options = { keyPrefix: 'oidc-start-ip', points: config.auth.loginLimitPerAddress, duration: config.auth.loginLimitWindowSeconds };
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined);
      // Redis down: a per-instance budget rather than refusing everyone.
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
