/** Assignments of staff to shifts, under the rules. */
export { RosteringModule } from './rostering.module';
export { AssignmentEntity, AssignmentStatus, AssignmentSource, ACTIVE_STATUSES } from './assignment/assignment.entity';
export { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
export { AssignmentService, ASSIGNMENT_CHANGED } from './assignment/assignment.service';
/** `myShifts`; its `shapeInSql` switch turns the one-statement path off (comparison tests). */
export { MyShiftsService } from './assignment/my-shifts.service';
export { EligibilityService } from './eligibility/eligibility.service';
export { evaluateRules, workingDay } from './eligibility/rule-engine';
/** The one verdict on a candidate for a shift, over facts gathered by the caller (pure). */
export { verdict, type Verdict } from './eligibility/verdict';
export type { RuleOutcome, RuleFacts } from './eligibility/rule-types';
/** The greedy roster solver: pure, over facts in memory; the demo roster and the automatic roster build on it. */
export { greedyRoster, type RosterProblem, type RosterShift, type RosterPerson, type RosterPlacement, type RosterSolution } from './solver/greedy-roster';
export { AttendanceModule } from './attendance/attendance.module';
export { NoShowSweeper, NO_SHOW_SWEEP_JOB } from './attendance/no-show-sweeper.service';
export { STAFFING_ALERT, StaffingAlertKind } from './alerts/staffing-alert';
export { NO_SHOW_GRACE_MINUTES } from './attendance/attendance-status';
export { CoverageModule } from './coverage/coverage.module';
export { CoverageService } from './coverage/coverage.service';
export { CoverageBucket } from './coverage/coverage.dto';
/** The roster read as a record of work: every assignment with its attendance (verified Games records), attended work and who worked with whom (alumni). */
export { WorkHistoryService, type WorkHistoryEntry, type WorkRecord, type WorkTogether, type CoordinatorScope } from './work-history/work-history.service';
export { RosteringPermission, rosteringPermissions } from './rostering.permissions';
