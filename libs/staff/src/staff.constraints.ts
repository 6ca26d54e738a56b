import type { ConstraintSet } from '@baton/database';

/** What the staff tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const staffConstraints: ConstraintSet = {
  owner: 'staff',
  meanings: {
    staff_members_event_user_key: { field: 'userId', message: 'This person already has a staff record in this event' },
    staff_members_event_external_ref_key: { field: 'externalRef', message: 'Another staff member of this event has this external reference' },
    staff_members_email_lower_check: { field: 'email', message: 'Emails are stored in lower case' },
    staff_members_organisation_fk: { field: 'organisationId', message: 'No such organisation' },
    staff_members_team_fk: { field: 'teamId', message: 'No such team' },
    staff_members_home_venue_fk: { field: 'homeVenueId', message: 'No such venue' },
    staff_member_skills_skill_fk: { field: 'skills', message: 'No such skill' },
    staff_member_skills_level_check: { field: 'skills', message: 'A skill level is 1 to 4' },
    availability_periods_order_check: { field: 'endsAt', message: 'endsAt must be after startsAt' },
  },
};
