import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const COVERAGE = `query C($eventId: ID!, $venueIds: [ID!], $teamIds: [ID!], $from: DateTime!, $to: DateTime!, $bucket: CoverageBucket) {
  coverage(eventId: $eventId, venueIds: $venueIds, teamIds: $teamIds, from: $from, to: $to, bucket: $bucket) {
    eventId bucket timeZone from to gapsTruncated
    cells { venueId teamId bucketStart bucketEnd required assigned checkedIn gap }
    gaps { shiftId venueId teamId roleTitle startsAt endsAt headcount assigned missing }
    totals { required assigned checkedIn gap }
  }
}`;

interface Cell {
  venueId: string;
  teamId: string;
  bucketStart: string;
  bucketEnd: string;
  required: number;
  assigned: number;
  checkedIn: number;
  gap: number;
}

const iso = (s: string) => new Date(s).toISOString();
const byKey = (a: Cell, b: Cell) => (a.venueId + a.teamId + a.bucketStart < b.venueId + b.teamId + b.bucketStart ? -1 : 1);

describe('coverage: required, assigned and checked-in places per venue, team and bucket', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let teamX: TeamEntity;
  let teamY: TeamEntity;
  let org: OrganisationEntity;
  const tokens: Record<string, string> = {};
  const shifts: Record<string, ShiftEntity> = {};

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  const cell = (venue: VenueEntity, team: TeamEntity, start: string, end: string, required: number, assigned: number, checkedIn: number): Cell => ({
    venueId: venue.id,
    teamId: team.id,
    bucketStart: iso(start),
    bucketEnd: iso(end),
    required,
    assigned,
    checkedIn,
    gap: Math.max(0, required - assigned),
  });
  /** Puts people on a shift straight in the database (the triggers fill times and counts); returns the assignment ids. */
  const staff = async (shift: ShiftEntity, statuses: string[]) => {
    const ids: string[] = [];
    for (const status of statuses) {
      const member = await createStaffMember(t.dataSource, shift.eventId, org.id);
      const [row] = await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status) VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4) RETURNING id`,
        [shift.id, member.id, shift.eventId, status],
      );
      ids.push(row.id);
    }
    return ids;
  };
  const checkIn = (assignmentId: string) => t.dataSource.query(`UPDATE assignments SET checked_in_at = starts_at WHERE id = $1`, [assignmentId]);
  const coverage = (token: string, vars: Record<string, unknown>) => t.gql.ok(COVERAGE, { eventId: event.id, ...vars }, token).then((d) => d.coverage);

  beforeAll(async () => {
    // Rows are written straight in the database here, past the change messages that drop cached
    // boards: every read computes afresh (coverage-cache.e2e-spec covers the cache).
    t = await startTestApp({ now: '2024-07-20T08:00:00Z', env: { COVERAGE_CACHE_SECONDS: '0' } });
    event = await createEvent(t.dataSource, { timeZone: 'Europe/Paris' });
    otherEvent = await createEvent(t.dataSource);
    venueA = await createVenue(t.dataSource, event.id);
    venueB = await createVenue(t.dataSource, event.id);
    teamX = await createTeam(t.dataSource, event.id);
    teamY = await createTeam(t.dataSource, event.id);
    org = await createOrganisation(t.dataSource);
    const at = (venue: VenueEntity, team: TeamEntity) => ({ eventId: event.id, venueId: venue.id, teamId: team.id });

    // 27 July (UTC), the window of the hourly tests is 06:00-12:00.
    shifts.s1 = await createShift(t.dataSource, at(venueA, teamX), { startsAt: '2024-07-27T06:30:00Z', endsAt: '2024-07-27T09:30:00Z', headcount: 4 });
    shifts.s2 = await createShift(t.dataSource, at(venueA, teamX), { startsAt: '2024-07-27T08:00:00Z', endsAt: '2024-07-27T10:00:00Z', headcount: 2 });
    shifts.cancelled = await createShift(t.dataSource, at(venueA, teamX), {
      startsAt: '2024-07-27T07:00:00Z',
      endsAt: '2024-07-27T11:00:00Z',
      headcount: 5,
      status: ShiftStatus.CANCELLED,
    });
    shifts.draft = await createShift(t.dataSource, at(venueA, teamX), {
      startsAt: '2024-07-27T07:00:00Z',
      endsAt: '2024-07-27T11:00:00Z',
      headcount: 5,
      status: ShiftStatus.DRAFT,
    });
    shifts.s5 = await createShift(t.dataSource, at(venueB, teamX), { startsAt: '2024-07-27T05:00:00Z', endsAt: '2024-07-27T07:00:00Z', headcount: 3 });
    shifts.s6 = await createShift(t.dataSource, at(venueA, teamY), {
      startsAt: '2024-07-27T11:30:00Z',
      endsAt: '2024-07-27T13:00:00Z',
      headcount: 1,
      roleTitle: 'Radio',
    });
    shifts.after = await createShift(t.dataSource, at(venueA, teamX), { startsAt: '2024-07-27T12:00:00Z', endsAt: '2024-07-27T14:00:00Z', headcount: 2 });
    shifts.otherEvent = await createShift(
      t.dataSource,
      { eventId: otherEvent.id, venueId: (await createVenue(t.dataSource, otherEvent.id)).id, teamId: (await createTeam(t.dataSource, otherEvent.id)).id },
      { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T12:00:00Z' },
    );

    const [s1a] = await staff(shifts.s1, ['ASSIGNED', 'CONFIRMED', 'ASSIGNED', 'DECLINED', 'CANCELLED']);
    const [, s2b] = await staff(shifts.s2, ['CONFIRMED', 'ASSIGNED']);
    await staff(shifts.s6, ['ASSIGNED']);
    const [declined] = await t.dataSource.query(`SELECT id FROM assignments WHERE shift_id = $1 AND status = 'DECLINED'`, [shifts.s1.id]);
    // One checked in on each shift; a declined person who checked in anyway counts for nothing.
    for (const id of [s1a, s2b, declined.id]) await checkIn(id);

    const users = {
      admin: await createUser(t.dataSource, [{ role: Role.ADMIN }]),
      coordinator: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }]),
      venueA: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id] }]),
      teamY: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id, teamIds: [teamY.id] }]),
      crossed: await createUser(t.dataSource, [
        { role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id], teamIds: [teamY.id] },
        { role: Role.COORDINATOR, eventId: event.id, venueIds: [venueB.id], teamIds: [teamX.id] },
      ]),
      otherEvent: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: otherEvent.id }]),
      staff: await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }]),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await login(user.email);
  });
  afterAll(() => t?.close());

  const HOURLY = { from: '2024-07-27T06:20:00Z', to: '2024-07-27T12:00:00Z' };
  const hourlyCells = () =>
    [
      cell(venueA, teamX, '2024-07-27T06:00Z', '2024-07-27T07:00Z', 4, 3, 1),
      cell(venueA, teamX, '2024-07-27T07:00Z', '2024-07-27T08:00Z', 4, 3, 1),
      cell(venueA, teamX, '2024-07-27T08:00Z', '2024-07-27T09:00Z', 6, 5, 2),
      cell(venueA, teamX, '2024-07-27T09:00Z', '2024-07-27T10:00Z', 6, 5, 2),
      cell(venueB, teamX, '2024-07-27T06:00Z', '2024-07-27T07:00Z', 3, 0, 0),
      cell(venueA, teamY, '2024-07-27T11:00Z', '2024-07-27T12:00Z', 1, 1, 0),
    ].sort(byKey);

  it('counts every shift in each hour it overlaps; cancelled and draft shifts, other events and inactive assignments count for nothing', async () => {
    const result = await coverage(tokens.admin, HOURLY);
    expect(result).toMatchObject({
      eventId: event.id,
      bucket: 'HOUR',
      timeZone: 'Europe/Paris',
      from: iso('2024-07-27T06:00Z'),
      to: iso('2024-07-27T12:00Z'),
      gapsTruncated: false,
    });
    // Ordered by venue, team, then time.
    expect(result.cells).toEqual(hourlyCells());
    // Each shift once: s1 (4, 3 active, 1 in), s2 (2, 2, 1), s5 (3, 0), s6 (1, 1).
    expect(result.totals).toEqual({ required: 10, assigned: 6, checkedIn: 2, gap: 4 });
    expect(result.gaps).toEqual([
      {
        shiftId: shifts.s5.id,
        venueId: venueB.id,
        teamId: teamX.id,
        roleTitle: 'Network technician',
        startsAt: iso('2024-07-27T05:00Z'),
        endsAt: iso('2024-07-27T07:00Z'),
        headcount: 3,
        assigned: 0,
        missing: 3,
      },
      {
        shiftId: shifts.s1.id,
        venueId: venueA.id,
        teamId: teamX.id,
        roleTitle: 'Network technician',
        startsAt: iso('2024-07-27T06:30Z'),
        endsAt: iso('2024-07-27T09:30Z'),
        headcount: 4,
        assigned: 3,
        missing: 1,
      },
    ]);
  });

  it('bucket HOUR is the default; FOUR_HOURS blocks start at `from` rounded down to the hour', async () => {
    expect((await coverage(tokens.coordinator, { ...HOURLY, bucket: undefined })).cells).toEqual(hourlyCells());
    const blocks = await coverage(tokens.coordinator, { from: '2024-07-27T06:00:00Z', to: '2024-07-27T14:00:00Z', bucket: 'FOUR_HOURS' });
    expect(blocks.cells).toEqual(
      [
        cell(venueA, teamX, '2024-07-27T06:00Z', '2024-07-27T10:00Z', 6, 5, 2),
        cell(venueA, teamX, '2024-07-27T10:00Z', '2024-07-27T14:00Z', 2, 0, 0),
        cell(venueB, teamX, '2024-07-27T06:00Z', '2024-07-27T10:00Z', 3, 0, 0),
        cell(venueA, teamY, '2024-07-27T10:00Z', '2024-07-27T14:00Z', 1, 1, 0),
      ].sort(byKey),
    );
    expect(blocks.totals).toEqual({ required: 12, assigned: 6, checkedIn: 2, gap: 6 });
  });

  it('lists as gaps only shifts not over yet (now is 20 July 08:00Z), by start then most places missing', async () => {
    const at = { eventId: event.id, venueId: venueB.id, teamId: teamY.id };
    const over = await createShift(t.dataSource, at, { startsAt: '2024-07-20T05:00:00Z', endsAt: '2024-07-20T08:00:00Z', headcount: 2 });
    const running = await createShift(t.dataSource, at, { startsAt: '2024-07-20T07:00:00Z', endsAt: '2024-07-20T09:00:00Z', headcount: 2 });
    const bigger = await createShift(t.dataSource, at, { startsAt: '2024-07-20T07:00:00Z', endsAt: '2024-07-20T09:00:00Z', headcount: 3 });
    const full = await createShift(t.dataSource, at, { startsAt: '2024-07-20T06:00:00Z', endsAt: '2024-07-20T09:00:00Z', headcount: 1 });
    await staff(full, ['ASSIGNED']);
    const result = await coverage(tokens.admin, { from: '2024-07-20T04:00:00Z', to: '2024-07-20T10:00:00Z' });
    expect(result.gaps.map((g: { shiftId: string; missing: number }) => [g.shiftId, g.missing])).toEqual([
      [bigger.id, 3],
      [running.id, 2],
    ]);
    // The shift that is over still counts in its cells and in the totals.
    expect(result.totals).toEqual({ required: 8, assigned: 1, checkedIn: 0, gap: 7 });
    expect(result.cells.find((c: Cell) => c.bucketStart === iso('2024-07-20T05:00Z'))).toMatchObject({ required: 2, gap: 2 });
    expect(result.gaps.map((g: { shiftId: string }) => g.shiftId)).not.toContain(over.id);
  });

  it("cuts DAY buckets at midnight in the event's time zone: 23:30-01:30 in Paris counts on both days; 27 October lasts 25 hours", async () => {
    const at = { eventId: event.id, venueId: venueB.id, teamId: teamY.id };
    const night = await createShift(t.dataSource, at, { startsAt: '2024-08-02T23:30:00+02:00', endsAt: '2024-08-03T01:30:00+02:00', headcount: 3 });
    await createShift(t.dataSource, at, { startsAt: '2024-08-03T10:00:00+02:00', endsAt: '2024-08-03T12:00:00+02:00', headcount: 2 });
    const [inNight] = await staff(night, ['CONFIRMED']);
    await checkIn(inNight);
    const days = await coverage(tokens.admin, { from: '2024-08-02T09:00:00+02:00', to: '2024-08-04T00:00:00+02:00', bucket: 'DAY' });
    expect(days).toMatchObject({ timeZone: 'Europe/Paris', from: iso('2024-08-01T22:00Z'), to: iso('2024-08-03T22:00Z') });
    expect(days.cells).toEqual([
      cell(venueB, teamY, '2024-08-01T22:00Z', '2024-08-02T22:00Z', 3, 1, 1),
      cell(venueB, teamY, '2024-08-02T22:00Z', '2024-08-03T22:00Z', 5, 1, 1),
    ]);
    expect(days.totals).toEqual({ required: 5, assigned: 1, checkedIn: 1, gap: 4 });
    // In UTC the night shift (21:30-23:30Z) is all on 2 August: hours are absolute, days are local.
    const hours = await coverage(tokens.admin, { from: '2024-08-02T21:00:00Z', to: '2024-08-03T00:00:00Z' });
    expect(hours.cells.map((c: Cell) => c.bucketStart)).toEqual([iso('2024-08-02T21:00Z'), iso('2024-08-02T22:00Z'), iso('2024-08-02T23:00Z')]);

    await createShift(t.dataSource, at, { startsAt: '2024-10-27T12:00:00Z', endsAt: '2024-10-27T14:00:00Z', headcount: 1 });
    const autumn = await coverage(tokens.admin, { from: '2024-10-27T00:00:00+02:00', to: '2024-10-28T00:00:00+01:00', bucket: 'DAY' });
    expect(autumn.cells).toEqual([cell(venueB, teamY, '2024-10-26T22:00Z', '2024-10-27T23:00Z', 1, 0, 0)]);
  });

  it('gives a venue-limited coordinator only their venues, even when asking for more, and refuses asking only for others', async () => {
    const mine = hourlyCells().filter((c) => c.venueId === venueA.id);
    expect((await coverage(tokens.venueA, HOURLY)).cells).toEqual(mine);
    const asked = await coverage(tokens.venueA, { ...HOURLY, venueIds: [venueA.id, venueB.id] });
    expect(asked.cells).toEqual(mine);
    expect(asked.totals).toEqual({ required: 7, assigned: 6, checkedIn: 2, gap: 1 });
    expect(asked.gaps.map((g: { shiftId: string }) => g.shiftId)).toEqual([shifts.s1.id]);
    expect((await t.gql.error(COVERAGE, { eventId: event.id, ...HOURLY, venueIds: [venueB.id] }, tokens.venueA)).extensions?.code).toBe('FORBIDDEN');
    // Team-limited the same way; admins and event-wide coordinators may narrow to what they like.
    expect((await coverage(tokens.teamY, HOURLY)).cells).toEqual(hourlyCells().filter((c) => c.teamId === teamY.id));
    expect((await t.gql.error(COVERAGE, { eventId: event.id, ...HOURLY, teamIds: [teamX.id] }, tokens.teamY)).extensions?.code).toBe('FORBIDDEN');
    expect((await coverage(tokens.coordinator, { ...HOURLY, venueIds: [venueB.id], teamIds: [teamX.id] })).cells).toEqual(
      hourlyCells().filter((c) => c.venueId === venueB.id),
    );
    expect((await coverage(tokens.admin, { ...HOURLY, venueIds: [venueB.id], teamIds: [teamY.id] })).cells).toEqual([]);
  });

  it('counts grant by grant: (venue A, team Y) and (venue B, team X) never show venue A with team X', async () => {
    const allowed = hourlyCells().filter((c) => (c.venueId === venueA.id && c.teamId === teamY.id) || (c.venueId === venueB.id && c.teamId === teamX.id));
    expect(allowed.length).toBeGreaterThan(0);
    const board = await coverage(tokens.crossed, HOURLY);
    expect(board.cells).toEqual(allowed);
    expect(board.gaps.map((g: { shiftId: string }) => g.shiftId)).not.toContain(shifts.s1.id);
    // Asking for both venues and both teams (each inside the union) still gives only the pairs.
    expect((await coverage(tokens.crossed, { ...HOURLY, venueIds: [venueA.id, venueB.id], teamIds: [teamX.id, teamY.id] })).cells).toEqual(allowed);
    // Someone with the whole event next to them is not served that narrower board from the cache, nor the other way round.
    expect((await coverage(tokens.coordinator, HOURLY)).cells).toEqual(hourlyCells());
  });

  it('refuses staff, coordinators of another event and anonymous callers; an unknown event is NOT_FOUND for an admin', async () => {
    const vars = { eventId: event.id, ...HOURLY };
    expect((await t.gql.error(COVERAGE, vars, tokens.staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(COVERAGE, vars, tokens.otherEvent)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(COVERAGE, vars)).extensions?.code).toBe('UNAUTHENTICATED');
    const missing = await t.gql.error(COVERAGE, { ...vars, eventId: '00000000-0000-4000-8000-000000000000' }, tokens.admin);
    expect(missing.extensions?.code).toBe('NOT_FOUND');
  });

  it('validates the window (naming `to`) and the ids', async () => {
    const bad = (vars: Record<string, unknown>) => t.gql.error(COVERAGE, { eventId: event.id, ...vars }, tokens.coordinator).then((e) => e.extensions);
    expect(await bad({ from: '2024-07-27T12:00:00Z', to: '2024-07-27T12:00:00Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', constraint: 'order' }],
    });
    expect(await bad({ from: '2024-07-01T00:00:00Z', to: '2024-08-01T00:00:01Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', constraint: 'maxWindow' }],
    });
    expect(await bad({ from: '2024-07-01T00:00:00Z', to: '2024-09-01T00:00:01Z', bucket: 'DAY' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to', constraint: 'maxWindow' }],
    });
    expect(await bad({ from: '2024-07-01T00:00:00Z', to: '2024-09-01T00:00:01Z', bucket: 'FOUR_HOURS' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'to' }],
    });
    expect(await bad({ ...HOURLY, venueIds: ['not-a-uuid'] })).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'venueIds' }] });
    // The limits themselves are accepted: 31 days of hours, 62 days of days.
    await coverage(tokens.coordinator, { from: '2024-07-01T00:00:00Z', to: '2024-08-01T00:00:00Z' });
    await coverage(tokens.coordinator, { from: '2024-07-01T00:00:00Z', to: '2024-09-01T00:00:00Z', bucket: 'DAY' });
  });

  it('answers in the same statements for 6 shifts or 120', async () => {
    const window = { from: '2024-08-10T00:00:00Z', to: '2024-08-12T00:00:00Z' };
    const measure = async () => {
      // The session's actor is cached for a few seconds: load it just before each count so both are alike.
      await t.gql.ok('{ me { id } }', {}, tokens.admin);
      const counter = countSql(t.dataSource);
      try {
        const result = await coverage(tokens.admin, window);
        return {
          count: counter.count,
          coverageStatements: counter.statements.filter((s) => s.startsWith('/* coverage */')).length,
          cells: result.cells.length,
        };
      } finally {
        counter.stop();
      }
    };
    const add = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const venue = i % 2 ? venueA : venueB;
        const start = Date.parse('2024-08-10T00:00:00Z') + (i % 40) * 3_600_000;
        const shift = await createShift(
          t.dataSource,
          { eventId: event.id, venueId: venue.id, teamId: i % 3 ? teamX.id : teamY.id },
          { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 4 * 3_600_000).toISOString(), headcount: 2 },
        );
        await staff(shift, ['ASSIGNED']);
      }
    };
    await add(6);
    const few = await measure();
    await add(114);
    const many = await measure();
    expect(many.cells).toBeGreaterThan(few.cells);
    expect(few.coverageStatements).toBe(1);
    expect(many.coverageStatements).toBe(1);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(3); // the coverage statement, plus what signing in costs
  });
});
