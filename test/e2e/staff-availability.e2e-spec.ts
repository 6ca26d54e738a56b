import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { AvailabilityPeriodEntity, StaffMemberEntity } from '@baton/staff';
import { createEvent } from '../factories/events';
import { createEventWorld } from '../factories/event-world';
import { createStaffMember } from '../factories/staff';
import { startTestApp, TestApp } from '../utils/test-app';

type Who = 'anonymous' | 'admin' | 'coordinator' | 'venueCoordinator' | 'staff' | 'colleague' | 'otherStaff' | 'twoEvents';

describe('availability', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let team: TeamEntity;
  /** The `staff` user's record (venue A); the colleague's record is at venue B. */
  let mine: StaffMemberEntity;
  let colleague: StaffMemberEntity;
  /** No token for `anonymous`. */
  let tokens: Partial<Record<Who, string>>;
  let users: Record<Exclude<Who, 'anonymous'>, string>;

  const as = (who: Who, query: string, variables: Record<string, unknown> = {}) => t.gql.request(query, variables, tokens[who]);
  const code = async (who: Who, query: string, variables: Record<string, unknown> = {}) =>
    (await as(who, query, variables)).errors?.[0]?.extensions?.code ?? 'OK';
  const ADD = `mutation($input: AddAvailabilityInput!) { addAvailability(input: $input) { id staffMemberId kind startsAt endsAt note } }`;
  const period = (overrides: Record<string, unknown> = {}) => ({
    kind: 'UNAVAILABLE',
    startsAt: '2024-07-10T08:00:00.000Z',
    endsAt: '2024-07-10T18:00:00.000Z',
    note: 'exam',
    ...overrides,
  });
  const periodsOf = (staffMemberId: string) => t.dataSource.getRepository(AvailabilityPeriodEntity).countBy({ staffMemberId });
  const auditCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM audit_entries WHERE entity_type = 'availability_period'`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    otherEvent = await createEvent(t.dataSource);
    const world = await createEventWorld(t, {
      people: ({ eventId, venueId }) => ({
        venueCoordinator: [{ role: Role.COORDINATOR, eventId, venueIds: [venueId] }],
        colleague: [{ role: Role.STAFF, eventId }],
        otherStaff: [{ role: Role.STAFF, eventId: otherEvent.id }],
        twoEvents: [
          { role: Role.STAFF, eventId },
          { role: Role.STAFF, eventId: otherEvent.id },
        ],
      }),
    });
    ({ event, venue: venueA, otherVenue: venueB, team, tokens } = world);
    const org = world.org;
    users = Object.fromEntries(Object.entries(world.users).map(([who, user]) => [who, user.id])) as typeof users;
    mine = await createStaffMember(t.dataSource, event.id, org.id, { teamId: team.id, homeVenueId: venueA.id, userId: users.staff });
    colleague = await createStaffMember(t.dataSource, event.id, org.id, { teamId: team.id, homeVenueId: venueB.id, userId: users.colleague });
    await createStaffMember(t.dataSource, otherEvent.id, org.id, { userId: users.otherStaff });
    await createStaffMember(t.dataSource, event.id, org.id, { userId: users.twoEvents });
    await createStaffMember(t.dataSource, otherEvent.id, org.id, { userId: users.twoEvents });
  });
  afterAll(() => t?.close());

  it('a staff member adds their own availability without naming their record, and reads it back', async () => {
    const before = await auditCount();
    const added = (await t.gql.ok(ADD, { input: period() }, tokens.staff)).addAvailability;
    expect(added).toMatchObject({
      staffMemberId: mine.id,
      kind: 'UNAVAILABLE',
      startsAt: '2024-07-10T08:00:00.000Z',
      endsAt: '2024-07-10T18:00:00.000Z',
      note: 'exam',
    });
    await t.gql.ok(
      ADD,
      { input: period({ staffMemberId: mine.id, kind: 'PREFERRED', startsAt: '2024-07-09T06:00:00.000Z', endsAt: '2024-07-09T14:00:00.000Z', note: null }) },
      tokens.staff,
    );
    const listed = (await t.gql.ok(`{ myAvailability(eventId: "${event.id}") { kind startsAt } }`, {}, tokens.staff)).myAvailability;
    expect(listed).toEqual([
      { kind: 'PREFERRED', startsAt: '2024-07-09T06:00:00.000Z' },
      { kind: 'UNAVAILABLE', startsAt: '2024-07-10T08:00:00.000Z' },
    ]);
    expect(await auditCount()).toBe(before + 2);
    const [entry] = await t.dataSource.query(`SELECT actor_user_id, after FROM audit_entries WHERE entity_id = $1`, [added.id]);
    // The note stays out of the audit trail; the period is kept.
    expect(entry).toEqual({
      actor_user_id: users.staff,
      after: { staffMemberId: mine.id, kind: 'UNAVAILABLE', startsAt: '2024-07-10T08:00:00.000Z', endsAt: '2024-07-10T18:00:00.000Z' },
    });
  });

  it("self service stops at one's own record: a colleague's reads as not found, another event's person cannot reach it", async () => {
    const count = await periodsOf(colleague.id);
    expect(await code('staff', ADD, { input: period({ staffMemberId: colleague.id }) })).toBe('NOT_FOUND');
    expect(await code('otherStaff', ADD, { input: period({ staffMemberId: mine.id }) })).toBe('NOT_FOUND');
    expect(await code('staff', `{ availability(staffMemberId: "${colleague.id}") { id } }`)).toBe('NOT_FOUND');
    expect(await code('otherStaff', `{ myAvailability(eventId: "${event.id}") { id } }`)).toBe('FORBIDDEN');
    expect(await code('coordinator', `{ myAvailability(eventId: "${event.id}") { id } }`)).toBe('FORBIDDEN');
    expect(await code('anonymous', ADD, { input: period() })).toBe('UNAUTHENTICATED');
    expect(await code('anonymous', `{ myAvailability(eventId: "${event.id}") { id } }`)).toBe('UNAUTHENTICATED');
    expect(await periodsOf(colleague.id)).toBe(count);
  });

  it('someone with records in two events must say which one', async () => {
    const error = await t.gql.error(ADD, { input: period() }, tokens.twoEvents);
    expect([error.extensions?.code, (error.extensions?.fields as any)[0].field]).toEqual(['BAD_USER_INPUT', 'staffMemberId']);
    expect((await t.gql.error(ADD, { input: period() }, tokens.coordinator)).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('coordinators and admins manage the people their grant covers, not the others', async () => {
    expect(await code('coordinator', ADD, { input: period({ staffMemberId: colleague.id }) })).toBe('OK');
    expect(await code('admin', ADD, { input: period({ staffMemberId: colleague.id }) })).toBe('OK');
    expect(await code('venueCoordinator', ADD, { input: period({ staffMemberId: mine.id }) })).toBe('OK');
    expect(await code('venueCoordinator', ADD, { input: period({ staffMemberId: colleague.id }) })).toBe('FORBIDDEN');
    expect(await code('venueCoordinator', `{ availability(staffMemberId: "${colleague.id}") { id } }`)).toBe('FORBIDDEN');
    const read = await t.gql.ok(`{ availability(staffMemberId: "${colleague.id}") { staffMemberId } }`, {}, tokens.coordinator);
    expect(read.availability).toHaveLength(2);
    expect((await t.gql.ok(`{ availability(staffMemberId: "${mine.id}") { id } }`, {}, tokens.staff)).availability.length).toBeGreaterThan(0);
  });

  it('removeAvailability: the owner or a covering coordinator; others are refused and nothing is removed', async () => {
    const { addAvailability: own } = await t.gql.ok(ADD, { input: period({ startsAt: '2024-07-20T08:00:00Z', endsAt: '2024-07-20T09:00:00Z' }) }, tokens.staff);
    const { addAvailability: theirs } = await t.gql.ok(
      ADD,
      { input: period({ startsAt: '2024-07-21T08:00:00Z', endsAt: '2024-07-21T09:00:00Z' }) },
      tokens.colleague,
    );
    const remove = (who: Who, id: string) => code(who, `mutation { removeAvailability(id: "${id}") }`);
    expect(await remove('colleague', own.id)).toBe('NOT_FOUND');
    expect(await remove('venueCoordinator', theirs.id)).toBe('FORBIDDEN');
    expect(await remove('anonymous', own.id)).toBe('UNAUTHENTICATED');
    expect(await t.dataSource.getRepository(AvailabilityPeriodEntity).countBy({ id: own.id })).toBe(1);
    expect(await remove('staff', own.id)).toBe('OK');
    expect(await remove('coordinator', theirs.id)).toBe('OK');
    expect(await t.dataSource.getRepository(AvailabilityPeriodEntity).countBy({ id: own.id })).toBe(0);
    expect(await remove('staff', own.id)).toBe('NOT_FOUND');
    const [entry] = await t.dataSource.query(`SELECT action, before FROM audit_entries WHERE entity_id = $1 AND action = 'availability.removed'`, [theirs.id]);
    expect(entry.before).toMatchObject({ staffMemberId: colleague.id, startsAt: '2024-07-21T08:00:00.000Z' });
  });

  it('refuses a backwards, empty or too long period with endsAt named, and stores nothing', async () => {
    const count = await periodsOf(mine.id);
    const audit = await auditCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endsAt: '2024-07-10T07:00:00Z' }, 'order'],
      [{ endsAt: '2024-07-10T08:00:00Z' }, 'order'],
      [{ startsAt: '2024-07-01T00:00:00Z', endsAt: '2024-08-01T00:00:01Z' }, 'maxDuration'],
    ];
    for (const [overrides, constraint] of cases) {
      const error = await t.gql.error(ADD, { input: period(overrides) }, tokens.staff);
      expect([error.extensions?.code, error.extensions?.fields]).toEqual(['BAD_USER_INPUT', [expect.objectContaining({ field: 'endsAt', constraint })]]);
    }
    expect(await code('staff', ADD, { input: period({ startsAt: '2024-07-01T00:00:00Z', endsAt: '2024-08-01T00:00:00Z' }) })).toBe('OK');
    const long = await t.gql.error(ADD, { input: period({ note: 'x'.repeat(501) }) }, tokens.staff);
    expect((long.extensions?.fields as any)[0].field).toBe('note');
    expect(await periodsOf(mine.id)).toBe(count + 1);
    expect(await auditCount()).toBe(audit + 1);
  });
});
