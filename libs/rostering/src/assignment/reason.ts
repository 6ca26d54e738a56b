import { BadInputError } from '@baton/core';

export const MAX_REASON_LENGTH = 500;

/**
 * Reasons end up in people's mail and in the audit trail: trimmed, bounded, and required where
 * the action would otherwise be unexplained (cancelling a shift).
 */
export function cleanReason(value: string | undefined | null, field: string, required: boolean): string | undefined {
  const reason = value?.trim();
  if (!reason) {
    if (required) throw BadInputError.field(field, 'Give a reason', 'required');
    return undefined;
  }
  if (reason.length > MAX_REASON_LENGTH) throw BadInputError.field(field, `At most ${MAX_REASON_LENGTH} characters`, 'maxLength');
  return reason;
}
