/** What the figures are computed from: one assignment and its shift (WorkHistoryEntry fits). */
export interface WorkEntry {
  status: 'ASSIGNED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
  shiftStatus: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  roleTitle: string;
  venueName: string;
  venueTimeZone: string;
  teamName: string;
}

/** The certified figures of one person's Games. */
export interface WorkFigures {
  shiftsWorked: number;
  workedMinutes: number;
  /** Local date (YYYY-MM-DD) in the venue's zone of the first and last shift worked. */
  firstDay: string;
  lastDay: string;
  /** Distinct names, the most worked first (then by name). */
  teams: string[];
  venues: string[];
  roles: string[];
}

/**
 * How worked time is counted, stated once for the credential's criteria so the people who read
 * a record know what its hours mean.
 */
export const HOURS_RULE =
  'Hours are checked-in time within the scheduled shift: from the later of check-in and the shift start to the earlier of check-out ' +
  'and the shift end. Arriving early or leaving late adds nothing; a missing check-out counts until the scheduled end of the shift. ' +
  'No-shows (never checked in), declined and cancelled assignments and cancelled shifts count nothing. Overlapping times are counted once. ' +
  "A shift belongs to the day it starts, in its venue's time zone.";

const ACTIVE = new Set(['ASSIGNED', 'CONFIRMED']);

/**
 * The figures of one person's assignments, or null when nothing was worked. Pure: the roster and
 * attendance come in, so every boundary is unit-tested (see HOURS_RULE for the rules).
 */
export function computeWorkFigures(entries: readonly WorkEntry[]): WorkFigures | null {
  const worked = entries
    .filter((e) => ACTIVE.has(e.status) && e.shiftStatus !== 'CANCELLED' && e.checkedInAt)
    .map((e) => {
      const from = Math.max(e.checkedInAt!.getTime(), e.startsAt.getTime());
      const to = Math.min(e.checkedOutAt?.getTime() ?? e.endsAt.getTime(), e.endsAt.getTime());
      return { entry: e, from, to, day: localDay(e.startsAt, e.venueTimeZone) };
    })
    .filter((w) => w.to > w.from);
  if (!worked.length) return null;

  const days = worked.map((w) => w.day).sort();
  return {
    shiftsWorked: worked.length,
    workedMinutes: Math.floor(unionMs(worked) / 60_000),
    firstDay: days[0],
    lastDay: days[days.length - 1],
    teams: rank(worked, (w) => w.entry.teamName),
    venues: rank(worked, (w) => w.entry.venueName),
    roles: rank(worked, (w) => w.entry.roleTitle),
  };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date (YYYY-MM-DD) of an instant in a zone. Intl directly, one formatter per zone:
 * luxon (which the rule engine uses, same answers) costs about ten times more, which shows when
 * a whole event's records are computed at once.
 */
function localDay(at: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new Error(`Unknown time zone "${zone}"`);
    }
    dayFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Total length of the union of the intervals: overlaps (which the roster forbids anyway) count once. */
function unionMs(intervals: ReadonlyArray<{ from: number; to: number }>): number {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  let total = 0;
  let [start, end] = [sorted[0].from, sorted[0].to];
  for (const { from, to } of sorted.slice(1)) {
    if (from > end) {
      total += end - start;
      [start, end] = [from, to];
    } else end = Math.max(end, to);
  }
  return total + (end - start);
}

function rank<T extends { from: number; to: number }>(items: readonly T[], name: (item: T) => string): string[] {
  const time = new Map<string, number>();
  for (const item of items) time.set(name(item), (time.get(name(item)) ?? 0) + (item.to - item.from));
  return [...time.entries()].sort(([a, ta], [b, tb]) => tb - ta || (a < b ? -1 : a > b ? 1 : 0)).map(([n]) => n);
}

/** Hours as the credential states them: two decimals, from whole minutes. */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(2);
}
