import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { TooManyRequestsError } from '@baton/core';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface BudgetOptions {
  /** Names the counters; two budgets with one prefix would share them. */
  keyPrefix: string;
  points: number;
  /** Window in seconds. */
  duration: number;
}

/** Attempts per key in a window; spent, it refuses with TOO_MANY_REQUESTS and the seconds to wait. */
export class RequestBudget {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  async consume(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw new TooManyRequestsError(Math.ceil(result.msBeforeNext / 1000));
      throw result;
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key).catch(() => undefined);
  }
}

/**
 * Where every throttle of the app keeps its counters: in Redis when configured, so several
 * instances share them, over one connection; in memory otherwise. With Redis down, each budget
 * falls back to a per-instance one rather than refusing everyone.
 */
@Injectable()
export class RequestBudgets implements OnModuleDestroy {
  private readonly redis?: Redis;

  constructor(config: BatonConfig) {
    if (config.redisUrl) {
      this.redis = new Redis(config.redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
      this.redis.on('error', () => undefined);
    }
  }

  budget(options: BudgetOptions): RequestBudget {
    const limiter = this.redis
      ? new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    return new RequestBudget(limiter);
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
