import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';

/** Inject with `@Inject(PUB_SUB)`: in-process by default, Redis-backed when REDIS_URL is set. */
export const PUB_SUB = Symbol('PUB_SUB');

function redisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (attempt) => Math.min(attempt * 200, 5000) });
  const logger = new Logger('PubSub');
  client.on('error', (error) => logger.warn(`Redis: ${error.message}`));
  return client;
}

@Global()
@Module({
  providers: [
    {
      provide: PUB_SUB,
      inject: [BatonConfig],
      useFactory: (config: BatonConfig): PubSubEngine => {
        if (!config.redisUrl) return new PubSub();
        // Payloads carry Dates; the reviver keeps them Dates after the trip through Redis.
        const reviver = (_key: string, value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) ? new Date(value) : value;
        return new RedisPubSub({ publisher: redisClient(config.redisUrl), subscriber: redisClient(config.redisUrl), reviver });
      },
    },
  ],
  exports: [PUB_SUB],
})
export class PubSubModule implements OnApplicationShutdown {
  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}
  async onApplicationShutdown(): Promise<void> {
    if (this.pubSub instanceof RedisPubSub) await this.pubSub.close().catch(() => undefined);
  }
}
