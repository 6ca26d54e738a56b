import type { WorkRuleValues } from '@baton/scheduling';
import { qualificationRules, shiftRules } from '../eligibility/rule-engine';
import type { AvailabilityFacts, Neighbour, ShiftFacts, StaffFacts } from '../eligibility/rule-types';
import { verdict, Verdict } from '../eligibility/verdict';

/** Neighbours further than this from a shift cannot change its verdict (the window the fact loader reads too). */
const NEIGHBOUR_WINDOW_MS = 8 * 24 * 3_600_000;

export interface RosterShift {
  facts: ShiftFacts;
  /** How many places to fill, at most the headcount (the rest stay open). */
  target: number;
}

export interface RosterPerson {
  staff: StaffFacts;
  rules: WorkRuleValues;
  availability: AvailabilityFacts[];
  /** Shifts the person already works (in any event), before the roster is made. */
  booked?: Neighbour[];
}

export interface RosterProblem {
  /** Filled one after the other, in this order. */
  shifts: RosterShift[];
  people: RosterPerson[];
  /** The moment the roster is made: the rules are evaluated as of then. */
  now: Date;
  /**
   * Whom to try for a shift, best first, as indexes into `people`: the caller's preferences (team,
   * home venue, fairness). Called once for each shift the roster tries to fill, in order.
   */
  candidates(shiftIndex: number): number[];
}

export interface RosterPlacement {
  shift: number;
  person: number;
  /** Allowed; its warnings are the notes an assignment would carry. */
  verdict: Verdict;
}

export interface RosterSolution {
  /** In the order they were made. */
  placements: RosterPlacement[];
  /** Full verdicts asked, and how many of them blocked. */
  checks: number;
  blocked: number;
}

/**
 * The greedy roster: each shift in turn takes the first candidates the rules allow, until its
 * target is reached. Pure (no database, no clock): the verdict on each candidate is `verdict`, the
 * same function assign and the replacement search read, over facts kept in memory as placements
 * are made. Each person's booked shifts stay sorted by start, so the neighbours of a shift are
 * found by binary search. A first step for the automatic roster, which may search better.
 */
export function greedyRoster(problem: RosterProblem): RosterSolution {
  const booked = problem.people.map((p) => [...(p.booked ?? [])].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()));
  const placements: RosterPlacement[] = [];
  let checks = 0;
  let blocked = 0;
  problem.shifts.forEach((shift, shiftIndex) => {
    if (shift.target <= shift.facts.activeCount || shiftRules(shift.facts, problem.now).length) return;
    const facts: ShiftFacts = { ...shift.facts };
    const start = facts.startsAt.getTime();
    const end = facts.endsAt.getTime();
    for (const i of problem.candidates(shiftIndex)) {
      if (facts.activeCount >= shift.target) break;
      const person = problem.people[i];
      // Skills and accreditation do not depend on the roster: when they block, so would the full verdict.
      if (qualificationRules(facts, person.staff, person.rules).some((o) => o.severity === 'BLOCK')) continue;
      const mine = booked[i];
      const neighbours: Neighbour[] = [];
      let alreadyOnShift = false;
      for (let k = firstEndingFrom(mine, start - NEIGHBOUR_WINDOW_MS); k < mine.length && mine[k].startsAt.getTime() < end + NEIGHBOUR_WINDOW_MS; k++) {
        if (mine[k].shiftId === facts.id) alreadyOnShift = true;
        else neighbours.push(mine[k]);
      }
      checks++;
      const answer = verdict({
        shift: facts,
        staff: person.staff,
        neighbours,
        availability: person.availability,
        rules: person.rules,
        now: problem.now,
        alreadyOnShift,
      });
      if (!answer.allowed) {
        blocked++;
        continue;
      }
      const worked: Neighbour = { shiftId: facts.id, eventId: facts.eventId, startsAt: facts.startsAt, endsAt: facts.endsAt, timeZone: facts.timeZone };
      mine.splice(firstStartingFrom(mine, start), 0, worked);
      facts.activeCount++;
      placements.push({ shift: shiftIndex, person: i, verdict: answer });
    }
  });
  return { placements, checks, blocked };
}

/**
 * First index whose shift ends at or after `at`. Booked shifts of one person never overlap (the rules and
 * the database refuse it), so sorted by start they are sorted by end too.
 */
function firstEndingFrom(shifts: Neighbour[], at: number): number {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shifts[mid].endsAt.getTime() < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose shift starts at or after `at`. */
function firstStartingFrom(shifts: Neighbour[], at: number): number {
  let lo = 0;
  let hi = shifts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shifts[mid].startsAt.getTime() < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
