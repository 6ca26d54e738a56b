import type { ConstraintSet } from '@baton/database';

/** What the credentials tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const credentialsConstraints: ConstraintSet = {
  owner: 'credentials',
  meanings: {
    games_records_one_current_per_staff: { field: 'staffMemberId', message: 'This staff record already has a current Games record' },
    games_records_event_fk: { field: 'eventId', message: 'No such event' },
    games_records_staff_fk: { field: 'staffMemberId', message: 'No such staff record' },
    games_records_certified_guard: { message: 'A Games record is never edited once issued: reissue it' },
    credential_signing_keys_one_current: { message: 'Another signing key became current at the same moment; try again' },
  },
};
