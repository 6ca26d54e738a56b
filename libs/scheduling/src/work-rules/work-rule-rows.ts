import { EmploymentType } from '@baton/staff';
import { defaultWorkRules, WorkRules } from './work-rule-defaults';
import { RuleMode } from './work-rule-set.entity';

/** One stored rule set as raw SQL returns it (or as JSON built from those columns). */
export interface WorkRuleRow {
  employment_type: EmploymentType;
  min_rest_minutes: number;
  max_daily_minutes: number;
  max_weekly_minutes: number;
  rest_mode: RuleMode;
  daily_mode: RuleMode;
  weekly_mode: RuleMode;
  skills_mode: RuleMode;
  accreditation_mode: RuleMode;
  availability_mode: RuleMode;
}

/**
 * The columns of `WorkRuleRow`, for a caller that reads an event's rules inside its own statement
 * (the assign path reads the shift, its rules and the candidate in one round trip).
 */
export const WORK_RULE_ROW_COLUMNS =
  'employment_type, min_rest_minutes, max_daily_minutes, max_weekly_minutes, rest_mode, daily_mode, weekly_mode, skills_mode, accreditation_mode, availability_mode';

/** The rules in force for every employment type of one event, from its stored rows (the defaults for the others). */
export function workRulesFromRows(eventId: string, rows: readonly WorkRuleRow[]): Record<EmploymentType, WorkRules> {
  const stored = new Map(rows.map((r) => [r.employment_type, r]));
  return Object.fromEntries(
    Object.values(EmploymentType).map((type) => {
      const r = stored.get(type);
      const rules: WorkRules = r
        ? {
            eventId,
            employmentType: type,
            minRestMinutes: r.min_rest_minutes,
            maxDailyMinutes: r.max_daily_minutes,
            maxWeeklyMinutes: r.max_weekly_minutes,
            restMode: r.rest_mode,
            dailyMode: r.daily_mode,
            weeklyMode: r.weekly_mode,
            skillsMode: r.skills_mode,
            accreditationMode: r.accreditation_mode,
            availabilityMode: r.availability_mode,
            isDefault: false,
          }
        : defaultWorkRules(eventId, type);
      return [type, rules];
    }),
  ) as Record<EmploymentType, WorkRules>;
}
