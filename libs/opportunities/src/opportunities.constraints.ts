import type { ConstraintSet } from '@baton/database';

/** What the opportunities tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const opportunitiesConstraints: ConstraintSet = {
  owner: 'opportunities',
  meanings: {
    opportunities_organisation_fk: { field: 'organisationId', message: 'This organisation does not exist' },
    opportunities_event_fk: { field: 'eventId', message: 'This event does not exist' },
    opportunity_skills_skill_fk: { field: 'skills', message: 'This skill is not in the catalogue' },
    opportunities_location_check: { field: 'city', message: 'A city is required unless the work is REMOTE' },
    opportunities_status_transition: { field: 'status', message: 'This status change is not allowed' },
    applications_once_key: { field: 'opportunityId', message: 'You already applied to this opportunity' },
    applications_stage_transition: { field: 'stage', message: 'This stage change is not allowed' },
  },
};
