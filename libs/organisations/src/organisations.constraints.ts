import type { ConstraintSet } from '@baton/database';

/** What the organisations tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const organisationsConstraints: ConstraintSet = {
  owner: 'organisations',
  meanings: {
    organisations_code_key: { field: 'code', message: 'An organisation with this code already exists' },
  },
};
