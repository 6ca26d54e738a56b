import fc from 'fast-check';
import type { WorkRuleValues } from '@baton/scheduling';
import type { Neighbour, ShiftFacts } from '../eligibility/rule-types';
import { verdict } from '../eligibility/verdict';
import { greedyRoster, RosterPerson, RosterProblem, RosterShift } from './greedy-roster';

const RULES: WorkRuleValues = {
  minRestMinutes: 660,
  maxDailyMinutes: 600,
  maxWeeklyMinutes: 2880,
  restMode: 'BLOCK',
  dailyMode: 'BLOCK',
  weeklyMode: 'BLOCK',
  skillsMode: 'BLOCK',
  accreditationMode: 'BLOCK',
  availabilityMode: 'BLOCK',
};
const NOW = new Date('2024-07-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY0 = Date.parse('2024-07-27T05:00:00Z'); // 07:00 in Paris

function shift(id: string, startHour: number, hours: number, extra: Partial<ShiftFacts> = {}, target = 1): RosterShift {
  return {
    target,
    facts: {
      id,
      eventId: 'e',
      status: 'PUBLISHED',
      startsAt: new Date(DAY0 + startHour * HOUR),
      endsAt: new Date(DAY0 + (startHour + hours) * HOUR),
      headcount: Math.max(target, 1),
      activeCount: 0,
      timeZone: 'Europe/Paris',
      venueZones: ['TECH'],
      requiredSkills: [],
      ...extra,
    },
  };
}

function person(id: string, extra: Partial<RosterPerson['staff']> = {}, rules: WorkRuleValues = RULES): RosterPerson {
  return {
    staff: { id, eventId: 'e', accreditationStatus: 'VALID', accreditationZones: ['TECH'], skills: new Map([['NET', 3]]), ...extra },
    rules,
    availability: [],
  };
}

const everyone = (problem: Omit<RosterProblem, 'candidates'>): RosterProblem => ({ ...problem, candidates: () => problem.people.map((_, i) => i) });

describe('greedyRoster', () => {
  it('fills each shift up to its target with the first candidates the rules allow, in the order given', () => {
    const problem: RosterProblem = {
      shifts: [shift('s1', 0, 8, { requiredSkills: [{ skillId: 'NET', code: 'NET', minLevel: 2 }] }, 2)],
      people: [person('unskilled', { skills: new Map() }), person('a'), person('pending', { accreditationStatus: 'PENDING' }), person('b'), person('c')],
      now: NOW,
      candidates: () => [0, 1, 2, 3, 4],
    };
    const solution = greedyRoster(problem);
    expect(solution.placements.map((p) => problem.people[p.person].staff.id)).toEqual(['a', 'b']);
    // The skills and accreditation refusals were settled before any full verdict; nothing after the target was asked.
    expect(solution).toMatchObject({ checks: 2, blocked: 0 });
  });

  it('keeps the working-time rules across its own placements: no overlap, no second shift that day, rest between days', () => {
    const problem = everyone({
      shifts: [shift('early', 0, 8), shift('late', 8, 8), shift('overlapping', 4, 8), shift('next-early', 24, 8), shift('too-soon', 18, 4)],
      people: [person('a'), person('b'), person('c')],
      now: NOW,
    });
    const placed = greedyRoster(problem).placements.map((p) => `${problem.shifts[p.shift].facts.id}:${problem.people[p.person].staff.id}`);
    // a works early; b late (a would exceed 10 h a day); c overlapping; next-early: a (rest 16 h after
    // early) — b ended at 23:00 local, 8 h of rest; too-soon (01:00–05:00 next day): nobody rested enough.
    expect(placed).toEqual(['early:a', 'late:b', 'overlapping:c', 'next-early:a']);
  });

  it('does not ask for candidates of a shift it cannot fill (a draft, one already at its target)', () => {
    const asked: number[] = [];
    const problem: RosterProblem = {
      shifts: [shift('draft', 0, 8, { status: 'DRAFT' }), shift('full', 0, 8, { activeCount: 1 }), shift('open', 0, 8)],
      people: [person('a')],
      now: NOW,
      candidates: (i) => (asked.push(i), [0]),
    };
    expect(greedyRoster(problem).placements).toEqual([expect.objectContaining({ shift: 2, person: 0 })]);
    expect(asked).toEqual([2]);
  });

  it("counts a person's shifts booked beforehand, in any event", () => {
    const elsewhere: Neighbour = {
      shiftId: 'x',
      eventId: 'other',
      startsAt: new Date(DAY0 + 2 * HOUR),
      endsAt: new Date(DAY0 + 6 * HOUR),
      timeZone: 'Europe/Paris',
    };
    const problem = everyone({ shifts: [shift('s1', 0, 8)], people: [{ ...person('a'), booked: [elsewhere] }, person('b')], now: NOW });
    expect(greedyRoster(problem).placements.map((p) => p.person)).toEqual([1]);
  });

  /**
   * Whatever the shifts, people and limits: every placement the solver made passes the rules when
   * judged against the finished roster (all the person's other placements as neighbours, the
   * shift's other places taken): the order in which it placed people changes nothing.
   */
  it('makes only placements the rules allow against the finished roster', () => {
    const shiftsArb = fc.array(
      fc.record({ start: fc.integer({ min: 0, max: 6 * 24 }), hours: fc.integer({ min: 1, max: 12 }), target: fc.integer({ min: 1, max: 3 }) }),
      { minLength: 1, maxLength: 14 },
    );
    const rulesArb = fc.record({
      minRestMinutes: fc.integer({ min: 0, max: 24 }).map((h) => h * 60),
      maxDailyMinutes: fc.integer({ min: 2, max: 24 }).map((h) => h * 60),
      maxWeeklyMinutes: fc.integer({ min: 4, max: 80 }).map((h) => h * 60),
    });
    fc.assert(
      fc.property(shiftsArb, rulesArb, fc.integer({ min: 1, max: 5 }), (drawn, limits, headcount) => {
        const rules = { ...RULES, ...limits };
        const shifts = drawn
          .map((d, i) => shift(`s${i}`, d.start, d.hours, {}, d.target))
          .sort((a, b) => a.facts.startsAt.getTime() - b.facts.startsAt.getTime());
        const people = Array.from({ length: headcount }, (_, i) => person(`p${i}`, {}, rules));
        const { placements } = greedyRoster(everyone({ shifts, people, now: NOW }));
        for (const p of placements) {
          const facts = shifts[p.shift].facts;
          const others = placements.filter((o) => o !== p);
          const neighbours = others
            .filter((o) => o.person === p.person)
            .map((o) => shifts[o.shift].facts)
            .map((s) => ({ shiftId: s.id, eventId: s.eventId, startsAt: s.startsAt, endsAt: s.endsAt, timeZone: s.timeZone }));
          const taken = others.filter((o) => o.shift === p.shift).length;
          const again = verdict({
            shift: { ...facts, activeCount: taken, headcount: shifts[p.shift].target },
            staff: people[p.person].staff,
            neighbours,
            availability: [],
            rules,
            now: NOW,
            alreadyOnShift: false,
          });
          expect(again.blocking).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
