import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { AssignmentSource, AssignmentStatus } from '../assignment/assignment.entity';

registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });
registerEnumType(AssignmentSource, { name: 'AssignmentSource' });

@ObjectType('RuleOutcome', { description: 'One rule that failed or warned, with the numbers behind it' })
export class RuleOutcomeObject {
  @Field({ description: 'Stable code: OVERLAP, CAPACITY, MIN_REST, MAX_DAILY, MAX_WEEKLY, SKILLS, ACCREDITATION, AVAILABILITY, …' }) rule: string;
  @Field({ description: 'BLOCK or WARN' }) severity: string;
  @Field({ description: 'Configurable rules may be overridden by an admin with a reason; hard rules never' }) configurable: boolean;
  @Field() message: string;
  @Field(() => GraphQLJSONObject) details: Record<string, unknown>;
}

@ObjectType('RuleCheck')
export class RuleCheckObject {
  @Field({ description: 'True when no rule blocks' }) allowed: boolean;
  @Field(() => [RuleOutcomeObject]) violations: RuleOutcomeObject[];
  @Field(() => [RuleOutcomeObject]) warnings: RuleOutcomeObject[];
}

@ObjectType('Assignment')
export class AssignmentObject {
  @Field(() => ID) id: string;
  @Field(() => ID) eventId: string;
  @Field(() => ID) shiftId: string;
  @Field(() => ID) staffMemberId: string;
  @Field() startsAt: Date;
  @Field() endsAt: Date;
  @Field(() => AssignmentStatus) status: AssignmentStatus;
  @Field(() => AssignmentSource) source: AssignmentSource;
  @Field(() => ID, { nullable: true }) assignedById: string | null;
  @Field(() => [GraphQLJSONObject], { description: 'Warnings and overridden rules recorded when it was made' }) ruleNotes: Array<Record<string, unknown>>;
  @Field(() => String, { nullable: true }) overrideReason: string | null;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
  @Field(() => Date, { nullable: true }) checkedOutAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@InputType()
export class AssignInput {
  @Field(() => ID) @IsUUID() shiftId: string;
  @Field(() => ID) @IsUUID() staffMemberId: string;
  @Field({ nullable: true, description: 'Admins only: assign despite blocking configurable rules, for this written reason (audited)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  overrideReason?: string;
}

@ObjectType('AssignmentChange')
export class AssignmentChangeObject {
  @Field({ description: 'ASSIGNED, CONFIRMED, DECLINED or CANCELLED' }) change: string;
  @Field(() => ID) venueId: string;
  @Field(() => ID) teamId: string;
  @Field(() => AssignmentObject) assignment: AssignmentObject;
}

@ObjectType('ShiftCancellation')
export class ShiftCancellationObject {
  @Field(() => ID) shiftId: string;
  @Field(() => Int, { description: 'Active assignments cancelled; each person was notified' }) cancelledAssignments: number;
}
