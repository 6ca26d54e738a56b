import { DateTime } from 'luxon';
import { Neighbour, RuleFacts, RuleMode, RuleOutcome, WorkRules } from './rule-types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const minutes = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / MINUTE);
const hm = (total: number) => `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')}`;
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The local calendar day a shift belongs to: the day it starts, in the venue's zone. */
export function workingDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}

/**
 * Every rule, evaluated on facts gathered by the caller (one code path for assign, sign-up,
 * swaps and the automatic roster). Pure: no clock, no database, so the boundaries are tested
 * exactly. Returns every failing rule, not just the first, with the numbers behind it.
 */
export function evaluateRules(facts: RuleFacts): RuleOutcome[] {
  const { shift, staff, rules } = facts;
  const outcomes: RuleOutcome[] = [];
  const hard = (rule: RuleOutcome['rule'], message: string, details: Record<string, unknown> = {}) =>
    outcomes.push({ rule, severity: 'BLOCK', configurable: false, message, details });
  const soft = (mode: RuleMode, rule: RuleOutcome['rule'], message: string, details: Record<string, unknown>) => {
    if (mode !== 'OFF') outcomes.push({ rule, severity: mode, configurable: true, message, details });
  };

  if (staff.eventId !== shift.eventId)
    hard('SAME_EVENT', 'The staff member and the shift belong to different events', { staffEventId: staff.eventId, shiftEventId: shift.eventId });
  if (shift.status !== 'PUBLISHED') hard('SHIFT_NOT_PUBLISHED', `The shift is ${shift.status.toLowerCase()}, not published`, { status: shift.status });
  if (shift.endsAt <= facts.now) hard('SHIFT_OVER', 'The shift is already over', { endsAt: shift.endsAt.toISOString() });
  if (facts.alreadyOnShift) hard('ALREADY_ASSIGNED', 'This person is already on this shift', {});
  else if (shift.activeCount >= shift.headcount)
    hard('CAPACITY', `The shift is full (${shift.activeCount} of ${shift.headcount})`, { headcount: shift.headcount, assigned: shift.activeCount });

  const others = facts.neighbours.filter((n) => n.shiftId !== shift.id);
  for (const clash of others.filter((n) => overlaps(n, shift))) {
    hard('OVERLAP', 'This person is on another shift at the same time', {
      shiftId: clash.shiftId,
      startsAt: clash.startsAt.toISOString(),
      endsAt: clash.endsAt.toISOString(),
    });
  }

  checkRest(shift, others, rules, soft);
  checkDaily(shift, others, rules, soft);
  checkWeekly(shift, others, rules, soft);

  const missing = shift.requiredSkills
    .filter((r) => (staff.skills.get(r.skillId) ?? 0) < r.minLevel)
    .map((r) => ({ skill: r.code, required: r.minLevel, held: staff.skills.get(r.skillId) ?? 0 }));
  if (missing.length) soft(rules.skillsMode, 'SKILLS', `Missing skills: ${missing.map((m) => `${m.skill} ${m.held}/${m.required}`).join(', ')}`, { missing });

  const missingZones = shift.venueZones.filter((z) => !staff.accreditationZones.includes(z));
  if (staff.accreditationStatus !== 'VALID' || missingZones.length) {
    soft(
      rules.accreditationMode,
      'ACCREDITATION',
      staff.accreditationStatus !== 'VALID'
        ? `Accreditation is ${staff.accreditationStatus.toLowerCase()}`
        : `No accreditation for zones ${missingZones.join(', ')}`,
      { status: staff.accreditationStatus, missingZones },
    );
  }

  for (const period of facts.availability.filter((p) => overlaps(p, shift))) {
    if (period.kind === 'UNAVAILABLE') {
      soft(rules.availabilityMode, 'AVAILABILITY', 'This person declared they are unavailable then', {
        startsAt: period.startsAt.toISOString(),
        endsAt: period.endsAt.toISOString(),
      });
    } else if (period.kind === 'UNDESIRED') {
      soft(rules.availabilityMode === 'OFF' ? 'OFF' : 'WARN', 'UNDESIRED_PERIOD', 'This person would rather not work then', {
        startsAt: period.startsAt.toISOString(),
        endsAt: period.endsAt.toISOString(),
      });
    }
  }
  return outcomes;
}

