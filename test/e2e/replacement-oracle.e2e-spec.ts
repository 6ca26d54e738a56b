import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { EligibilityService } from '@baton/rostering';
import { ShiftEntity, WorkRuleService } from '@baton/scheduling';
import { prefilterParams, prefilterRules, REPLACEMENT_CANDIDATES_SQL } from '../../libs/rostering/src/replacements/replacement-candidates.sql';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';
import { prng } from '../utils/prng';

/** A small deterministic PRNG (mulberry32): the same roster on every run. */

const HOUR = 3_600_000;
const ORIGIN = Date.parse('2024-07-26T00:00:00Z');
const CANDIDATES = `query R($shiftId: ID!, $first: Int) { replacementCandidates(shiftId: $shiftId, first: $first) { staffMemberId } }`;
const tolerated = (error: unknown) => ['23P01', '23514', '23505'].includes((error as { driverError?: { code?: string } }).driverError?.code ?? '');

/**
 * The prefilter may only narrow: over a varied roster (two events sharing people, shifts across
 * midnight, a Pacific/Tahiti venue, light, full and overworked people), everyone the eligibility
 * core accepts for a shift is among the prefilter's rows. And it does narrow: people refused for
 * each working-time rule alone are dropped by SQL, the daily maximum exactly.
 */
