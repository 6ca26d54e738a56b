import fc from 'fast-check';
import { evaluateRules } from './rule-engine';
import { RuleFacts, WorkRules } from './rule-types';
import { WorkedShift } from './working-time';

/**
 * A verdict must not depend on the order in which a person's shifts were assigned. Random
 * shifts at venues in zones far apart (Paris, Teahupo'o, Kiritimati at UTC+14, Los Angeles,
 * Tokyo), around summer time changes too, in one or two events, under random limits.
 */
const ZONES = ['Europe/Paris', 'Pacific/Tahiti', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Tokyo'];
// The Games in summer; the night Europe leaves summer time; the night the United States leave it.
const ANCHORS = [Date.parse('2024-07-27T00:00:00Z'), Date.parse('2024-10-26T00:00:00Z'), Date.parse('2024-11-02T12:00:00Z')];
const QUARTER = 15 * 60_000;

const limits: fc.Arbitrary<WorkRules> = fc.record({
  minRestMinutes: fc.integer({ min: 0, max: 32 }).map((q) => q * 30),
  maxDailyMinutes: fc.integer({ min: 2, max: 28 }).map((q) => q * 30),
  maxWeeklyMinutes: fc.integer({ min: 4, max: 60 }).map((q) => q * 30),
  restMode: fc.constant('BLOCK' as const),
  dailyMode: fc.constant('BLOCK' as const),
  weeklyMode: fc.constant('BLOCK' as const),
  skillsMode: fc.constant('BLOCK' as const),
  accreditationMode: fc.constant('BLOCK' as const),
  availabilityMode: fc.constant('BLOCK' as const),
});

/** `count` distinct shifts within 5 days of one anchor: 30 min to 12 h each, on quarter hours. */
const shiftsArb = (count: number): fc.Arbitrary<WorkedShift[]> =>
  fc.integer({ min: 0, max: ANCHORS.length - 1 }).chain((anchor) =>
    fc
      .array(
        fc.record({
          start: fc.integer({ min: 0, max: 5 * 96 }),
          quarters: fc.integer({ min: 2, max: 48 }),
          timeZone: fc.constantFrom(...ZONES),
          eventId: fc.constantFrom('olympics', 'olympics', 'paralympics'),
        }),
        { minLength: count, maxLength: count },
      )
      .map((drawn) =>
        drawn.map((d, i) => ({
          shiftId: `s${i}`,
          eventId: d.eventId,
          startsAt: new Date(ANCHORS[anchor] + d.start * QUARTER),
          endsAt: new Date(ANCHORS[anchor] + (d.start + d.quarters) * QUARTER),
          timeZone: d.timeZone,
        })),
      ),
  );

/** The facts of assigning `shift` to a person who already works `others` (their record in the shift's event). */
function factsFor(shift: WorkedShift, others: WorkedShift[], rules: WorkRules): RuleFacts {
  return {
    shift: {
      id: shift.shiftId,
      eventId: shift.eventId,
      status: 'PUBLISHED',
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      headcount: 10,
      activeCount: 0,
      timeZone: shift.timeZone,
      venueZones: [],
      requiredSkills: [],
    },
    staff: { id: `record-${shift.eventId}`, eventId: shift.eventId, accreditationStatus: 'VALID', accreditationZones: [], skills: new Map() },
    neighbours: others,
    availability: [],
    rules,
    now: new Date('2020-01-01T00:00:00Z'),
    alreadyOnShift: false,
  };
}

const blockingRules = (shift: WorkedShift, others: WorkedShift[], rules: WorkRules) =>
  [
    ...new Set(
      evaluateRules(factsFor(shift, others, rules))
        .filter((o) => o.severity === 'BLOCK')
        .map((o) => o.rule),
    ),
  ].sort();

/** Assigns one after the other, as coordinators would; returns what was accepted. */
function assignInOrder(order: WorkedShift[], rules: WorkRules): WorkedShift[] {
  const accepted: WorkedShift[] = [];
  for (const shift of order) if (blockingRules(shift, accepted, rules).length === 0) accepted.push(shift);
  return accepted;
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

describe('rule engine: the order of assignment never changes a verdict', () => {
  it('pairs: B after A is refused by exactly the rules that refuse A after B', () => {
    fc.assert(
      fc.property(shiftsArb(2), limits, ([a, b], rules) => {
        fc.pre(blockingRules(a, [], rules).length === 0 && blockingRules(b, [], rules).length === 0);
        expect(blockingRules(b, [a], rules)).toEqual(blockingRules(a, [b], rules));
      }),
      { numRuns: 3000 },
    );
  });

  it('triples: either every order of assignment takes all three, or none does', () => {
    fc.assert(
      fc.property(shiftsArb(3), limits, (shifts, rules) => {
        const takesAll = permutations(shifts).map((order) => assignInOrder(order, rules).length === shifts.length);
        expect(new Set(takesAll).size).toBe(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('whatever the order, every accepted shift passes a re-check against all the others', () => {
    fc.assert(
      fc.property(shiftsArb(4), limits, (shifts, rules) => {
        for (const order of permutations(shifts)) {
          const accepted = assignInOrder(order, rules);
          for (const shift of accepted) {
            expect(
              blockingRules(
                shift,
                accepted.filter((s) => s !== shift),
                rules,
              ),
            ).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
