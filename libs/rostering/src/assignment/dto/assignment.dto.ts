import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ValidatedOnce } from '@baton/graphql';
import { AssignmentSource, AssignmentStatus } from '../assignment.entity';

registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  description: 'Where an assignment stands; ASSIGNED and CONFIRMED are active (they hold a place)',
  valuesMap: {
    ASSIGNED: { description: 'On the shift, not yet answered by the person' },
    CONFIRMED: { description: 'The person confirmed they will come' },
    DECLINED: { description: 'The person declined; the place opened again' },
    CANCELLED: { description: 'Taken off by a coordinator, or the shift was cancelled' },
  },
});
registerEnumType(AssignmentSource, {
  name: 'AssignmentSource',
  description: 'How an assignment was made',
  valuesMap: {
    MANUAL: { description: 'A coordinator assigned the person (assign)' },
    SELF: { description: 'The person signed up for an open shift (signUp)' },
    SWAP: { description: 'Through a swap between two people' },
    AUTO: { description: 'By the automatic roster' },
  },
});

@ObjectType('Assignment', {
  description: "A staff member on a shift. Seen by coordinators covering the shift's venue and team, and by the person themself",
})
export class AssignmentObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => ID, { description: 'The shift' }) shiftId: string;
  @Field(() => ID, { description: 'The person' }) staffMemberId: string;
  @Field({ description: "The shift's start (kept equal to it)" }) startsAt: Date;
  @Field({ description: "The shift's end (kept equal to it)" }) endsAt: Date;
  @Field(() => AssignmentStatus, { description: 'Assigned, confirmed, declined or cancelled' }) status: AssignmentStatus;
  @Field(() => AssignmentSource, { description: 'How it was made' }) source: AssignmentSource;
  @Field(() => ID, { nullable: true, description: 'The account that made it' }) assignedById: string | null;
  /** As stored (flattened outcomes); typed for clients by a field resolver (rule-outcome.resolver). */
  ruleNotes: Array<Record<string, unknown>>;
  @Field(() => String, { nullable: true, description: 'The reason an admin gave for assigning over blocking rules' }) overrideReason: string | null;
  @Field(() => Date, { nullable: true, description: 'When the person checked in; null until then' }) checkedInAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the person checked out; null until then' }) checkedOutAt: Date | null;
  @Field({ description: 'When it was made' }) createdAt: Date;
  @Field({ description: 'Last change (status, check-in, check-out)' }) updatedAt: Date;
}

@InputType({ description: 'Who goes on which shift' })
// A coordinator's screen sends the same few pairs again and again (most of them refused); their
// class-validator run was paid on every try. Its fields are plain strings, as @ValidatedOnce needs.
@ValidatedOnce()
export class AssignInput {
  @Field(() => ID, { description: 'A published shift within your grant' }) @IsUUID() shiftId: string;
  @Field(() => ID, { description: 'A staff member of the same event' }) @IsUUID() staffMemberId: string;
  @Field({ nullable: true, description: 'Admins only: assign despite blocking configurable rules, for this written reason, up to 500 characters (audited)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  overrideReason?: string;
}

@ObjectType('AssignmentChange', { description: 'An assignment made, answered or cancelled, as assignmentChanged delivers it' })
export class AssignmentChangeObject {
  @Field({ description: 'ASSIGNED, CONFIRMED, DECLINED or CANCELLED' }) change: string;
  @Field(() => ID, { description: "The shift's venue" }) venueId: string;
  @Field(() => ID, { description: "The shift's team" }) teamId: string;
  @Field(() => AssignmentObject, { description: 'The assignment after the change' }) assignment: AssignmentObject;
}
