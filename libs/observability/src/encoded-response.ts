import type { FastifyReply, FastifyRequest } from 'fastify';

/** Set on every request that came through this adapter: only those have the hook that encodes. */
const THROUGH_ADAPTER = Symbol('throughEncodingAdapter');
const ENCODER = Symbol('responseEncoder');

type Encoder = (body: string) => Buffer;
type Marked = { [THROUGH_ADAPTER]?: true; [ENCODER]?: Encoder };

/**
 * Lets a handler send its answer as bytes it already holds. Node writes a string reply by
 * encoding it to UTF-8 on every write, ~3 ms per MB on this machine type: for a big answer served
 * to many requests (a whole-event coverage board, 1.4 MB) that was most of the request's CPU.
 * `encode` gets the body the handler returned and gives the bytes to send instead.
 * False, and nothing set, when the request did not come through this adapter (then nothing
 * would call `encode`, and the caller must send its text as it is).
 */
export function encodeResponseWith(request: object, encode: Encoder): boolean {
  const marked = request as Marked;
  if (!marked[THROUGH_ADAPTER]) return false;
  marked[ENCODER] = encode;
  return true;
}

export function markRequest(request: FastifyRequest): void {
  (request as Marked)[THROUGH_ADAPTER] = true;
}

/** Fastify's onSend: swaps a string body for the bytes its handler's encoder makes of it. */
export function encodeResponseHook(request: FastifyRequest, _reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  const encode = (request as Marked)[ENCODER];
  done(null, encode && typeof payload === 'string' ? encode(payload) : payload);
}
