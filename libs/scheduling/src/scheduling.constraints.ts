import type { ConstraintSet } from '@baton/database';

/** What the scheduling tables' constraints mean to a client when the database refuses a write (often a race the service's own checks could not see). */
export const schedulingConstraints: ConstraintSet = {
  owner: 'scheduling',
  meanings: {
    shifts_order_check: { field: 'endsAt', message: 'A shift must end after it starts and last at most 72 hours' },
    shifts_headcount_check: { field: 'headcount', message: 'The headcount is 1 to 500' },
    shifts_capacity_check: { field: 'headcount', message: 'The headcount cannot be lower than the people assigned' },
    shifts_venue_fk: { field: 'venueId', message: 'No such venue' },
    shifts_team_fk: { field: 'teamId', message: 'No such team' },
    shift_required_skills_skill_fk: { field: 'requiredSkills', message: 'A required skill does not exist' },
    shift_required_skills_level_check: { field: 'requiredSkills', message: 'A minimum skill level is 1 to 4' },
    work_rule_sets_values_check: { field: 'input', message: 'Rest is 0 to 2880 minutes, the daily limit 60 to 1440, the weekly limit 60 to 10080' },
  },
};
