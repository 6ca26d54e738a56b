import { Field, InputType, Int, ObjectType, registerEnumType, ID } from '@nestjs/graphql';
import { EmploymentType } from '@baton/staff';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { WORK_RULE_LIMITS } from '../work-rule-defaults';
import { RuleMode } from '../work-rule-set.entity';

// EmploymentType is registered (with its descriptions) by the staff lib, whose index this file imports.
registerEnumType(RuleMode, {
  name: 'RuleMode',
  description: 'BLOCK refuses an assignment, WARN records a note, OFF ignores the rule',
  valuesMap: {
    BLOCK: { description: 'Refuses the assignment (an admin may override it with a reason)' },
    WARN: { description: 'Lets it through, recorded in ruleNotes' },
    OFF: { description: 'Not checked' },
  },
});

const L = WORK_RULE_LIMITS;

@ObjectType('WorkRules', { description: 'Working-time and eligibility rules of one event for one employment type' })
export class WorkRulesObject {
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => EmploymentType, { description: 'Whom these rules apply to' }) employmentType: EmploymentType;
  @Field(() => Int, { description: 'Consecutive rest between two working days, in minutes (default 660: 11 h)' }) minRestMinutes: number;
  @Field(() => Int, { description: 'Work in one local day at the venue, in minutes (default 600: 10 h)' }) maxDailyMinutes: number;
  @Field(() => Int, { description: 'Work in any 7 consecutive days, in minutes (default 2880: 48 h)' }) maxWeeklyMinutes: number;
  @Field(() => RuleMode, { description: 'How MIN_REST applies' }) restMode: RuleMode;
  @Field(() => RuleMode, { description: 'How MAX_DAILY applies' }) dailyMode: RuleMode;
  @Field(() => RuleMode, { description: 'How MAX_WEEKLY applies' }) weeklyMode: RuleMode;
  @Field(() => RuleMode, { description: 'How SKILLS applies' }) skillsMode: RuleMode;
  @Field(() => RuleMode, { description: 'How ACCREDITATION applies' }) accreditationMode: RuleMode;
  @Field(() => RuleMode, { description: 'How AVAILABILITY applies (UNDESIRED_PERIOD only ever warns)' }) availabilityMode: RuleMode;
  @Field({ description: 'True when the event keeps the default rules of the brief for this type' }) isDefault: boolean;
}

/** Every field optional: what is left out keeps its current (or default) value. */
@InputType({ description: 'New rule values; a field left out keeps its current (or default) value' })
export class WorkRulesInput {
  @Field(() => Int, { nullable: true, description: `Minutes of rest, ${L.minRestMinutes.min} to ${L.minRestMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.minRestMinutes.min)
  @Max(L.minRestMinutes.max)
  minRestMinutes?: number;
  @Field(() => Int, { nullable: true, description: `Minutes a day, ${L.maxDailyMinutes.min} to ${L.maxDailyMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.maxDailyMinutes.min)
  @Max(L.maxDailyMinutes.max)
  maxDailyMinutes?: number;
  @Field(() => Int, { nullable: true, description: `Minutes in 7 days, ${L.maxWeeklyMinutes.min} to ${L.maxWeeklyMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.maxWeeklyMinutes.min)
  @Max(L.maxWeeklyMinutes.max)
  maxWeeklyMinutes?: number;
  @Field(() => RuleMode, { nullable: true, description: 'How MIN_REST applies' }) @IsOptional() @IsEnum(RuleMode) restMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true, description: 'How MAX_DAILY applies' }) @IsOptional() @IsEnum(RuleMode) dailyMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true, description: 'How MAX_WEEKLY applies' }) @IsOptional() @IsEnum(RuleMode) weeklyMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true, description: 'How SKILLS applies' }) @IsOptional() @IsEnum(RuleMode) skillsMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true, description: 'How ACCREDITATION applies' }) @IsOptional() @IsEnum(RuleMode) accreditationMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true, description: 'How AVAILABILITY applies' }) @IsOptional() @IsEnum(RuleMode) availabilityMode?: RuleMode;
}
