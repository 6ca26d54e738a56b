import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { SchedulingModule } from '@baton/scheduling';
import { AuthModule } from '@baton/auth';
import { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
import { AssignmentEntity } from './assignment/assignment.entity';
import { AssignmentService } from './assignment/assignment.service';
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
import { ReplacementCache } from './replacements/replacement-cache';
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
import { rosteringConstraints } from './rostering.constraints';

@Module({
  imports: [
    AuthModule.forFeature(rosteringPermissions),
    ConstraintsModule.forFeature(rosteringConstraints),
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
    ReplacementCache,
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
