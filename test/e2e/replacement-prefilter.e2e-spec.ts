import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const CANDIDATES = `query R($shiftId: ID!, $first: Int) { replacementCandidates(shiftId: $shiftId, first: $first) { staffMemberId displayName } }`;
const CHECK = `query C($shiftId: ID!, $staffMemberId: ID!) { checkAssignment(shiftId: $shiftId, staffMemberId: $staffMemberId) { allowed violations { rule } } }`;

/**
 * People who rank first but whose rolling 7 days would go over 48 h (which the SQL prefilter does
 * not measure) must not leave a page short: the service widens its pass until the page is full.
 */
describe('replacement candidates: a page stays full when the weekly maximum drops the best ranked', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let farVenue: VenueEntity;
  let team: TeamEntity;
  let otherTeam: TeamEntity;
  let target: ShiftEntity;
  let coordinator: string;
  const overworked: string[] = [];
  const borderline: string[] = [];
  const valid: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    event = await createEvent(t.dataSource);
    venue = await createVenue(t.dataSource, event.id, { city: 'Saint-Denis', zones: ['TECH'] });
    farVenue = await createVenue(t.dataSource, event.id, { city: 'Marseille', zones: ['TECH'] });
    team = await createTeam(t.dataSource, event.id);
    otherTeam = await createTeam(t.dataSource, event.id);
    const org = await createOrganisation(t.dataSource);
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('RADIO', 'Radio', 'radio') RETURNING id`))[0].id;
    coordinator = (
      await t.gql.ok(
        `mutation { login(input: { email: "${(await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }])).email}", password: "${TEST_PASSWORD}" }) { accessToken } }`,
      )
    ).login.accessToken;
    // 8 h on Sunday 28 July, 06:00-14:00 UTC; the default rules: 48 h in any 7 days, blocking.
    target = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z' },
    );
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 2)`, [target.id, skill]);

    const person = (name: string, best: boolean) =>
      createStaffMember(t.dataSource, event.id, org.id, {
        displayName: name,
        // The overworked rank first: same team, the shift's venue, more skill than needed.
        teamId: best ? team.id : otherTeam.id,
        homeVenueId: best ? venue.id : farVenue.id,
        accreditationZones: ['TECH'],
        skills: [{ skillId: skill, level: best ? 4 : 2 }],
      });
    // Two statements a person (the embedded database is slow at many small ones).
    const work = async (staffMemberId: string, hours: Array<[day: number, from: number, to: number]>) => {
      const at = (day: number, hour: number) => `2024-07-${day}T${String(hour).padStart(2, '0')}:00:00Z`;
      const shiftRows: Array<{ id: string }> = await t.dataSource.query(
        `INSERT INTO shifts (event_id, venue_id, team_id, role_title, starts_at, ends_at, headcount, status)
         SELECT $1, $2, $3, 'Radio', x.starts_at, x.ends_at, 4, 'PUBLISHED' FROM unnest($4::timestamptz[], $5::timestamptz[]) AS x(starts_at, ends_at)
         RETURNING id`,
        [event.id, farVenue.id, otherTeam.id, hours.map(([d, f]) => at(d, f)), hours.map(([d, , to]) => at(d, to))],
      );
      await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source)
         SELECT id, $2, $3, now(), now(), 'MANUAL' FROM unnest($1::uuid[]) AS id`,
        [shiftRows.map((r) => r.id), staffMemberId, event.id],
      );
    };
    // Three ways of having 48 h in 7 days touching the shift, none of them within the 3 days the
    // rest and daily checks read, so that only the weekly window refuses them.
    const heavy: Array<Array<[number, number, number]>> = [
      [
        [21, 8, 20],
        [22, 8, 20],
        [23, 8, 20],
        [24, 8, 20],
      ], // 48 h, and 2 h of the shift in the window from 21 July 08:00
      [
        [22, 6, 14],
        [23, 6, 14],
        [24, 6, 14],
        [25, 0, 12],
        [25, 14, 22],
      ], // 44 h + 8 h
      [
        [29, 12, 22],
        [30, 8, 22],
        [31, 8, 22],
        [30, 0, 4],
      ], // after the shift: 42 h + 8 h
    ];
    for (let i = 0; i < 24; i++) {
      const id = (await person(`Overworked ${String(i).padStart(2, '0')}`, true)).id;
      await work(id, heavy[i % heavy.length]);
      overworked.push(id);
    }
    // Exactly 48 h with the shift (22 to 29 July): allowed, the maximum is not exceeded.
    for (let i = 0; i < 3; i++) {
      const id = (await person(`Borderline ${i}`, true)).id;
      await work(id, [
        [22, 6, 14],
        [23, 6, 14],
        [24, 6, 14],
        [25, 6, 14],
        [26, 6, 14],
      ]);
      borderline.push(id);
    }
    for (let i = 0; i < 12; i++) {
      const id = (await person(`Valid ${String(i).padStart(2, '0')}`, false)).id;
      if (i % 2)
        await work(id, [
          [23, 6, 14],
          [30, 6, 14],
        ]);
      valid.push(id);
    }
  }, 300_000);
  afterAll(() => t?.close());

  it('fills a page of 10 with valid candidates although the 24 best ranked are over the weekly maximum', async () => {
    const page = (await t.gql.ok(CANDIDATES, { shiftId: target.id, first: 10 }, coordinator)).replacementCandidates as Array<{ staffMemberId: string }>;
    expect(page).toHaveLength(10);
    // The three borderline ones rank above every "Valid" one.
    expect(
      page
        .slice(0, 3)
        .map((c) => c.staffMemberId)
        .sort(),
    ).toEqual([...borderline].sort());
    for (const c of page) {
      expect(overworked).not.toContain(c.staffMemberId);
      const check = await t.gql.ok(CHECK, { shiftId: target.id, staffMemberId: c.staffMemberId }, coordinator);
      expect(check.checkAssignment).toEqual({ allowed: true, violations: [] });
    }
  });

  it('proposes exactly the people the rule engine allows', async () => {
    const all = (await t.gql.ok(CANDIDATES, { shiftId: target.id, first: 100 }, coordinator)).replacementCandidates as Array<{ staffMemberId: string }>;
    const verdicts = new Map<string, { allowed: boolean; violations: Array<{ rule: string }> }>();
    for (const id of [...overworked, ...borderline, ...valid]) {
      verdicts.set(id, (await t.gql.ok(CHECK, { shiftId: target.id, staffMemberId: id }, coordinator)).checkAssignment);
    }
    const allowed = [...verdicts].filter(([, v]) => v.allowed).map(([id]) => id);
    expect(all.map((c) => c.staffMemberId).sort()).toEqual(allowed.sort());
    expect(allowed.sort()).toEqual([...borderline, ...valid].sort());
    // And the others are refused for the weekly maximum alone.
    for (const id of overworked) expect(verdicts.get(id)!.violations.map((v) => v.rule)).toEqual(['MAX_WEEKLY']);
  });
});