type Soft = (mode: RuleMode, rule: RuleOutcome['rule'], message: string, details: Record<string, unknown>) => void;

/**
 * Daily rest (Code du travail L3131-1): at least `minRest` between two working days. Two
 * shifts that start on the same local day are one working day with a break (a split shift),
 * which the daily maximum limits instead.
 */
function checkRest(shift: RuleFacts['shift'], others: Neighbour[], rules: WorkRules, soft: Soft): void {
  const day = workingDay(shift.startsAt, shift.timeZone);
  const before = others.filter((n) => n.endsAt <= shift.startsAt).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  const after = others.filter((n) => n.startsAt >= shift.endsAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
  for (const [neighbour, rest] of [
    [before, before && minutes(before.endsAt, shift.startsAt)],
    [after, after && minutes(shift.endsAt, after.startsAt)],
  ] as Array<[Neighbour | undefined, number | undefined]>) {
    if (!neighbour || rest === undefined || rest >= rules.minRestMinutes) continue;
    if (workingDay(neighbour.startsAt, shift.timeZone) === day) continue;
    soft(rules.restMode, 'MIN_REST', `Rest of ${hm(rest)} is below the minimum of ${hm(rules.minRestMinutes)}`, {
      restMinutes: rest,
      requiredMinutes: rules.minRestMinutes,
      neighbourShiftId: neighbour.shiftId,
      neighbourStartsAt: neighbour.startsAt.toISOString(),
      neighbourEndsAt: neighbour.endsAt.toISOString(),
    });
  }
}

/** Work per day: every shift counts wholly on the local day it starts (an overnight shift is one working day). */
function checkDaily(shift: RuleFacts['shift'], others: Neighbour[], rules: WorkRules, soft: Soft): void {
  const day = workingDay(shift.startsAt, shift.timeZone);
  const sameDay = others.filter((n) => workingDay(n.startsAt, shift.timeZone) === day);
  const total = minutes(shift.startsAt, shift.endsAt) + sameDay.reduce((sum, n) => sum + minutes(n.startsAt, n.endsAt), 0);
  if (total > rules.maxDailyMinutes) {
    soft(rules.dailyMode, 'MAX_DAILY', `${hm(total)} of work on ${day} is above the maximum of ${hm(rules.maxDailyMinutes)}`, {
      day,
      timeZone: shift.timeZone,
      workedMinutes: total,
      maxMinutes: rules.maxDailyMinutes,
      shiftIds: sameDay.map((n) => n.shiftId),
    });
  }
}

/**
 * Work in any rolling 7 days (L3121-20). The heaviest window touching the shift starts at the
 * start of some shift or ends at the end of some shift, so only those windows are measured.
 */
function checkWeekly(shift: RuleFacts['shift'], others: Neighbour[], rules: WorkRules, soft: Soft): void {
  const all: Array<{ startsAt: Date; endsAt: Date }> = [shift, ...others];
  const week = 7 * DAY;
  const starts = new Set<number>();
  for (const s of all) {
    starts.add(s.startsAt.getTime());
    starts.add(s.endsAt.getTime() - week);
  }
  let worst = { total: 0, from: 0 };
  for (const from of starts) {
    const to = from + week;
    if (!(shift.startsAt.getTime() < to && from < shift.endsAt.getTime())) continue;
    const total = all.reduce((sum, s) => sum + Math.max(0, Math.min(s.endsAt.getTime(), to) - Math.max(s.startsAt.getTime(), from)), 0) / MINUTE;
    if (total > worst.total) worst = { total: Math.round(total), from };
  }
  if (worst.total > rules.maxWeeklyMinutes) {
    soft(rules.weeklyMode, 'MAX_WEEKLY', `${hm(worst.total)} of work in 7 days is above the maximum of ${hm(rules.maxWeeklyMinutes)}`, {
      workedMinutes: worst.total,
      maxMinutes: rules.maxWeeklyMinutes,
      windowStartsAt: new Date(worst.from).toISOString(),
      windowEndsAt: new Date(worst.from + week).toISOString(),
    });
  }
}
