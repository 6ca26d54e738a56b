import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { createEvent, createTeam, createVenue } from '../factories/events';
import { tokenFor } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE_SHIFT = `mutation C($input: CreateShiftInput!) { createShift(input: $input) { id startsAt endsAt } }`;
const CREATE_EVENT = `mutation E($input: CreateEventInput!) { createEvent(input: $input) { id startsOn endsOn } }`;
const PATTERN = `mutation P($input: ShiftPatternInput!) { createShiftsFromPattern(input: $input) { count } }`;

/** Times and days as a hostile or careless client sends them: every one refused by the scalar, nothing written. */
describe('DateTime and LocalDate inputs', () => {
  let t: TestApp;
  let admin: string;
  let event: EventEntity;
  let venue: VenueEntity;
  let team: TeamEntity;
  const shiftCount = () => t.dataSource.getRepository(ShiftEntity).countBy({ eventId: event.id });
  const eventCount = () => t.dataSource.getRepository(EventEntity).count();
  const shiftInput = (times: Record<string, unknown>) => ({
    eventId: event.id,
    venueId: venue.id,
    teamId: team.id,
    roleTitle: 'Timing operator',
    headcount: 2,
    startsAt: '2027-01-05T10:00:00Z',
    endsAt: '2027-01-05T18:00:00Z',
    ...times,
  });

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    venue = await createVenue(t.dataSource, event.id);
    team = await createTeam(t.dataSource, event.id);
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  it('reads a time with its offset as the instant it names and answers in UTC with Z', async () => {
    const { createShift } = await t.gql.ok(
      CREATE_SHIFT,
      { input: shiftInput({ startsAt: '2027-01-05T10:00:00+01:00', endsAt: '2027-01-05T18:30:00.250-05:00' }) },
      admin,
    );
    expect(createShift).toMatchObject({ startsAt: '2027-01-05T09:00:00.000Z', endsAt: '2027-01-05T23:30:00.250Z' });
    const stored = await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: createShift.id });
    expect(stored.startsAt.toISOString()).toBe('2027-01-05T09:00:00.000Z');
  });

  it.each([
    ['true', true, 'dateTimeType'],
    ['false', false, 'dateTimeType'],
    ['Unix seconds', 1_799_143_200, 'dateTimeType'],
    ['an array', ['2027-01-05T10:00:00Z'], 'dateTimeType'],
    ['a venue-local time without an offset', '2027-01-05T10:00', 'dateTimeFormat'],
    ['a US date', '01/05/2027 10:00', 'dateTimeFormat'],
    ['30 February', '2027-02-30T10:00:00Z', 'dateTimeCalendar'],
    ['31 April', '2027-04-31T10:00:00Z', 'dateTimeCalendar'],
    ['a leap second', '2027-01-05T23:59:60Z', 'leapSecond'],
    ['year +275760', '+275760-09-13T00:00:00Z', 'dateTimeFormat'],
    ['year 1899', '1899-12-31T10:00:00Z', 'dateTimeRange'],
  ])('refuses %s as startsAt, naming the field, and writes nothing', async (_, startsAt, constraint) => {
    const before = await shiftCount();
    const result = await t.gql.request(CREATE_SHIFT, { input: shiftInput({ startsAt }) }, admin);
    expect(result.data ?? undefined).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'startsAt', message: expect.stringContaining('DateTime'), constraint }],
    });
    expect(await shiftCount()).toBe(before);
  });

  it('refuses the same nonsense written inline, naming the argument path', async () => {
    const inline = (startsAt: string) => `mutation {
      createShift(input: { eventId: "${event.id}", venueId: "${venue.id}", teamId: "${team.id}", roleTitle: "Timing", headcount: 1,
                           startsAt: ${startsAt}, endsAt: "2027-01-05T18:00:00Z" }) { id }
    }`;
    for (const [literal, constraint] of [
      ['true', 'dateTimeType'],
      ['1799143200', 'dateTimeType'],
      ['"2027-01-05T10:00"', 'dateTimeFormat'],
      ['"2027-02-30T10:00:00Z"', 'dateTimeCalendar'],
    ]) {
      const error = await t.gql.error(inline(literal), {}, admin);
      expect([literal, error.extensions]).toEqual([
        literal,
        { code: 'BAD_USER_INPUT', fields: [{ field: 'startsAt', message: expect.any(String), constraint }] },
      ]);
    }
    expect(await shiftCount()).toBe(1);
  });

  it('refuses a bad time in a query argument in the scalar, before any SQL', async () => {
    const sql = countSql(t.dataSource);
    try {
      const inline = await t.gql.error(`{ myShifts(from: "garbage") { id } }`, {}, admin);
      expect(inline.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'from', constraint: 'dateTimeFormat' }] });
      const variable = await t.gql.error(`query M($to: DateTime) { myShifts(to: $to) { id } }`, { to: '2027-13-01T00:00:00Z' }, admin);
      expect(variable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to', constraint: 'dateTimeCalendar' }] });
      const filter = await t.gql.error(
        `query S($e: ID!, $f: ShiftFilterInput) { shifts(eventId: $e, filter: $f) { totalCount } }`,
        { e: event.id, f: { from: 12 } },
        admin,
      );
      expect(filter.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'f.from', constraint: 'dateTimeType' }] });
      // Refused before the guard even loads the caller: PostgreSQL never sees the value.
      expect(sql.count).toBe(0);
    } finally {
      sql.stop();
    }
  });

  it.each([
    ['30 February', '2027-02-30', 'localDateCalendar'],
    ['an unpadded date', '2027-2-3', 'localDateFormat'],
    ['a number', 20270203, 'localDateType'],
    ['a date-time', '2027-02-03T00:00:00Z', 'localDateFormat'],
    ['year 0000', '0000-01-01', 'localDateRange'],
  ])('refuses %s as an event start day and writes nothing', async (_, startsOn, constraint) => {
    const before = await eventCount();
    const input = { code: 'LA28', name: 'Los Angeles 2028', timeZone: 'America/Los_Angeles', startsOn, endsOn: '2028-07-30' };
    const error = await t.gql.error(CREATE_EVENT, { input }, admin);
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'startsOn', message: expect.stringContaining('LocalDate'), constraint }] });
    expect(await eventCount()).toBe(before);
  });

  it('refuses nonsense local days and wall-clock times in a shift pattern', async () => {
    const pattern = (overrides: Record<string, unknown>) => ({
      eventId: event.id,
      venueId: venue.id,
      teamId: team.id,
      roleTitle: 'Network',
      headcount: 1,
      startTime: '07:00',
      endTime: '15:00',
      fromDate: '2027-01-05',
      toDate: '2027-01-06',
      ...overrides,
    });
    const before = await shiftCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ fromDate: '2027-02-30' }, 'fromDate'],
      [{ toDate: '2027-01-06T00:00:00Z' }, 'toDate'],
      [{ startTime: '24:00' }, 'startTime'],
      [{ startTime: '7:00' }, 'startTime'],
      [{ endTime: '15:00:00' }, 'endTime'],
      [{ endTime: '15:00+01:00' }, 'endTime'],
    ];
    for (const [overrides, field] of cases) {
      const error = await t.gql.error(PATTERN, { input: pattern(overrides) }, admin);
      expect([overrides, error.extensions?.code, (error.extensions?.fields as Array<{ field: string }>).map((f) => f.field)]).toEqual([
        overrides,
        'BAD_USER_INPUT',
        [field],
      ]);
    }
    expect(await shiftCount()).toBe(before);
  });
});
