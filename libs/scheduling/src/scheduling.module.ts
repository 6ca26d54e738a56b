import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
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

describeConstraint('shifts_order_check', { field: 'endsAt', message: 'A shift must end after it starts and last at most 72 hours' });
describeConstraint('shifts_headcount_check', { field: 'headcount', message: 'The headcount is 1 to 500' });
describeConstraint('shifts_capacity_check', { field: 'headcount', message: 'The headcount cannot be lower than the people assigned' });
describeConstraint('shifts_venue_fk', { field: 'venueId', message: 'No such venue' });
describeConstraint('shifts_team_fk', { field: 'teamId', message: 'No such team' });
describeConstraint('shift_required_skills_skill_fk', { field: 'requiredSkills', message: 'A required skill does not exist' });
describeConstraint('shift_required_skills_level_check', { field: 'requiredSkills', message: 'A minimum skill level is 1 to 4' });
describeConstraint('work_rule_sets_values_check', {
  field: 'input',
  message: 'Rest is 0 to 2880 minutes, the daily limit 60 to 1440, the weekly limit 60 to 10080',
});

@Module({
  imports: [AuthModule.forFeature(schedulingPermissions), TypeOrmModule.forFeature([ShiftEntity, ShiftSkillEntity, WorkRuleSetEntity]), EventsModule],
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
