import type { ConstraintSet } from '@baton/database';

/** What the identity tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const identityConstraints: ConstraintSet = {
  owner: 'identity',
  meanings: {
    users_email_key: { field: 'email', message: 'An account with this email already exists' },
    role_grants_venue_event_check: { field: 'grant.venueIds', message: 'A venue of this grant is not a venue of its event' },
    role_grants_team_event_check: { field: 'grant.teamIds', message: 'A team of this grant is not a team of its event' },
    invitations_venue_event_check: { field: 'grant.venueIds', message: 'A venue of this grant is not a venue of its event' },
    invitations_team_event_check: { field: 'grant.teamIds', message: 'A team of this grant is not a team of its event' },
  },
};
