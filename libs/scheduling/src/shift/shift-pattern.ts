import { BadInputError } from '@baton/core';
import { DateTime } from 'luxon';

/** The longest range one pattern may cover, in local days (inclusive). */
export const MAX_PATTERN_DAYS = 60;

export interface PatternTimes {
  /** IANA zone of the venue: the local day and the wall-clock times are read there. */
  timeZone: string;
  /** "HH:mm", local. */
  startTime: string;
  /** "HH:mm", local; not after startTime means the shift ends on the next local day. */
  endTime: string;
  /** "YYYY-MM-DD", local, inclusive. */
  fromDate: string;
  toDate: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday); empty or missing: every day. */
  weekdays?: number[] | null;
}

export interface PatternOccurrence {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function localDate(value: string, field: string, zone: string): DateTime {
  const date = DateTime.fromISO(value, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !date.isValid) throw BadInputError.field(field, `${field} must be a date written YYYY-MM-DD`, 'date');
  return date.startOf('day');
}

function wallClock(day: DateTime, time: string): DateTime {
  const [, hour, minute] = TIME.exec(time)!;
  // Luxon resolves a wall-clock time that a DST change skips by moving it forward, and an
  // ambiguous one (the repeated hour in autumn) to its first occurrence.
  return day.set({ hour: Number(hour), minute: Number(minute), second: 0, millisecond: 0 });
}

/**
 * One occurrence per selected local day, with its instants computed in the venue's zone, so
 * "07:00" stays 07:00 at the venue on both sides of a DST change.
 */
export function expandPattern(pattern: PatternTimes): PatternOccurrence[] {
  const zone = pattern.timeZone;
  if (!DateTime.local().setZone(zone).isValid) throw BadInputError.field('venueId', `The venue's time zone ${zone} is not known`, 'timeZone');
  if (!TIME.test(pattern.startTime)) throw BadInputError.field('startTime', 'startTime must be HH:mm (00:00 to 23:59)', 'time');
  if (!TIME.test(pattern.endTime)) throw BadInputError.field('endTime', 'endTime must be HH:mm (00:00 to 23:59)', 'time');
  const from = localDate(pattern.fromDate, 'fromDate', zone);
  const to = localDate(pattern.toDate, 'toDate', zone);
  if (to < from) throw BadInputError.field('toDate', 'toDate cannot be before fromDate', 'dateOrder');
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days > MAX_PATTERN_DAYS) throw BadInputError.field('toDate', `A pattern covers at most ${MAX_PATTERN_DAYS} days`, 'maxDays');
  const weekdays = pattern.weekdays?.length ? new Set(pattern.weekdays) : undefined;
  if (weekdays && [...weekdays].some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw BadInputError.field('weekdays', 'weekdays are ISO numbers, 1 (Monday) to 7 (Sunday)', 'weekday');
  }
  const overnight = pattern.endTime <= pattern.startTime;
  const occurrences: PatternOccurrence[] = [];
  for (let i = 0; i < days; i++) {
    const day = from.plus({ days: i });
    if (weekdays && !weekdays.has(day.weekday)) continue;
    const startsAt = wallClock(day, pattern.startTime);
    const endsAt = wallClock(overnight ? day.plus({ days: 1 }) : day, pattern.endTime);
    occurrences.push({ localDate: day.toISODate()!, startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate() });
  }
  return occurrences;
}
