import type { ConstraintSet } from '@baton/database';

/** What the privacy tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const privacyConstraints: ConstraintSet = {
  owner: 'privacy',
  meanings: {
    privacy_erasure_requests_one_pending: { field: 'userId', message: 'An erasure request for this person is already open' },
    privacy_erasure_requests_reason_check: { field: 'reason', message: 'The reason is 1 to 500 characters' },
  },
};
