import { ConflictError, RuleViolationError } from '@baton/core';
import type { ConstraintSet } from '@baton/database';
import { MOVE_SHIFT_USE_CASE } from '@baton/scheduling';
import { ASSIGN_USE_CASE } from './assignment/assignment.service';

// To assign, a constraint the checks did not catch is a race: the rule it stands for, as the checks would have said it.
const ruleRace = (rule: string, message: string) => () => new RuleViolationError(message, [{ rule, message }]);
const OVERLAPS = ['assignments_no_overlap', 'assignments_person_no_overlap'];

/** What the rostering tables' constraints mean to a client, in general and to the use cases that read them differently. */
export const rosteringConstraints: ConstraintSet = {
  owner: 'rostering',
  meanings: {
    assignments_no_overlap: { message: 'This would put one person on two overlapping shifts' },
    assignments_person_no_overlap: {
      message: 'This would put one person on two overlapping shifts (through their staff records in different events)',
    },
  },
  useCases: [
    { useCase: ASSIGN_USE_CASE, constraints: ['shifts_capacity_check'], translate: ruleRace('CAPACITY', 'The shift is full') },
    { useCase: ASSIGN_USE_CASE, constraints: OVERLAPS, translate: ruleRace('OVERLAP', 'This person is on another shift at the same time') },
    {
      useCase: ASSIGN_USE_CASE,
      constraints: ['assignments_one_active_per_shift'],
      translate: ruleRace('ALREADY_ASSIGNED', 'This person is already on this shift'),
    },
    // Moving a shift moves its assignments: an overlap then is a conflict of the move, on its start.
    {
      useCase: MOVE_SHIFT_USE_CASE,
      constraints: OVERLAPS,
      translate: ({ constraint }) =>
        new ConflictError('Moving this shift would give an assigned person two shifts at the same time', { constraint, rule: 'overlap', field: 'startsAt' }),
    },
  ],
};
