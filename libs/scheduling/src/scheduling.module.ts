import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { EventsModule } from '@baton/events';
import { AuthModule } from '@baton/auth';
import { RequiredSkillEdgesResolver, ShiftEdgesResolver, WorkRulesEdgesResolver } from './graph/scheduling-edges.resolver';
import { ShiftLoader } from './graph/shift.loader';
import { ShiftChecks } from './shift/shift-checks';
import { ShiftQueryService } from './shift/shift-query.service';
import { ShapedShiftsService } from './shift/shaped/shaped-shifts.service';
import { ShiftFieldShapers } from './shift/shaped/shift-field-shapers';
import { ShiftSkillsLoader } from './shift/shift-skills.loader';
import { ShiftSkillEntity } from './shift/shift-skill.entity';
import { ShiftEntity } from './shift/shift.entity';
import { ShiftResolver } from './shift/shift.resolver';
import { ShiftService } from './shift/shift.service';
import { ShiftUsageRegistration } from './shift/shift-usage';
import { WorkRuleService } from './work-rules/work-rule.service';
import { WorkRuleSetEntity } from './work-rules/work-rule-set.entity';
import { WorkRulesResolver } from './work-rules/work-rules.resolver';
import { schedulingPermissions } from './scheduling.permissions';
import { SchedulingPrivacyContributor } from './privacy/scheduling-privacy.contributor';
import { schedulingConstraints } from './scheduling.constraints';

@Module({
  imports: [
    AuthModule.forFeature(schedulingPermissions),
    ConstraintsModule.forFeature(schedulingConstraints),
    TypeOrmModule.forFeature([ShiftEntity, ShiftSkillEntity, WorkRuleSetEntity]),
    EventsModule,
  ],
  providers: [
    ShiftChecks,
    SchedulingPrivacyContributor,
    ShiftService,
    ShiftUsageRegistration,
    ShiftQueryService,
    ShiftFieldShapers,
    ShapedShiftsService,
    ShiftSkillsLoader,
    ShiftResolver,
    WorkRuleService,
    WorkRulesResolver,
    ShiftLoader,
    ShiftEdgesResolver,
    RequiredSkillEdgesResolver,
    WorkRulesEdgesResolver,
  ],
  exports: [WorkRuleService, ShiftService, ShiftQueryService, ShiftChecks, ShiftLoader, ShiftFieldShapers, ShapedShiftsService],
})
export class SchedulingModule {}
