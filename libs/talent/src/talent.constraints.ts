import type { ConstraintSet } from '@baton/database';

/** What the talent tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const talentConstraints: ConstraintSet = {
  owner: 'talent',
  meanings: {
    talent_contact_requests_one_pending: { field: 'alumnusId', message: 'Your organisation already has a pending request to this person' },
  },
};
