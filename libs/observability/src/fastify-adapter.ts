import { FastifyAdapter } from '@nestjs/platform-fastify';
import { BatonConfig } from '@baton/config';
import { LogController } from 'fastify';
import { randomUUID } from 'node:crypto';
import { encodeResponseHook, markRequest } from './encoded-response';

const REQUEST_ID = /^[\w-]{8,128}$/;

/**
 * The HTTP adapter with request ids and request logs done by Fastify itself (pino JSON, the
 * id under `reqId`). nestjs-pino's middleware route is not matched by Nest 12's Fastify
 * adapter, so the ids are produced here, where every request passes, GraphQL included.
 */
export function createFastifyAdapter(config: BatonConfig): FastifyAdapter {
  const adapter = new FastifyAdapter({
    trustProxy: config.http.trustProxy,
    bodyLimit: 1_048_576,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    logController: new LogController({
      requestIdLogLabel: 'reqId',
      disableRequestLogging: (req) => req.url?.startsWith('/health') === true || req.url === '/metrics',
    }),
    // A caller's id is kept when it looks like one (a proxy's trace id); anything else is replaced.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    markRequest(request);
    done();
  });
  adapter.getInstance().addHook('onSend', encodeResponseHook);
  return adapter;
}
