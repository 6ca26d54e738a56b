import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StaffingAlertKind } from './staffing-alert';

registerEnumType(StaffingAlertKind, {
  name: 'StaffingAlertKind',
  description: 'Why a staffing alert was raised',
  valuesMap: {
    NO_SHOW: { description: 'Not checked in after the grace period (the no-show sweep)' },
    GAP: { description: 'A place opened (declined, taken off) on a shift starting within 24 hours' },
    OVERRIDE: { description: 'An admin assigned despite a blocking configurable rule' },
  },
});

@ObjectType('StaffingAlert', { description: 'Something on the roster of an event that needs a coordinator now' })
export class StaffingAlertObject {
  @Field(() => StaffingAlertKind, { description: 'Why it was raised' }) kind: StaffingAlertKind;
  @Field(() => ID, { description: 'The event' }) eventId: string;
  @Field(() => ID, { description: 'The shift concerned' }) shiftId: string;
  @Field(() => ID, { nullable: true, description: 'The assignment concerned, if any' }) assignmentId: string | null;
  @Field(() => ID, { nullable: true, description: 'The person concerned, if any' }) staffMemberId: string | null;
  @Field(() => ID, { description: "The shift's venue" }) venueId: string;
  @Field(() => ID, { description: "The shift's team" }) teamId: string;
  @Field({ description: 'When it was raised' }) at: Date;
  @Field({ description: 'What happened, in a sentence' }) message: string;
}
