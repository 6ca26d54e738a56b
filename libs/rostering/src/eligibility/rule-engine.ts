import { RuleFacts, RuleMode, RuleOutcome, WorkRules } from './rule-types';
import { dayLoad, heaviestWeek, restBreaches, WEEK_MS, WorkedShift, workingDays } from './working-time';

export { workingDay } from './working-time';

const hm = (total: number) => `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')}`;
const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

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
  if (facts.alreadyOnShift) hard('ALREADY_ASSIGNED', 'This person is already on this shift', {});
  outcomes.push(...shiftRules(shift, facts.now, !facts.alreadyOnShift));

  // The working-time rules read the whole set of the person's shifts with the candidate in it,
  // and report what the candidate takes part in: a verdict never depends on which of two
  // assignments was made first (see the property tests).
  const candidate: WorkedShift = { shiftId: shift.id, eventId: shift.eventId, startsAt: shift.startsAt, endsAt: shift.endsAt, timeZone: shift.timeZone };
  const others = facts.neighbours.filter((n) => n.shiftId !== shift.id);
  const worked = [candidate, ...others];
  for (const clash of others.filter((n) => overlaps(n, shift))) {
    hard('OVERLAP', `This person is on another shift at the same time${clash.eventId === shift.eventId ? '' : ', in another event'}`, {
      ...reference(clash, shift.eventId, 'shiftId'),
      startsAt: clash.startsAt.toISOString(),
      endsAt: clash.endsAt.toISOString(),
    });
  }

  const days = workingDays(worked);
  checkRest(candidate, worked, days, rules, soft);
  checkDaily(candidate, worked, days, rules, soft);
  checkWeekly(candidate, worked, rules, soft);

  outcomes.push(...qualificationRules(shift, staff, rules));

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

/**
 * Skills and accreditation: what the person holds against what the shift asks, whatever else
 * they work. A solver may ask these first, as a cheap filter, since the full verdict contains
 * exactly these outcomes.
 */
export function qualificationRules(
  shift: Pick<RuleFacts['shift'], 'requiredSkills' | 'venueZones'>,
  staff: RuleFacts['staff'],
  rules: Pick<WorkRules, 'skillsMode' | 'accreditationMode'>,
): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const soft = (mode: RuleMode, rule: RuleOutcome['rule'], message: string, details: Record<string, unknown>) => {
    if (mode !== 'OFF') outcomes.push({ rule, severity: mode, configurable: true, message, details });
  };
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

  return outcomes;
}

/**
 * The hard rules about the shift itself, whoever would take it: published, not over and, unless
 * the person already holds a place on it, not full. The replacement search answers with these
 * before looking for anyone, since `assign` would refuse every candidate.
 */
export function shiftRules(shift: Pick<RuleFacts['shift'], 'status' | 'endsAt' | 'headcount' | 'activeCount'>, now: Date, needsPlace = true): RuleOutcome[] {
  const outcomes: RuleOutcome[] = [];
  const hard = (rule: RuleOutcome['rule'], message: string, details: Record<string, unknown>) =>
    outcomes.push({ rule, severity: 'BLOCK', configurable: false, message, details });
  if (shift.status !== 'PUBLISHED') hard('SHIFT_NOT_PUBLISHED', `The shift is ${shift.status.toLowerCase()}, not published`, { status: shift.status });
  if (shift.endsAt <= now) hard('SHIFT_OVER', 'The shift is already over', { endsAt: shift.endsAt.toISOString() });
  if (needsPlace && shift.activeCount >= shift.headcount)
    hard('CAPACITY', `The shift is full (${shift.activeCount} of ${shift.headcount})`, { headcount: shift.headcount, assigned: shift.activeCount });
  return outcomes;
}

type Soft = (mode: RuleMode, rule: RuleOutcome['rule'], message: string, details: Record<string, unknown>) => void;

/**
 * Another event's shift is named only as such: the coordinator of this event may have no scope
 * there, so neither its id nor its event's id appear in rule details (times do: they explain the
 * numbers, and they are the person's own).
 */
function reference(other: WorkedShift, eventId: string, key: string): Record<string, unknown> {
  return other.eventId === eventId ? { [key]: other.shiftId } : { inAnotherEvent: true };
}

/**
 * Daily rest (Code du travail L3131-1): at least `minRest` between two working days. Of every
 * short rest the candidate takes part in, the shortest before it and the shortest after it are
 * reported, each with the neighbouring shift.
 */
function checkRest(candidate: WorkedShift, worked: WorkedShift[], days: Map<WorkedShift, string>, rules: WorkRules, soft: Soft): void {
  const breaches = restBreaches(worked, rules.minRestMinutes, candidate, days);
  const shortest = (side: typeof breaches) => side.sort((a, b) => a.restMinutes - b.restMinutes)[0];
  const before = shortest(breaches.filter((b) => b.later === candidate));
  const after = shortest(breaches.filter((b) => b.earlier === candidate));
  for (const [breach, neighbour] of [
    [before, before?.earlier],
    [after, after?.later],
  ] as const) {
    if (!breach || !neighbour) continue;
    soft(rules.restMode, 'MIN_REST', `Rest of ${hm(breach.restMinutes)} is below the minimum of ${hm(rules.minRestMinutes)}`, {
      restMinutes: breach.restMinutes,
      requiredMinutes: rules.minRestMinutes,
      ...reference(neighbour, candidate.eventId, 'neighbourShiftId'),
      neighbourStartsAt: neighbour.startsAt.toISOString(),
      neighbourEndsAt: neighbour.endsAt.toISOString(),
    });
  }
}

/** Work per day: every shift counts wholly on its own working day (an overnight shift is one working day). */
function checkDaily(candidate: WorkedShift, worked: WorkedShift[], days: Map<WorkedShift, string>, rules: WorkRules, soft: Soft): void {
  const day = days.get(candidate)!;
  const load = dayLoad(worked, day, days);
  if (load.minutes <= rules.maxDailyMinutes) return;
  const sameDay = load.shifts.filter((s) => s !== candidate);
  const elsewhere = sameDay.filter((s) => s.eventId !== candidate.eventId).length;
  soft(rules.dailyMode, 'MAX_DAILY', `${hm(load.minutes)} of work on ${day} is above the maximum of ${hm(rules.maxDailyMinutes)}`, {
    day,
    timeZone: candidate.timeZone,
    workedMinutes: load.minutes,
    maxMinutes: rules.maxDailyMinutes,
    shiftIds: sameDay.filter((s) => s.eventId === candidate.eventId).map((s) => s.shiftId),
    ...(elsewhere ? { shiftsInAnotherEvent: elsewhere } : {}),
  });
}

/** Work in any rolling 7 days (L3121-20), over every window the candidate falls in. */
function checkWeekly(candidate: WorkedShift, worked: WorkedShift[], rules: WorkRules, soft: Soft): void {
  const worst = heaviestWeek(worked, candidate);
  if (worst.minutes <= rules.maxWeeklyMinutes) return;
  soft(rules.weeklyMode, 'MAX_WEEKLY', `${hm(worst.minutes)} of work in 7 days is above the maximum of ${hm(rules.maxWeeklyMinutes)}`, {
    workedMinutes: worst.minutes,
    maxMinutes: rules.maxWeeklyMinutes,
    windowStartsAt: new Date(worst.from).toISOString(),
    windowEndsAt: new Date(worst.from + WEEK_MS).toISOString(),
  });
}
