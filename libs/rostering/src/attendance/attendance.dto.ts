import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AttendanceStatus } from './attendance-status';
import { CheckInMethod } from './check-in-method';
import { StaffingAlertKind } from './staffing-alert';

registerEnumType(CheckInMethod, {
  name: 'CheckInMethod',
  description: 'How a check-in was recorded',
  valuesMap: {
    COORDINATOR: { description: 'A coordinator ticked the person in' },
    BADGE: { description: 'QR code or badge scanned on a coordinator device' },
    SELF: { description: 'The staff member themself, from 60 min before the start to the end' },
    OFFLINE_UPLOAD: { description: 'Recorded offline at the venue, uploaded later' },
  },
});
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Derived from the check-in times and the clock',
  valuesMap: {
    UPCOMING: { description: 'The shift has not started' },
    EXPECTED: { description: 'Started, not checked in yet, still within the 30-minute grace period' },
    ON_TIME: { description: 'Checked in no later than 5 minutes after the start' },
    LATE: { description: 'Checked in more than 5 minutes after the start' },
    NO_SHOW: { description: 'Not checked in, and the grace period is over' },
    CHECKED_OUT: { description: 'Checked in, then out' },
  },
});
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
