const MINUTE = 60_000;
export const WEEK_MS = 7 * 24 * 60 * MINUTE;

/** One shift a person works (or would work), with its own venue's zone. */
export interface WorkedShift {
  shiftId: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  /** IANA zone of this shift's venue. */
  timeZone: string;
}

export const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / MINUTE);

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local calendar day (YYYY-MM-DD) an instant falls on in a zone. Intl directly, one cached
 * formatter per zone: the rules ask this for every neighbour of every check (the demo roster makes
 * about 70,000 checks), and it is three times faster than going through luxon.
 */
export function workingDay(at: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}

/**
 * The working day of a shift: the local date it starts on at its own venue. For a person whose
 * shifts span zones (Paris and Teahupo'o), each shift keeps its own venue's day, so the day of a
 * shift never depends on which other shifts the person has, nor on the order they were assigned.
 */
export const dayOf = (shift: WorkedShift): string => workingDay(shift.startsAt, shift.timeZone);

export interface RestBreach {
  earlier: WorkedShift;
  later: WorkedShift;
  restMinutes: number;
}

/**
 * Every pair of shifts on different working days with less than `minRestMinutes` between the end
 * of one and the start of the other. Shifts on the same working day are one day with a break (a
 * split shift): the daily maximum, which reads the very same days, limits them instead. Checking
 * every pair, not only consecutive ones, gives the same verdict (a short rest across a shift in
 * between implies a short rest on one side of it) and is symmetric by construction. `involving`
 * keeps only the pairs one shift takes part in (the same predicate, fewer pairs to look at).
 */
export function restBreaches(shifts: WorkedShift[], minRestMinutes: number, involving?: WorkedShift, days = workingDays(shifts)): RestBreach[] {
  const breaches: RestBreach[] = [];
  for (const earlier of shifts) {
    for (const later of shifts) {
      if (earlier === later || earlier.endsAt > later.startsAt) continue;
      if (involving && earlier !== involving && later !== involving) continue;
      if (days.get(earlier) === days.get(later)) continue;
      const restMinutes = minutesBetween(earlier.endsAt, later.startsAt);
      if (restMinutes < minRestMinutes) breaches.push({ earlier, later, restMinutes });
    }
  }
  return breaches;
}

/** Each shift's working day, computed once for all the rules of one check. */
export const workingDays = (shifts: WorkedShift[]): Map<WorkedShift, string> => new Map(shifts.map((s) => [s, dayOf(s)]));

/** The shifts of one working day and their total: each shift counts wholly on its own day. */
export function dayLoad(shifts: WorkedShift[], day: string, days = workingDays(shifts)): { minutes: number; shifts: WorkedShift[] } {
  const onDay = shifts.filter((s) => days.get(s) === day);
  return { minutes: onDay.reduce((sum, s) => sum + minutesBetween(s.startsAt, s.endsAt), 0), shifts: onDay };
}

/**
 * The heaviest rolling 7-day window that overlaps `touching` (L3121-20: any 7 days). The total
 * is piecewise linear in the window's start and peaks where a window starts at some shift's
 * start or ends at some shift's end, so only those windows are measured.
 */
export function heaviestWeek(shifts: WorkedShift[], touching: WorkedShift): { minutes: number; from: number } {
  const starts = new Set<number>();
  for (const s of shifts) {
    starts.add(s.startsAt.getTime());
    starts.add(s.endsAt.getTime() - WEEK_MS);
  }
  let worst = { minutes: 0, from: 0 };
  for (const from of starts) {
    const to = from + WEEK_MS;
    if (!(touching.startsAt.getTime() < to && from < touching.endsAt.getTime())) continue;
    const total = shifts.reduce((sum, s) => sum + Math.max(0, Math.min(s.endsAt.getTime(), to) - Math.max(s.startsAt.getTime(), from)), 0) / MINUTE;
    if (total > worst.minutes) worst = { minutes: Math.round(total), from };
  }
  return worst;
}
