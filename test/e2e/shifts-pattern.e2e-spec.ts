import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { SkillEntity } from '@baton/skills';
import { createEventWorld } from '../factories/event-world';
import { createSkill } from '../factories/skills';
import { startTestApp, TestApp } from '../utils/test-app';

const PATTERN = `mutation P($input: ShiftPatternInput!) {
  createShiftsFromPattern(input: $input) { count shifts { id venueId startsAt endsAt status headcount requiredSkills { skillId minLevel } } } }`;

describe('createShiftsFromPattern: local days and times at the venue', () => {
  let t: TestApp;
  let event: EventEntity;
  let paris: VenueEntity;
  let teahupoo: VenueEntity;
  let team: TeamEntity;
  let skill: SkillEntity;
  let admin: string;
  let venueCoordinator: string;
  let staff: string;

  const input = (overrides: Record<string, unknown> = {}) => ({
    eventId: event.id,
    venueId: paris.id,
    teamId: team.id,
    roleTitle: 'Results operator',
    startTime: '07:00',
    endTime: '15:00',
    fromDate: '2024-10-25',
    toDate: '2024-10-28',
    headcount: 4,
    ...overrides,
  });
  const times = (result: any) => result.createShiftsFromPattern.shifts.map((s: any) => [s.startsAt, s.endsAt]);
  const shiftCount = () => t.dataSource.getRepository(ShiftEntity).countBy({ eventId: event.id });

  beforeAll(async () => {
    t = await startTestApp();
    // The world's other venue is Teahupo'o, the only venue of its `elsewhere` coordinator.
    const world = await createEventWorld(t, {
      venue: { timeZone: 'Europe/Paris' },
      otherVenue: { name: "Teahupo'o", city: "Teahupo'o", timeZone: 'Pacific/Tahiti' },
    });
    ({ event, venue: paris, otherVenue: teahupoo, team } = world);
    ({ admin, elsewhere: venueCoordinator, staff } = world.tokens);
    skill = await createSkill(t.dataSource);
  });
  afterAll(() => t?.close());

  it('keeps 07:00-15:00 local in Paris across the end of summer time (27 October 2024)', async () => {
    const result = await t.gql.ok(PATTERN, { input: input({ requiredSkills: [{ skillId: skill.id, minLevel: 2 }] }) }, admin);
    expect(result.createShiftsFromPattern.count).toBe(4);
    expect(times(result)).toEqual([
      ['2024-10-25T05:00:00.000Z', '2024-10-25T13:00:00.000Z'],
      ['2024-10-26T05:00:00.000Z', '2024-10-26T13:00:00.000Z'],
      ['2024-10-27T06:00:00.000Z', '2024-10-27T14:00:00.000Z'],
      ['2024-10-28T06:00:00.000Z', '2024-10-28T14:00:00.000Z'],
    ]);
    for (const shift of result.createShiftsFromPattern.shifts) {
      expect(shift).toMatchObject({ status: 'DRAFT', headcount: 4, requiredSkills: [{ skillId: skill.id, minLevel: 2 }] });
    }
  });

  it('ends an overnight shift (22:00-06:00) on the next local day', async () => {
    const result = await t.gql.ok(PATTERN, { input: input({ startTime: '22:00', endTime: '06:00', fromDate: '2024-07-26', toDate: '2024-07-27' }) }, admin);
    expect(times(result)).toEqual([
      ['2024-07-26T20:00:00.000Z', '2024-07-27T04:00:00.000Z'],
      ['2024-07-27T20:00:00.000Z', '2024-07-28T04:00:00.000Z'],
    ]);
  });

  it("reads the times at Teahupo'o in Pacific/Tahiti (07:00 local = 17:00Z), for a coordinator of that venue, published at once", async () => {
    const result = await t.gql.ok(
      PATTERN,
      { input: input({ venueId: teahupoo.id, fromDate: '2024-07-27', toDate: '2024-07-30', publish: true }) },
      venueCoordinator,
    );
    expect(times(result)[0]).toEqual(['2024-07-27T17:00:00.000Z', '2024-07-28T01:00:00.000Z']);
    expect(result.createShiftsFromPattern.shifts.map((s: any) => s.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
  });

  it('keeps only the chosen weekdays, returns the first 50 of a long range, and is audited once', async () => {
    const weekends = await t.gql.ok(PATTERN, { input: input({ fromDate: '2024-07-01', toDate: '2024-07-14', weekdays: [6, 7] }) }, admin);
    expect(times(weekends).map(([start]: string[]) => start.slice(0, 10))).toEqual(['2024-07-06', '2024-07-07', '2024-07-13', '2024-07-14']);

    const long = await t.gql.ok(PATTERN, { input: input({ roleTitle: 'Long run', fromDate: '2024-07-01', toDate: '2024-08-29' }) }, admin);
    expect(long.createShiftsFromPattern.count).toBe(60);
    expect(long.createShiftsFromPattern.shifts).toHaveLength(50);
    expect(await t.dataSource.getRepository(ShiftEntity).countBy({ eventId: event.id, roleTitle: 'Long run' })).toBe(60);
    const audit = await t.gql.ok(
      `{ auditLog(filter: { eventId: "${event.id}", action: "shift.bulk_created" }) { edges { node { entityType after } } } }`,
      {},
      admin,
    );
    const entry = audit.auditLog.edges.map((e: any) => e.node).find((n: any) => n.after.pattern.roleTitle === 'Long run');
    expect(entry).toMatchObject({ entityType: 'shift', after: { count: 60, pattern: { startTime: '07:00', endTime: '15:00', timeZone: 'Europe/Paris' } } });
  });

  it.each([
    ['more than 60 days', { fromDate: '2024-07-01', toDate: '2024-08-30' }, 'toDate'],
    ['dates in the wrong order', { fromDate: '2024-07-10', toDate: '2024-07-01' }, 'toDate'],
    // Refused by the LocalDate scalar itself, before the resolver: no field list, still BAD_USER_INPUT.
    ['an impossible date', { fromDate: '2024-02-30' }, null],
    ['a badly written time', { startTime: '7h' }, 'startTime'],
    ['a weekday 8', { weekdays: [8] }, 'weekdays'],
    ['weekdays that select no day', { fromDate: '2024-07-01', toDate: '2024-07-02', weekdays: [6] }, 'weekdays'],
    ['a headcount of 0', { headcount: 0 }, 'headcount'],
    ['an unknown skill', { requiredSkills: [{ skillId: '00000000-0000-4000-8000-000000000000', minLevel: 1 }] }, 'requiredSkills'],
  ])('refuses %s (%j), naming %s, and creates nothing', async (_what, change, field) => {
    const before = await shiftCount();
    const error = await t.gql.error(PATTERN, { input: input(change) }, admin);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...(field ? { fields: [expect.objectContaining({ field })] } : {}) });
    expect(await shiftCount()).toBe(before);
  });

  it('is refused to a coordinator of another venue, to staff and to anonymous', async () => {
    const before = await shiftCount();
    expect((await t.gql.error(PATTERN, { input: input() }, venueCoordinator)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(PATTERN, { input: input() }, staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(PATTERN, { input: input() })).extensions?.code).toBe('UNAUTHENTICATED');
    expect(await shiftCount()).toBe(before);
  });
});
