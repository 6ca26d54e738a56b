/** Assignments of staff to shifts, under the rules. */
export { RosteringModule } from './rostering.module';
export { AssignmentEntity, AssignmentStatus, AssignmentSource, ACTIVE_STATUSES } from './assignment/assignment.entity';
export { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
export { AssignmentService, ASSIGNMENT_CHANGED } from './assignment/assignment.service';
export { RuleCheckService } from './rules/rule-check.service';
export { evaluateRules, workingDay } from './rules/rule-engine';
export type { RuleOutcome, WorkRules as EngineWorkRules } from './rules/rule-types';
export { AttendanceModule } from './attendance/attendance.module';
export { NoShowSweeper, NO_SHOW_SWEEP_JOB } from './attendance/no-show-sweeper.service';
export { STAFFING_ALERT, StaffingAlertKind } from './attendance/staffing-alert';
export { NO_SHOW_GRACE_MINUTES } from './attendance/attendance-status';
export { CoverageModule } from './coverage/coverage.module';
export { CoverageService } from './coverage/coverage.service';
export { CoverageBucket } from './coverage/coverage.dto';
/** The roster read as a record of work: every assignment with its attendance (verified Games records), attended work and who worked with whom (alumni). */
export { WorkHistoryService, type WorkHistoryEntry, type WorkRecord, type WorkTogether, type CoordinatorScope } from './work-history/work-history.service';
export { RosteringPermission, rosteringPermissions } from './rostering.permissions';
