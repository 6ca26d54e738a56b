import { BadInputError } from '@baton/core';

export const MAX_REASON_LENGTH = 500;

/**
 * Reasons are public (shown on verification) and land in the audit trail: trimmed, required,
 * bounded, and free of NUL and lone surrogates, which PostgreSQL would refuse or mangle.
 */
export function cleanReason(value: unknown, field = 'reason'): string {
  if (typeof value !== 'string') throw BadInputError.field(field, 'Give a reason', 'required');
  const reason = value.trim();
  if (!reason) throw BadInputError.field(field, 'Give a reason', 'required');
  if (reason.length > MAX_REASON_LENGTH) throw BadInputError.field(field, `At most ${MAX_REASON_LENGTH} characters`, 'maxLength');
  if (reason.includes('\u0000') || /\p{Surrogate}/u.test(reason)) throw BadInputError.field(field, 'Contains a character that is not allowed', 'characters');
  return reason;
}
