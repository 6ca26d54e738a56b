import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { TooManyRequestsError } from '@baton/core';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Each login costs an argon2id hash (~32 ms here), so guessing is throttled per account and per
 * address. Counters live in Redis when configured, so several instances share them.
 */
@Injectable()
export class LoginThrottle implements OnModuleDestroy {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;
  private readonly redis?: Redis;

  constructor(config: BatonConfig) {
    const duration = config.auth.loginLimitWindowSeconds;
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined);
      this.perAccount = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: 'login-acct', points: config.auth.loginLimitPerAccount, duration });
      this.perAddress = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: 'login-ip', points: config.auth.loginLimitPerAddress, duration });
    } else {
      this.perAccount = new RateLimiterMemory({ keyPrefix: 'login-acct', points: config.auth.loginLimitPerAccount, duration });
      this.perAddress = new RateLimiterMemory({ keyPrefix: 'login-ip', points: config.auth.loginLimitPerAddress, duration });
    }
  }

  /** Counts one attempt; throws when either budget is spent. */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await this.perAddress.consume(address);
      await this.perAccount.consume(email.toLowerCase());
    } catch (result) {
      if (result instanceof RateLimiterRes) throw new TooManyRequestsError(Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  }

  /** A successful login clears the account's failures (not the address's). */
  async succeeded(email: string): Promise<void> {
    await this.perAccount.delete(email.toLowerCase()).catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
