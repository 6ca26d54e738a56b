/** Logs, metrics and health. */
export { ObservabilityModule } from './observability.module';
export { Metrics } from './metrics';
export { loggerParams } from './logging';
export { createFastifyAdapter } from './fastify-adapter';
/** A handler's answer sent as bytes it already holds (big answers served to many requests). */
export { encodeResponseWith } from './encoded-response';
