import { BatonConfig } from '@baton/config';
import type { Params } from 'nestjs-pino';

/**
 * Nest's own logs (boot, errors from services) as pino JSON. Request logs and request ids come
 * from Fastify (see fastify-adapter.ts), so the HTTP middleware of nestjs-pino is not mounted.
 */
export function loggerParams(config: BatonConfig): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  };
}
