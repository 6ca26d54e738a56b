import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { SchedulingModule } from '@baton/scheduling';
import { AuthModule } from '@baton/auth';
import { AssignmentHistoryEntity } from './assignment/assignment-history.entity';
import { AssignmentEntity } from './assignment/assignment.entity';
import { AssignmentService } from './assignment/assignment.service';
import { ShiftCancellationService } from './assignment/shift-cancellation.service';
import { RosteringResolver } from './rostering.resolver';
import { AttendanceModule } from './attendance/attendance.module';
import { CoverageModule } from './coverage/coverage.module';
import { AssignmentFieldsResolver, ShiftAssignmentsResolver } from './assignment/assignment-fields.resolver';
import { ShiftAssignmentsLoader, ShiftByIdLoader, StaffByIdLoader } from './assignment/assignment.loaders';
import { MyShiftsService } from './assignment/my-shifts.service';
import { AssignmentLoader } from './graph/assignment.loader';
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
import { RuleCheckService } from './rules/rule-check.service';
import {
  AssignmentRuleNotesResolver,
  MaxDailyOutcomeResolver,
  MinRestOutcomeResolver,
  OverlapOutcomeResolver,
  ReplacementWarningsResolver,
  RuleCheckOutcomesResolver,
} from './rules/rule-outcome.resolver';
import { RuleFactsRepository } from './rules/rule-facts.repository';
import { WorkHistoryService } from './work-history/work-history.service';
import { rosteringPermissions } from './rostering.permissions';

describeConstraint('assignments_no_overlap', { message: 'This would put one person on two overlapping shifts' });
describeConstraint('assignments_person_no_overlap', {
  message: 'This would put one person on two overlapping shifts (through their staff records in different events)',
});

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
    WorkHistoryService,
    RuleCheckService,
    AssignmentService,
    ShiftCancellationService,
    MyShiftsService,
    SelfServiceService,
    ReplacementService,
    ShiftAssignmentsLoader,
    ShiftByIdLoader,
    StaffByIdLoader,
    RosteringResolver,
    AssignmentFieldsResolver,
    ShiftAssignmentsResolver,
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
  exports: [RuleCheckService, AssignmentService, WorkHistoryService],
})
export class RosteringModule {}
