/** Assignments of staff to shifts, under the rules. */
export { RosteringModule } from './rostering.module';
export { AssignmentEntity, AssignmentStatus, AssignmentSource, ACTIVE_STATUSES } from './assignment/assignment.entity';
export { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
