import { BatonError } from '@baton/core';
import { mapDatabaseError } from '@baton/database';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, NOT_FOUND: 404, TOO_MANY_REQUESTS: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * Replies of the public credential endpoints: cacheable (Cache-Control and an ETag a client or a
 * CDN revalidates for free with If-None-Match), readable from any origin (verifiers run in
 * browsers), never an error page with internals.
 */
export function sendPublic(
  request: FastifyRequest,
  reply: FastifyReply,
  body: string,
  options: { type: string; maxAgeSeconds: number; vary?: string; status?: number },
): void {
  const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  reply.header('access-control-allow-origin', '*');
  reply.header('x-content-type-options', 'nosniff');
  if (options.vary) reply.header('vary', options.vary);
  reply.header('cache-control', `public, max-age=${options.maxAgeSeconds}`);
  reply.header('etag', etag);
  if ((options.status ?? 200) === 200 && request.headers['if-none-match'] === etag) {
    reply.status(304).send();
    return;
  }
  reply
    .status(options.status ?? 200)
    .header('content-type', options.type)
    .send(body);
}

/** Expected refusals as small JSON bodies; anything else is rethrown to Nest's handling (500, logged). */
export function sendPublicError(reply: FastifyReply, caught: unknown): void {
  // The database away is the client's cue to retry (503), not a server bug.
  const error = caught instanceof BatonError ? caught : mapDatabaseError(caught);
  if (!error || !(error.code in STATUS)) throw caught;
  reply.header('access-control-allow-origin', '*');
  reply.header('cache-control', 'no-store');
  if (error.code === 'TOO_MANY_REQUESTS') reply.header('retry-after', String(error.details.retryAfterSeconds ?? 60));
  if (error.code === 'SERVICE_UNAVAILABLE') reply.header('retry-after', '5');
  reply
    .status(STATUS[error.code])
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ error: error.code, message: error.message, ...pickDetails(error) }));
}

function pickDetails(error: BatonError): Record<string, unknown> {
  if (error.code === 'BAD_USER_INPUT') return { fields: error.details.fields };
  if (error.code === 'TOO_MANY_REQUESTS') return { retryAfterSeconds: error.details.retryAfterSeconds };
  return {};
}
