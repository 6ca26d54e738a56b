import { attendanceStatus, AttendanceStatus } from './attendance-status';

const start = new Date('2024-07-27T06:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(start.getTime() + minutes * 60_000 + seconds * 1000);
const row = (checkedInAt: Date | null = null, checkedOutAt: Date | null = null) => ({ startsAt: start, checkedInAt, checkedOutAt });

describe('attendanceStatus', () => {
  it('is UPCOMING strictly before the start, EXPECTED from the start', () => {
    expect(attendanceStatus(row(), at(-60))).toBe(AttendanceStatus.UPCOMING);
    expect(attendanceStatus(row(), new Date(start.getTime() - 1))).toBe(AttendanceStatus.UPCOMING);
    expect(attendanceStatus(row(), start)).toBe(AttendanceStatus.EXPECTED);
  });

  it('is EXPECTED up to start + grace inclusive, NO_SHOW one millisecond later', () => {
    expect(attendanceStatus(row(), at(30))).toBe(AttendanceStatus.EXPECTED);
    expect(attendanceStatus(row(), new Date(at(30).getTime() + 1))).toBe(AttendanceStatus.NO_SHOW);
    expect(attendanceStatus(row(), at(600))).toBe(AttendanceStatus.NO_SHOW);
  });

  it('takes the grace and late threshold as options', () => {
    expect(attendanceStatus(row(), at(10), { graceMinutes: 10 })).toBe(AttendanceStatus.EXPECTED);
    expect(attendanceStatus(row(), at(10, 1), { graceMinutes: 10 })).toBe(AttendanceStatus.NO_SHOW);
    expect(attendanceStatus(row(at(2)), at(3), { lateMinutes: 1 })).toBe(AttendanceStatus.LATE);
  });

  it('is ON_TIME for a check-in up to start + 5 min inclusive (also early), LATE after', () => {
    expect(attendanceStatus(row(at(-45)), at(-40))).toBe(AttendanceStatus.ON_TIME);
    expect(attendanceStatus(row(at(5)), at(6))).toBe(AttendanceStatus.ON_TIME);
    expect(attendanceStatus(row(new Date(at(5).getTime() + 1)), at(6))).toBe(AttendanceStatus.LATE);
    // A late arrival after the grace period is LATE, not NO_SHOW.
    expect(attendanceStatus(row(at(45)), at(50))).toBe(AttendanceStatus.LATE);
  });

  it('is CHECKED_OUT once checked out, whatever the clock', () => {
    expect(attendanceStatus(row(at(0), at(480)), at(481))).toBe(AttendanceStatus.CHECKED_OUT);
    expect(attendanceStatus(row(at(20), at(480)), at(-10))).toBe(AttendanceStatus.CHECKED_OUT);
  });
});
