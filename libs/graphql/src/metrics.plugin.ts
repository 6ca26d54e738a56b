import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Injectable } from '@nestjs/common';
import { Metrics } from '@baton/observability';

/** Per-operation counts, durations and error codes for Prometheus. */
@Injectable()
export class MetricsPlugin implements ApolloServerPlugin {
  constructor(private readonly metrics: Metrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const started = process.hrtime.bigint();
    const metrics = this.metrics;
    return {
      async willSendResponse({ operationName, operation, errors }) {
        const type = operation?.operation ?? 'unknown';
        const name = operationName ?? 'anonymous';
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        metrics.graphqlDuration.observe({ type, operation: name }, seconds);
        for (const error of errors ?? []) {
          metrics.graphqlErrors.inc({ operation: name, code: String(error.extensions?.code ?? 'UNKNOWN') });
        }
      },
    };
  }
}
