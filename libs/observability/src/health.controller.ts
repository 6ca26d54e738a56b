import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthIndicatorFunction, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import Redis from 'ioredis';

@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly config: BatonConfig,
  ) {}

  /** The process is up and its event loop turns: a load balancer restarts it otherwise. */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Ready for traffic: the database answers (and Redis, when configured). */
  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout: 2000 })];
    if (this.config.redisUrl) checks.push(() => this.redisCheck(this.config.redisUrl!));
    return this.health.check(checks);
  }

  private async redisCheck(url: string) {
    const indicator = this.indicators.check('redis');
    const client = new Redis(url, { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      client.disconnect();
    }
  }
}
