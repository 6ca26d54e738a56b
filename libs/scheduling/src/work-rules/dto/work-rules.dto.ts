import { Field, InputType, Int, ObjectType, registerEnumType, ID } from '@nestjs/graphql';
import { EmploymentType } from '@baton/staff';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import { WORK_RULE_LIMITS } from '../work-rule-defaults';
import { RuleMode } from '../work-rule-set.entity';

// Registered by reference: the staff lib registering the same enum under the same name is harmless.
registerEnumType(EmploymentType, { name: 'EmploymentType' });
registerEnumType(RuleMode, { name: 'RuleMode', description: 'BLOCK refuses an assignment, WARN records a note, OFF ignores the rule' });

const L = WORK_RULE_LIMITS;

@ObjectType('WorkRules', { description: 'Working-time and eligibility rules of one event for one employment type' })
export class WorkRulesObject {
  @Field(() => ID) eventId: string;
  @Field(() => EmploymentType) employmentType: EmploymentType;
  @Field(() => Int, { description: 'Consecutive rest between two shifts' }) minRestMinutes: number;
  @Field(() => Int, { description: 'Work in one local day at the venue' }) maxDailyMinutes: number;
  @Field(() => Int, { description: 'Work in any 7 consecutive days' }) maxWeeklyMinutes: number;
  @Field(() => RuleMode) restMode: RuleMode;
  @Field(() => RuleMode) dailyMode: RuleMode;
  @Field(() => RuleMode) weeklyMode: RuleMode;
  @Field(() => RuleMode) skillsMode: RuleMode;
  @Field(() => RuleMode) accreditationMode: RuleMode;
  @Field(() => RuleMode) availabilityMode: RuleMode;
  @Field({ description: 'True when the event keeps the default rules of the brief for this type' }) isDefault: boolean;
}

/** Every field optional: what is left out keeps its current (or default) value. */
@InputType()
export class WorkRulesInput {
  @Field(() => Int, { nullable: true, description: `${L.minRestMinutes.min} to ${L.minRestMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.minRestMinutes.min)
  @Max(L.minRestMinutes.max)
  minRestMinutes?: number;
  @Field(() => Int, { nullable: true, description: `${L.maxDailyMinutes.min} to ${L.maxDailyMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.maxDailyMinutes.min)
  @Max(L.maxDailyMinutes.max)
  maxDailyMinutes?: number;
  @Field(() => Int, { nullable: true, description: `${L.maxWeeklyMinutes.min} to ${L.maxWeeklyMinutes.max}` })
  @IsOptional()
  @IsInt()
  @Min(L.maxWeeklyMinutes.min)
  @Max(L.maxWeeklyMinutes.max)
  maxWeeklyMinutes?: number;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) restMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) dailyMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) weeklyMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) skillsMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) accreditationMode?: RuleMode;
  @Field(() => RuleMode, { nullable: true }) @IsOptional() @IsEnum(RuleMode) availabilityMode?: RuleMode;
}
