import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { countSql } from '../utils/sql-counter';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const ROSTER = `query R($eventId: ID!, $first: Int!) {
  shifts(eventId: $eventId, first: $first) {
    edges { node { id roleTitle assignments { status staffMember { displayName skills { code level } contact { email } } shift { id } } } }
  }
}`;

describe('roster views: nested reads, my shifts, live changes', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let coordinator: string;
  let staff: string;
  let staffUserId: string;
  let world: EventWorld;

  const assign = (shiftId: string, staffMemberId: string) =>
    t.gql.ok(`mutation { assign(input: { shiftId: "${shiftId}", staffMemberId: "${staffMemberId}" }) { id } }`, {}, coordinator);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    world = await createEventWorld(t, { venue: { zones: [] } });
    ({ event, venue, team, org } = world);
    ({ coordinator, staff } = world.tokens);
    staffUserId = world.users.staff.id;
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('WIFI', 'Wi-Fi', 'network') RETURNING id`))[0].id;
    // 30 shifts × 3 people, each with a skill: enough rows that an N+1 would show.
    for (let day = 0; day < 30; day++) {
      const date = new Date(Date.UTC(2024, 6, 21 + day, 6));
      const shift = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venue.id, teamId: team.id },
        { startsAt: date.toISOString(), endsAt: new Date(date.getTime() + 8 * 3600_000).toISOString() },
      );
      for (let i = 0; i < 3; i++) {
        const member = await createStaffMember(t.dataSource, event.id, org.id, {
          accreditationZones: [],
          email: `p${day}-${i}@example.org`,
          skills: [{ skillId: skill, level: 2 }],
          ...(day === 0 && i === 0 ? { userId: staffUserId } : {}),
        });
        await t.dataSource.query(
          `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
          [shift.id, member.id, event.id],
        );
      }
    }
  });
  afterAll(() => t?.close());

  it('shifts { assignments { staffMember { skills } } } runs the same few statements for 5 or 30 shifts', async () => {
    const counts: number[] = [];
    for (const first of [5, 30]) {
      // The session's actor is cached for a few seconds: load it just before each count so both are alike.
      await t.gql.ok('{ me { id } }', {}, coordinator);
      const counter = countSql(t.dataSource);
      const data = await t.gql.ok(ROSTER, { eventId: event.id, first }, coordinator);
      counter.stop();
      expect(data.shifts.edges).toHaveLength(first);
      expect(data.shifts.edges.every((e: { node: { assignments: unknown[] } }) => e.node.assignments.length === 3)).toBe(true);
      expect(data.shifts.edges[0].node.assignments[0].staffMember.skills).toEqual([{ code: 'WIFI', level: 2 }]);
      counts.push(counter.count);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[1]).toBeLessThanOrEqual(10);
  });

  it('a staff member sees only themself among the people on a shift, and their own contact details', async () => {
    const data = await t.gql.ok(ROSTER, { eventId: event.id, first: 2 }, staff);
    const [first, second] = data.shifts.edges.map(
      (e: { node: { assignments: Array<{ staffMember: { contact: { email: string } | null } }> } }) => e.node.assignments,
    );
    expect(first).toHaveLength(1);
    expect(first[0].staffMember.contact).toEqual({ email: 'p0-0@example.org' });
    expect(second).toEqual([]);
  });

  it('myShifts lists my assignments in a window, with the shift', async () => {
    const mine = await t.gql.ok(`{ myShifts(from: "2024-07-20T00:00:00Z", to: "2024-08-01T00:00:00Z") { status shift { roleTitle startsAt } } }`, {}, staff);
    expect(mine.myShifts).toEqual([{ status: 'ASSIGNED', shift: { roleTitle: 'Network technician', startsAt: '2024-07-21T06:00:00.000Z' } }]);
    const tooWide = await t.gql.error(`{ myShifts(from: "2024-01-01T00:00:00Z", to: "2024-12-31T00:00:00Z") { status } }`, {}, staff);
    expect(tooWide.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    expect((await t.gql.error(`{ myShifts { status } }`, {}, coordinator)).extensions?.code).toBe('FORBIDDEN');
  });

  it('assignmentChanged tells a coordinator subscribed to the venue, not a staff member', async () => {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-08-25T06:00:00Z', endsAt: '2024-08-25T10:00:00Z' },
    );
    const member = await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: [] });
    const sub = await subscribe(
      t.gql.url,
      `subscription S($e: ID!, $v: ID) { assignmentChanged(eventId: $e, venueId: $v) { change venueId assignment { staffMemberId status } } }`,
      { e: event.id, v: venue.id },
      coordinator,
    );
    try {
      await assign(shift.id, member.id);
      expect(await sub.next()).toEqual({
        assignmentChanged: { change: 'ASSIGNED', venueId: venue.id, assignment: { staffMemberId: member.id, status: 'ASSIGNED' } },
      });
    } finally {
      await sub.close();
    }
    // A coordinator limited to another venue, subscribed to the whole event, hears nothing of this venue.
    const { otherVenue, tokens } = world;
    const limited = tokens.elsewhere;
    const narrow = await subscribe(t.gql.url, `subscription S($e: ID!) { assignmentChanged(eventId: $e) { venueId } }`, { e: event.id }, limited);
    try {
      const here = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venue.id, teamId: team.id },
        { startsAt: '2024-08-26T06:00:00Z', endsAt: '2024-08-26T10:00:00Z' },
      );
      const there = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: otherVenue.id, teamId: team.id },
        { startsAt: '2024-08-26T06:00:00Z', endsAt: '2024-08-26T10:00:00Z' },
      );
      await assign(here.id, (await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: [] })).id);
      await assign(there.id, (await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: [] })).id);
      expect(await narrow.next()).toEqual({ assignmentChanged: { venueId: otherVenue.id } });
    } finally {
      await narrow.close();
    }
    const denied = await subscribe(t.gql.url, `subscription S($e: ID!) { assignmentChanged(eventId: $e) { change } }`, { e: event.id }, staff);
    await expect(denied.next()).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    await denied.close();
  });
});
