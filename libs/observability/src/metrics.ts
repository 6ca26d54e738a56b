import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per app instance (tests boot several apps in one process). */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly graphqlDuration = new Histogram({
    name: 'baton_graphql_operation_duration_seconds',
    help: 'GraphQL operations by type and name',
    labelNames: ['type', 'operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'baton_graphql_errors_total',
    help: 'GraphQL errors by operation and code',
    labelNames: ['operation', 'code'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
