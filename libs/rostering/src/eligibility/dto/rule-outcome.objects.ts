import { Field, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import { LocalDateScalar } from '@baton/graphql';
import { ShiftStatus } from '@baton/scheduling';
import { AccreditationStatus } from '@baton/staff';
import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * The outcome of one rule, as a GraphQL interface with one type per rule code, so clients read
 * the numbers with their names and types (`... on MinRestOutcome { restMinutes requiredMinutes }`).
 * Built by rule-outcome.mapper from the engine's outcomes and from the notes stored on assignments.
 */
@InterfaceType('RuleOutcome', {
  description: 'One rule that failed or warned, with the numbers behind it; each rule code has its own type with typed details',
  resolveType: (outcome: RuleOutcomeObject) => outcome.constructor,
})
export abstract class RuleOutcomeObject {
  @Field({
    description:
      'Stable code: SAME_EVENT, SHIFT_NOT_PUBLISHED, SHIFT_OVER, ALREADY_ASSIGNED, CAPACITY, OVERLAP, MIN_REST, MAX_DAILY, MAX_WEEKLY, SKILLS, ACCREDITATION, AVAILABILITY, UNDESIRED_PERIOD',
  })
  rule: string;
  @Field({ description: 'BLOCK (refuses the assignment) or WARN (lets it through with a note). On ruleNotes, BLOCK means an admin overrode the rule' })
  severity: string;
  @Field({ description: 'Configurable rules may be overridden by an admin with a reason; hard rules never' }) configurable: boolean;
  @Field({ description: 'The outcome in a sentence, in English, with its numbers' }) message: string;
  @Field(() => GraphQLJSONObject, {
    description: 'The same details as an untyped object (the keys of the RULE_VIOLATION error extensions)',
    deprecationReason: "Select the typed fields of the rule's own type instead, e.g. `... on MinRestOutcome { restMinutes }`",
  })
  details: Record<string, unknown>;
}

const implementsOutcome = (description: string) => ({ implements: () => [RuleOutcomeObject], description });

@ObjectType('SameEventOutcome', implementsOutcome('SAME_EVENT (hard): the staff member and the shift belong to different events'))
export class SameEventOutcome extends RuleOutcomeObject {
  @Field(() => ID, { description: "The staff member's event" }) staffEventId: string;
  @Field(() => ID, { description: "The shift's event" }) shiftEventId: string;
}

@ObjectType('ShiftNotPublishedOutcome', implementsOutcome('SHIFT_NOT_PUBLISHED (hard): only published shifts take people'))
export class ShiftNotPublishedOutcome extends RuleOutcomeObject {
  // Not `status` as in the error extensions: fields of one name must share a type across fragments.
  @Field(() => ShiftStatus, { description: 'The status the shift has instead (`status` in the RULE_VIOLATION extensions)' }) shiftStatus: ShiftStatus;
}

@ObjectType('ShiftOverOutcome', implementsOutcome('SHIFT_OVER (hard): the shift has already ended'))
export class ShiftOverOutcome extends RuleOutcomeObject {
  @Field(() => Date, { description: 'When the shift ended' }) endsAt: Date;
}

@ObjectType('AlreadyAssignedOutcome', implementsOutcome('ALREADY_ASSIGNED (hard): the person already holds an active assignment on this shift'))
export class AlreadyAssignedOutcome extends RuleOutcomeObject {}

@ObjectType('CapacityOutcome', implementsOutcome('CAPACITY (hard): the shift has no place left'))
export class CapacityOutcome extends RuleOutcomeObject {
  @Field(() => Int, { description: 'Places on the shift' }) headcount: number;
  @Field(() => Int, { description: 'People already on it (active assignments)' }) assigned: number;
}

@ObjectType('OverlapOutcome', implementsOutcome('OVERLAP (hard): the person is on another shift at the same time'))
export class OverlapOutcome extends RuleOutcomeObject {
  @Field(() => ID, { nullable: true, description: 'The other shift; null when it belongs to another event (then inAnotherEvent is true)' })
  shiftId: string | null;
  @Field({ description: 'The other shift is in another event of the same person: its id is not shown, the coordinator may have no scope there' })
  inAnotherEvent: boolean;
  @Field(() => Date, { description: 'Start of the other shift' }) startsAt: Date;
  @Field(() => Date, { description: 'End of the other shift' }) endsAt: Date;
}

@ObjectType('MinRestOutcome', implementsOutcome('MIN_REST (configurable): too little rest between this shift and a neighbouring working day'))
export class MinRestOutcome extends RuleOutcomeObject {
  @Field(() => Int, { description: 'Rest there would be, in minutes' }) restMinutes: number;
  @Field(() => Int, { description: 'Rest the rules require, in minutes' }) requiredMinutes: number;
  @Field(() => ID, { nullable: true, description: 'The neighbouring shift; null when it belongs to another event (then inAnotherEvent is true)' })
  neighbourShiftId: string | null;
  @Field({ description: 'The neighbouring shift is in another event of the same person: its id is not shown' }) inAnotherEvent: boolean;
  @Field(() => Date, { description: 'Start of the neighbouring shift' }) neighbourStartsAt: Date;
  @Field(() => Date, { description: 'End of the neighbouring shift' }) neighbourEndsAt: Date;
}

@ObjectType('MaxDailyOutcome', implementsOutcome('MAX_DAILY (configurable): too much work in one local day at the venue (a shift counts on the day it starts)'))
export class MaxDailyOutcome extends RuleOutcomeObject {
  @Field(() => LocalDateScalar, { description: 'The local day, in timeZone' }) day: string;
  @Field({ description: "The venue's IANA time zone the day is read in" }) timeZone: string;
  @Field(() => Int, { description: 'Work that day with this shift, in minutes' }) workedMinutes: number;
  @Field(() => Int, { description: 'The daily maximum, in minutes' }) maxMinutes: number;
  @Field(() => [ID], { description: 'The other shifts of that day in the same event' }) shiftIds: string[];
  @Field(() => Int, { description: 'How many other shifts of that day belong to another event of the same person (not named)' })
  shiftsInAnotherEvent: number;
}

@ObjectType('MaxWeeklyOutcome', implementsOutcome('MAX_WEEKLY (configurable): too much work in some 7 consecutive days'))
export class MaxWeeklyOutcome extends RuleOutcomeObject {
  @Field(() => Int, { description: 'Work in the heaviest 7-day window with this shift, in minutes' }) workedMinutes: number;
  @Field(() => Int, { description: 'The weekly maximum, in minutes' }) maxMinutes: number;
  @Field(() => Date, { description: 'Start of that window' }) windowStartsAt: Date;
  @Field(() => Date, { description: 'End of that window (7 days later)' }) windowEndsAt: Date;
}

@ObjectType('MissingSkill', { description: 'A required skill the person lacks or holds below the level asked' })
export class MissingSkillObject {
  @Field({ description: 'Skill code' }) skill: string;
  @Field(() => Int, { description: 'Level the shift requires, 1 to 4' }) required: number;
  @Field(() => Int, { description: 'Level the person holds, 0 (none) to 4' }) held: number;
}

@ObjectType('SkillsOutcome', implementsOutcome('SKILLS (configurable): required skills missing or below level'))
export class SkillsOutcome extends RuleOutcomeObject {
  @Field(() => [MissingSkillObject], { description: 'Each skill short of what the shift requires' }) missing: MissingSkillObject[];
}

@ObjectType('AccreditationOutcome', implementsOutcome('ACCREDITATION (configurable): accreditation not valid, or missing zones the venue needs'))
export class AccreditationOutcome extends RuleOutcomeObject {
  @Field(() => AccreditationStatus, { description: "The person's accreditation status (`status` in the RULE_VIOLATION extensions)" })
  accreditationStatus: AccreditationStatus;
  @Field(() => [String], { description: "The venue's zones the person is not accredited for" }) missingZones: string[];
}

@ObjectType('AvailabilityOutcome', implementsOutcome('AVAILABILITY (configurable): the person declared they are unavailable then'))
export class AvailabilityOutcome extends RuleOutcomeObject {
  @Field(() => Date, { description: 'Start of the unavailable period' }) startsAt: Date;
  @Field(() => Date, { description: 'End of the unavailable period' }) endsAt: Date;
}

@ObjectType('UndesiredPeriodOutcome', implementsOutcome('UNDESIRED_PERIOD (a warning at most): the person would rather not work then'))
export class UndesiredPeriodOutcome extends RuleOutcomeObject {
  @Field(() => Date, { description: 'Start of the undesired period' }) startsAt: Date;
  @Field(() => Date, { description: 'End of the undesired period' }) endsAt: Date;
}

@ObjectType('OtherRuleOutcome', implementsOutcome('A rule this version has no type for (an older note on an assignment): read message and details'))
export class OtherRuleOutcome extends RuleOutcomeObject {}
