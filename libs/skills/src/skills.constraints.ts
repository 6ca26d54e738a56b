import type { ConstraintSet } from '@baton/database';

/** What the skills tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const skillsConstraints: ConstraintSet = {
  owner: 'skills',
  meanings: {
    skills_code_key: { field: 'code', message: 'A skill with this code already exists' },
  },
};
