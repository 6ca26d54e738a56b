import { BadInputError } from '@baton/core';

/** Where a page ends: the score and user id of its last row (score descending, then id). */
export interface SearchPosition {
  score: number;
  userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients: the score and id of the last row, base64url JSON. */
export function encodePosition(position: SearchPosition): string {
  return Buffer.from(JSON.stringify([position.score, position.userId])).toString('base64url');
}

export function decodePosition(cursor: string): SearchPosition {
  try {
    const [score, userId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof score === 'number' && Number.isFinite(score) && typeof userId === 'string' && UUID.test(userId)) return { score, userId };
  } catch {
    // the typed error below
  }
  throw BadInputError.field('after', 'This cursor is not valid for this list', 'cursor');
}
