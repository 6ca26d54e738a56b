import { NotFoundError } from '@baton/core';
import type { ConstraintSet } from '@baton/database';
import { CONTACT_REQUEST_USE_CASE } from './contact/contact.service';

/** What the talent tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const talentConstraints: ConstraintSet = {
  owner: 'talent',
  meanings: {
    talent_contact_requests_one_pending: { field: 'alumnusId', message: 'Your organisation already has a pending request to this person' },
    talent_contact_requests_not_blocked: { field: 'alumnusId', message: 'This person blocked the organisation' },
  },
  useCases: [
    // To the recruiter a block reads as it does everywhere else: the person is not found (not that they blocked you).
    {
      useCase: CONTACT_REQUEST_USE_CASE,
      constraints: ['talent_contact_requests_not_blocked'],
      translate: () => new NotFoundError('AlumniProfile'),
    },
  ],
};