describe('replacement prefilter against the eligibility core, over all staff', () => {
  let t: TestApp;
  let events: EventEntity[];
  const venues: VenueEntity[][] = [];
  const teams: TeamEntity[] = [];
  const staff: string[][] = [[], []];
  const targets: ShiftEntity[] = [];
  let coordinator: string;
  const random = prng(7_779_633);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const assign = async (shift: ShiftEntity, staffMemberId: string) => {
    try {
      await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
        [shift.id, staffMemberId, shift.eventId],
      );
    } catch (error) {
      if (!tolerated(error)) throw error;
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    events = [await createEvent(t.dataSource), await createEvent(t.dataSource)];
    const org = (await createOrganisation(t.dataSource)).id;
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('FIBRE', 'Fibre', 'network') RETURNING id`))[0].id;
    coordinator = (
      await t.gql.ok(
        `mutation { login(input: { email: "${(await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: events[0].id }])).email}", password: "${TEST_PASSWORD}" }) { accessToken } }`,
      )
    ).login.accessToken;
    for (const [k, event] of events.entries()) {
      venues.push([
        await createVenue(t.dataSource, event.id, { timeZone: 'Europe/Paris', zones: ['TECH'] }),
        await createVenue(t.dataSource, event.id, { timeZone: 'Europe/Paris', city: 'Marseille', zones: ['TECH'] }),
        await createVenue(t.dataSource, event.id, { timeZone: 'Pacific/Tahiti', city: 'Teahupo’o', zones: ['TECH'] }),
      ]);
      teams.push(await createTeam(t.dataSource, event.id));
      for (let i = 0; i < (k === 0 ? 70 : 20); i++) {
        // The 20 records of the second event belong to the accounts of the first 20 of the first.
        const userId =
          k === 0
            ? i < 20
              ? (await createUser(t.dataSource, [])).id
              : null
            : (await t.dataSource.query(`SELECT user_id FROM staff_members WHERE id = $1`, [staff[0][i]]))[0].user_id;
        staff[k].push(
          (
            await createStaffMember(t.dataSource, event.id, org, {
              userId,
              teamId: teams[k].id,
              homeVenueId: pick(venues[k]).id,
              accreditationZones: random() < 0.9 ? ['TECH'] : [],
              skills: random() < 0.7 ? [{ skillId: skill, level: 1 + Math.floor(random() * 4) }] : [],
            })
          ).id,
        );
      }
    }
    // Twelve days of shifts, 2 to 12 hours, on the quarter hour: many cross midnight, here or in Tahiti.
    const roster: ShiftEntity[][] = [[], []];
    for (let i = 0; i < 200; i++) {
      const k = i % 4 === 3 ? 1 : 0;
      const startsAt = new Date(ORIGIN + Math.floor(random() * 12 * 24 * 4) * 15 * 60_000);
      const endsAt = new Date(startsAt.getTime() + (2 + Math.floor(random() * 11)) * HOUR + (random() < 0.3 ? 45 * 60_000 : 0));
      roster[k].push(
        await createShift(t.dataSource, { eventId: events[k].id, venueId: pick(venues[k]).id, teamId: teams[k].id }, { startsAt, endsAt, headcount: 40 }),
      );
    }
    // Light, busy and overworked people: the overworked exceed the weekly maximum in most weeks.
    for (const [k, records] of staff.entries()) {
      for (const id of records) {
        const load = pick([2, 6, 14, 24]);
        for (let n = 0; n < load; n++) await assign(pick(roster[k]), id);
      }
    }
    // The shifts to fill: days 3 to 9, some in Tahiti, some across midnight, some asking for the skill.
    for (let i = 0; i < 14; i++) {
      const startsAt = new Date(ORIGIN + (3 + Math.floor(random() * 7)) * 24 * HOUR + Math.floor(random() * 24 * 4) * 15 * 60_000);
      const endsAt = new Date(startsAt.getTime() + (3 + Math.floor(random() * 8)) * HOUR);
      const target = await createShift(
        t.dataSource,
        { eventId: events[0].id, venueId: venues[0][i % 3].id, teamId: teams[0].id },
        { startsAt, endsAt, headcount: 80 },
      );
      if (i % 2) await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 2)`, [target.id, skill]);
      // Someone already on it: refused (ALREADY_ASSIGNED), and dropped.
      await assign(target, pick(staff[0]));
      targets.push(target);
    }
  }, 600_000);
  afterAll(() => t?.close());

  it('keeps everyone the core accepts, and drops people for each working-time rule alone', async () => {
    const eligibility = t.app.get(EligibilityService);
    const workRules = t.app.get(WorkRuleService);
    const rules = prefilterRules(await workRules.effectiveRulesByType(events[0].id));
    const droppedFor = new Map<string, number>();
    let accepted = 0;
    let kept = 0;
    for (const target of targets) {
      const { shift } = await eligibility.loadForRead(t.dataSource.manager, target.id);
      const rows: Array<{ id: string; weekly_ok: boolean }> = await t.dataSource.query(REPLACEMENT_CANDIDATES_SQL, prefilterParams(shift, 10_000, rules));
      // Those over the weekly bound come back flagged, not left out (the service does not judge them).
      const prefiltered = new Set(rows.filter((r) => r.weekly_ok).map((r) => r.id));
      const verdicts = (await eligibility.loadForRead(t.dataSource.manager, target.id, staff[0])).evaluateMany();
      const allowed = verdicts.filter((v) => v.allowed).map((v) => v.facts.staff.id);
      expect(allowed.filter((id) => !prefiltered.has(id))).toEqual([]);
      accepted += allowed.length;
      kept += prefiltered.size;
      for (const v of verdicts) {
        const rulesBlocking = [...new Set(v.blocking.map((b) => b.rule))];
        // The daily maximum is exact in SQL: nobody it refuses is kept.
        if (rulesBlocking.includes('MAX_DAILY')) expect(prefiltered.has(v.facts.staff.id)).toBe(false);
        if (rulesBlocking.length === 1 && !prefiltered.has(v.facts.staff.id)) droppedFor.set(rulesBlocking[0], (droppedFor.get(rulesBlocking[0]) ?? 0) + 1);
      }
    }
    // About something: many accepted, and each rule of the table narrows on its own.
    expect(accepted).toBeGreaterThan(100);
    console.log('dropped for one rule alone', Object.fromEntries(droppedFor), 'kept', kept, 'accepted', accepted);
    for (const rule of ['MAX_WEEKLY', 'MAX_DAILY', 'MIN_REST', 'OVERLAP', 'SKILLS', 'ALREADY_ASSIGNED'])
      expect([rule, (droppedFor.get(rule) ?? 0) > 0]).toEqual([rule, true]);
    // And it is tight: few of those it keeps are refused by the core.
    expect(kept - accepted).toBeLessThanOrEqual(Math.ceil(accepted * 0.1));
  });

  it('answers with the core’s accepted people in rank order, a full page, in three statements whatever its size', async () => {
    const eligibility = t.app.get(EligibilityService);
    const counts: number[] = [];
    const counter = countSql(t.dataSource);
    try {
      for (const target of targets.slice(0, 6)) {
        const allowed = new Set(
          (await eligibility.loadForRead(t.dataSource.manager, target.id, staff[0]))
            .evaluateMany()
            .filter((v) => v.allowed)
            .map((v) => v.facts.staff.id),
        );
        for (const first of [3, 40]) {
          // The session's actor is cached for a few seconds: load it just before each count so all are alike.
          await t.gql.ok('{ me { id } }', {}, coordinator);
          counter.reset();
          const page = (await t.gql.ok(CANDIDATES, { shiftId: target.id, first }, coordinator)).replacementCandidates as Array<{ staffMemberId: string }>;
          counts.push(counter.count);
          expect(page).toHaveLength(Math.min(first, allowed.size));
          for (const c of page) expect(allowed.has(c.staffMemberId)).toBe(true);
        }
      }
    } finally {
      counter.stop();
    }
    // The shift (with its skills and its event's rules), the prefilter, the candidates' facts.
    expect(new Set(counts)).toEqual(new Set([3]));
  });
});
