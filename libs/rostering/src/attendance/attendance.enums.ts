import { registerEnumType } from '@nestjs/graphql';
import { AttendanceStatus } from './attendance-status';
import { CheckInMethod } from './check-in-method';

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
