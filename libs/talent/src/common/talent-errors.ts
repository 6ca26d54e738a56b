import { RuleViolationError } from '@baton/core';

/** The recruiter sent as many contact requests today as allowed. */
export class ContactLimitError extends RuleViolationError {
  constructor(limit: number) {
    super(`At most ${limit} contact requests a day`, [{ rule: 'CONTACT_DAILY_LIMIT', message: `At most ${limit} contact requests a day (UTC)`, limit }]);
  }
}

/** A request already answered or expired cannot be answered. */
/** Only an acceptance can be taken back: a pending request is declined instead. */
export class ContactNotAcceptedError extends RuleViolationError {
  constructor(status: string) {
    super('Only an accepted contact request can be revoked', [{ rule: 'CONTACT_NOT_ACCEPTED', message: `The request is ${status}`, status }]);
  }
}

export class ContactRequestClosedError extends RuleViolationError {
  constructor(status: string) {
    super('This contact request is no longer open', [{ rule: 'CONTACT_REQUEST_CLOSED', message: `The request is ${status}`, status }]);
  }
}
