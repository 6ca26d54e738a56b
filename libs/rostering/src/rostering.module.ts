import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConflictError, RuleViolationError } from '@baton/core';
import { describeConstraint, translateConstraint } from '@baton/database';
import { MOVE_SHIFT_USE_CASE, SchedulingModule } from '@baton/scheduling';
import { AuthModule } from '@baton/auth';
import { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
import { AssignmentEntity } from './assignment/assignment.entity';
import { ASSIGN_USE_CASE, AssignmentService } from './assignment/assignment.service';
import { ShiftCancellationService } from './assignment/shift-cancellation.service';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { SelfServiceResolver } from './assignment/self-service.resolver';
import { ShiftCancellationResolver } from './assignment/shift-cancellation.resolver';
import { StaffingAlertResolver } from './alerts/staffing-alert.resolver';
import { CheckAssignmentResolver } from './eligibility/check-assignment.resolver';
import { ReplacementResolver } from './replacements/replacement.resolver';
import { AttendanceModule } from './attendance/attendance.module';
import { CoverageModule } from './coverage/coverage.module';
import { AssignmentFieldsResolver, ShiftAssignmentsResolver } from './assignment/assignment-fields.resolver';
import { ShiftAssignmentsLoader, ShiftByIdLoader, StaffByIdLoader } from './assignment/assignment.loaders';
import { MyShiftsService } from './assignment/my-shifts.service';
import { AssignmentLoader } from './graph/assignment.loader';
import { ShiftAssignmentsShaper } from './graph/shift-assignments.shaper';
import {
  AssignmentChangeEdgesResolver,
  AssignmentEdgesResolver,
  CoverageCellEdgesResolver,
  CoverageEdgesResolver,
  CoverageGapEdgesResolver,
  ReplacementCandidateEdgesResolver,
  ShiftCancellationEdgesResolver,
  StaffingAlertEdgesResolver,
} from './graph/rostering-edges.resolver';
import { SelfServiceService } from './assignment/self-service.service';
import { ReplacementService } from './replacements/replacement.service';
import { EligibilityService } from './eligibility/eligibility.service';
import {
  AssignmentRuleNotesResolver,
  MaxDailyOutcomeResolver,
  MinRestOutcomeResolver,
  OverlapOutcomeResolver,
  ReplacementWarningsResolver,
  RuleCheckOutcomesResolver,
} from './eligibility/rule-outcome.resolver';
import { RuleFactsRepository } from './eligibility/rule-facts.repository';
import { WorkHistoryService } from './work-history/work-history.service';
import { rosteringPermissions } from './rostering.permissions';
import { RosteringPrivacyContributor } from './privacy/rostering-privacy.contributor';

describeConstraint('assignments_no_overlap', { message: 'This would put one person on two overlapping shifts' });
describeConstraint('assignments_person_no_overlap', {
  message: 'This would put one person on two overlapping shifts (through their staff records in different events)',
});

// To assign, a constraint the checks did not catch is a race: the rule it stands for, as the checks would have said it.
const ruleRace = (rule: string, message: string) => () => new RuleViolationError(message, [{ rule, message }]);
translateConstraint(ASSIGN_USE_CASE, ['shifts_capacity_check'], ruleRace('CAPACITY', 'The shift is full'));
translateConstraint(
  ASSIGN_USE_CASE,
  ['assignments_no_overlap', 'assignments_person_no_overlap'],
  ruleRace('OVERLAP', 'This person is on another shift at the same time'),
);
translateConstraint(ASSIGN_USE_CASE, ['assignments_one_active_per_shift'], ruleRace('ALREADY_ASSIGNED', 'This person is already on this shift'));
// Moving a shift moves its assignments: an overlap then is a conflict of the move, on its start.
translateConstraint(
  MOVE_SHIFT_USE_CASE,
  ['assignments_no_overlap', 'assignments_person_no_overlap'],
  ({ constraint }) =>
    new ConflictError('Moving this shift would give an assigned person two shifts at the same time', { constraint, rule: 'overlap', field: 'startsAt' }),
);

@Module({
  imports: [
    AuthModule.forFeature(rosteringPermissions),
    TypeOrmModule.forFeature([AssignmentEntity, AssignmentHistoryEntity]),
    SchedulingModule,
    AttendanceModule,
    CoverageModule,
  ],
  providers: [
    RuleFactsRepository,
    RosteringPrivacyContributor,
    WorkHistoryService,
    EligibilityService,
    AssignmentService,
    ShiftCancellationService,
    MyShiftsService,
    SelfServiceService,
    ReplacementService,
    ShiftAssignmentsLoader,
    ShiftByIdLoader,
    StaffByIdLoader,
    CheckAssignmentResolver,
    ReplacementResolver,
    SelfServiceResolver,
    AssignmentResolver,
    ShiftCancellationResolver,
    StaffingAlertResolver,
    AssignmentFieldsResolver,
    ShiftAssignmentsResolver,
    ShiftAssignmentsShaper,
    WorkHistoryService,
    AssignmentLoader,
    AssignmentEdgesResolver,
    AssignmentChangeEdgesResolver,
    CoverageEdgesResolver,
    CoverageCellEdgesResolver,
    CoverageGapEdgesResolver,
    ReplacementCandidateEdgesResolver,
    ShiftCancellationEdgesResolver,
    StaffingAlertEdgesResolver,
    RuleCheckOutcomesResolver,
    ReplacementWarningsResolver,
    AssignmentRuleNotesResolver,
    OverlapOutcomeResolver,
    MinRestOutcomeResolver,
    MaxDailyOutcomeResolver,
  ],
  exports: [EligibilityService, AssignmentService, WorkHistoryService],
})
export class RosteringModule {}
