import type { ConstraintSet } from '@baton/database';

/** What the events tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const eventsConstraints: ConstraintSet = {
  owner: 'events',
  meanings: {
    events_code_key: { field: 'code', message: 'An event with this code already exists' },
    venues_event_code_key: { field: 'code', message: 'This event already has a venue with this code' },
    events_time_zone_check: { field: 'timeZone', message: 'A time zone is stored as its canonical IANA name, e.g. Europe/Paris or UTC' },
    venues_time_zone_check: { field: 'timeZone', message: 'A time zone is stored as its canonical IANA name, e.g. Europe/Paris or UTC' },
    teams_event_code_key: { field: 'code', message: 'This event already has a team with this code' },
  },
};
