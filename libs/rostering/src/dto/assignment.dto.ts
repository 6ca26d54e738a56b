import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AssignmentSource, AssignmentStatus } from '../assignment/assignment.entity';
import type { RuleOutcome } from '../rules/rule-types';

registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });
registerEnumType(AssignmentSource, { name: 'AssignmentSource' });

/** `violations` and `warnings` are typed by a field resolver (rule-outcome.resolver), from the engine's outcomes. */
@ObjectType('RuleCheck')
export class RuleCheckObject {
  @Field({ description: 'True when no rule blocks' }) allowed: boolean;
  violations: RuleOutcome[];
  warnings: RuleOutcome[];
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
  /** As stored (flattened outcomes); typed for clients by a field resolver (rule-outcome.resolver). */
  ruleNotes: Array<Record<string, unknown>>;
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
