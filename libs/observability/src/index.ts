/** Logs, metrics and health. */
export { ObservabilityModule } from './observability.module';
export { Metrics } from './metrics';
export { loggerParams } from './logging';
export { createFastifyAdapter } from './fastify-adapter';
