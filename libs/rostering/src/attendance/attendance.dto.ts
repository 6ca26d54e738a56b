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
registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'Derived from the check-in times and the clock' });
registerEnumType(StaffingAlertKind, { name: 'StaffingAlertKind' });

@ObjectType('StaffingAlert', { description: 'Something on the roster of an event that needs a coordinator now' })
export class StaffingAlertObject {
  @Field(() => StaffingAlertKind) kind: StaffingAlertKind;
  @Field(() => ID) eventId: string;
  @Field(() => ID) shiftId: string;
  @Field(() => ID, { nullable: true }) assignmentId: string | null;
  @Field(() => ID, { nullable: true }) staffMemberId: string | null;
  @Field(() => ID) venueId: string;
  @Field(() => ID) teamId: string;
  @Field() at: Date;
  @Field() message: string;
}
