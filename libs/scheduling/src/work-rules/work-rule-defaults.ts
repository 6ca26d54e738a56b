import { EmploymentType } from '@baton/staff';
import { RuleMode } from './work-rule-set.entity';

/** The values and modes of one event's rules for one employment type, stored or default. */
export interface WorkRules {
  eventId: string;
  employmentType: EmploymentType;
  minRestMinutes: number;
  maxDailyMinutes: number;
  maxWeeklyMinutes: number;
  restMode: RuleMode;
  dailyMode: RuleMode;
  weeklyMode: RuleMode;
  skillsMode: RuleMode;
  accreditationMode: RuleMode;
  availabilityMode: RuleMode;
  /** True when no row is stored for this event and type: these are the brief's defaults. */
  isDefault: boolean;
}

export type WorkRuleValues = Omit<WorkRules, 'eventId' | 'employmentType' | 'isDefault'>;

/** Ranges of the database check `work_rule_sets_values_check`, in minutes. */
export const WORK_RULE_LIMITS = {
  minRestMinutes: { min: 0, max: 2880 },
  maxDailyMinutes: { min: 60, max: 1440 },
  maxWeeklyMinutes: { min: 60, max: 10080 },
} as const;

const ALL_BLOCK = {
  restMode: RuleMode.BLOCK,
  dailyMode: RuleMode.BLOCK,
  weeklyMode: RuleMode.BLOCK,
  skillsMode: RuleMode.BLOCK,
  accreditationMode: RuleMode.BLOCK,
  availabilityMode: RuleMode.BLOCK,
} as const;

/**
 * Employees (and partner staff, who stay their employer's employees): French Code du travail
 * L3131-1 (11 h daily rest), L3121-18 (10 h a day), L3121-20 (48 h in any week).
 * Volunteers: the Paris 2024 volunteers' charter as summarised in the brief (11 h, 10 h, 48 h).
 */
export const DEFAULT_WORK_RULES: Readonly<Record<EmploymentType, WorkRuleValues>> = {
  [EmploymentType.EMPLOYEE]: { minRestMinutes: 660, maxDailyMinutes: 600, maxWeeklyMinutes: 2880, ...ALL_BLOCK },
  [EmploymentType.CONTRACTOR]: { minRestMinutes: 660, maxDailyMinutes: 600, maxWeeklyMinutes: 2880, ...ALL_BLOCK },
  [EmploymentType.VOLUNTEER]: { minRestMinutes: 660, maxDailyMinutes: 600, maxWeeklyMinutes: 2880, ...ALL_BLOCK },
};

export function defaultWorkRules(eventId: string, employmentType: EmploymentType): WorkRules {
  return { eventId, employmentType, ...DEFAULT_WORK_RULES[employmentType], isDefault: true };
}
