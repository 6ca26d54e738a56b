/** Shifts and the working-time rules of an event. */
export { SchedulingModule } from './scheduling.module';
export { ShiftEntity, ShiftStatus } from './shift/shift.entity';
export { ShiftSkillEntity } from './shift/shift-skill.entity';
export { WorkRuleSetEntity, RuleMode } from './work-rules/work-rule-set.entity';
/** The rules in force for an event and employment type: `effectiveRules(eventId, type, manager?)`. */
export { WorkRuleService } from './work-rules/work-rule.service';
/** An event's rules from rows read by another lib's statement: `workRulesFromRows(eventId, rows)`. */
export { workRulesFromRows, WORK_RULE_ROW_COLUMNS, type WorkRuleRow } from './work-rules/work-rule-rows';
export { DEFAULT_WORK_RULES, WORK_RULE_LIMITS, defaultWorkRules, type WorkRules, type WorkRuleValues } from './work-rules/work-rule-defaults';
/** Shift writes other libs start: `cancel(manager, id)` inside their unit of work. */
export { ShiftService, MOVE_SHIFT_USE_CASE } from './shift/shift.service';
/** Published after a shift write that changes what coverage boards show. */
export { SHIFTS_CHANGED, type ShiftsChanged } from './shift/shift-changes';
/** Shift reads with the visibility rules (staff see published shifts only). */
export { ShiftQueryService } from './shift/shift-query.service';
/** The shift list's SQL-shaped path, and the port other libs' Shift fields join it through. */
export { ShapedShiftsService } from './shift/shaped/shaped-shifts.service';
export { ShiftFieldShapers, type ShiftFieldShaper } from './shift/shaped/shift-field-shapers';
/** A shift row `s` as ShiftObject JSON, for SQL-shaped edges to a shift. */
export { shiftJson, shiftText } from './shift/shaped/shift-json';
export { ShiftChecks, MAX_SHIFT_HOURS } from './shift/shift-checks';
export { ShiftObject, RequiredSkillObject } from './shift/dto/shift.dto';
export { toShiftObject } from './shift/shift.mapper';
export { expandPattern, MAX_PATTERN_DAYS, type PatternOccurrence, type PatternTimes } from './shift/shift-pattern';
export { WorkRulesObject } from './work-rules/dto/work-rules.dto';
/** DataLoader factory: shifts by id for graph edges, under the rule of `shift(id)`. */
export { ShiftLoader } from './graph/shift.loader';
export { SchedulingPermission, schedulingPermissions } from './scheduling.permissions';
