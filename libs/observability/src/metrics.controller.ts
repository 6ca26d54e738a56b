import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@baton/auth';
import { Metrics } from './metrics';

/**
 * Public like /health: it carries counts and timings, no personal data. In production, keep
 * /metrics off the public load balancer (it is meant for the scraper on the private network).
 */
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
