/** Shifts and the working-time rules of an event. */
export { SchedulingModule } from './scheduling.module';
export { ShiftEntity, ShiftStatus } from './shift/shift.entity';
export { ShiftSkillEntity } from './shift/shift-skill.entity';
export { WorkRuleSetEntity, RuleMode } from './work-rules/work-rule-set.entity';
