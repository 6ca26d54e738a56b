/** Attendance as it reads from an assignment row and the clock: no state of its own. */
export enum AttendanceStatus {
  /** The shift has not started. */
  UPCOMING = 'UPCOMING',
  /** Started, not checked in yet, still inside the grace period. */
  EXPECTED = 'EXPECTED',
  /** Checked in no later than start + the late threshold. */
  ON_TIME = 'ON_TIME',
  /** Checked in after start + the late threshold. */
  LATE = 'LATE',
  /** Not checked in, and the grace period is over. */
  NO_SHOW = 'NO_SHOW',
  CHECKED_OUT = 'CHECKED_OUT',
}

/** Minutes after the start before someone not checked in is a no-show (the sweep uses it too). */
export const NO_SHOW_GRACE_MINUTES = 30;
/** Minutes after the start after which a check-in counts as late. */
export const LATE_THRESHOLD_MINUTES = 5;

export interface AttendanceFacts {
  startsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface AttendanceOptions {
  graceMinutes?: number;
  lateMinutes?: number;
}

const MINUTE = 60_000;

/**
 * Boundaries: UPCOMING while now < start; EXPECTED from start up to and including
 * start + grace; NO_SHOW strictly after. A check-in exactly at start + late is ON_TIME,
 * one millisecond later is LATE.
 */
export function attendanceStatus(row: AttendanceFacts, now: Date, options: AttendanceOptions = {}): AttendanceStatus {
  const grace = (options.graceMinutes ?? NO_SHOW_GRACE_MINUTES) * MINUTE;
  const late = (options.lateMinutes ?? LATE_THRESHOLD_MINUTES) * MINUTE;
  const start = row.startsAt.getTime();
  if (row.checkedOutAt) return AttendanceStatus.CHECKED_OUT;
  if (row.checkedInAt) return row.checkedInAt.getTime() > start + late ? AttendanceStatus.LATE : AttendanceStatus.ON_TIME;
  const t = now.getTime();
  if (t < start) return AttendanceStatus.UPCOMING;
  if (t <= start + grace) return AttendanceStatus.EXPECTED;
  return AttendanceStatus.NO_SHOW;
}
