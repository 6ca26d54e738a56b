import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const ROSTER = `query R($eventId: ID!, $first: Int!) {
  shifts(eventId: $eventId, first: $first) {
    edges { node { venue { name } team { name } assignments { staffMember { displayName organisation { name } team { name } } } } }
  }
}`;

/**
 * The graph can be walked: every id that names an object a viewer may read has an edge beside it,
 * batched (no N+1), and null (or left out of a list) exactly where the object's own query refuses.
 */
describe('graph edges', () => {
  let t: TestApp;
  let paris: EventEntity;
  let other: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let teamA: TeamEntity;
  let teamB: TeamEntity;
  let orgs: OrganisationEntity[];
  const users = {} as Record<'admin' | 'coordinator' | 'venueCoordinator' | 'staff' | 'stranger', { id: string; token: string }>;

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken as string;
  const ok = (who: keyof typeof users, query: string, variables: Record<string, unknown> = {}) => t.gql.ok(query, variables, users[who].token);

  /** An event with `count` published shifts, each with two people of alternating organisations and teams. */
  async function rosterEvent(count: number): Promise<EventEntity> {
    const event = await createEvent(t.dataSource);
    const venues = [
      await createVenue(t.dataSource, event.id, { name: 'Arena one', zones: [] }),
      await createVenue(t.dataSource, event.id, { name: 'Arena two', zones: [] }),
    ];
    const teams = [await createTeam(t.dataSource, event.id, { name: 'Results' }), await createTeam(t.dataSource, event.id, { name: 'Network' })];
    for (let i = 0; i < count; i++) {
      const start = new Date(Date.UTC(2024, 6, 1, 6) + i * 86_400_000);
      const shift = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venues[i % 2].id, teamId: teams[i % 2].id },
        { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 8 * 3_600_000).toISOString() },
      );
      for (let p = 0; p < 2; p++) {
        const member = await createStaffMember(t.dataSource, event.id, orgs[(i + p) % orgs.length].id, { teamId: teams[p].id });
        await t.dataSource.query(
          `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
          [shift.id, member.id, event.id],
        );
      }
    }
    return event;
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-20T08:00:00Z' });
    orgs = [
      await createOrganisation(t.dataSource, { name: 'Partner one' }),
      await createOrganisation(t.dataSource, { name: 'Partner two' }),
      await createOrganisation(t.dataSource, { name: 'Committee' }),
    ];
    paris = await createEvent(t.dataSource);
    other = await createEvent(t.dataSource);
    venueA = await createVenue(t.dataSource, paris.id, { name: 'Venue A' });
    venueB = await createVenue(t.dataSource, paris.id, { name: 'Venue B' });
    teamA = await createTeam(t.dataSource, paris.id, { name: 'Team A' });
    teamB = await createTeam(t.dataSource, paris.id, { name: 'Team B' });
    const grants = {
      admin: [{ role: Role.ADMIN }],
      coordinator: [{ role: Role.COORDINATOR, eventId: paris.id }],
      venueCoordinator: [{ role: Role.COORDINATOR, eventId: paris.id, venueIds: [venueA.id] }],
      staff: [{ role: Role.STAFF, eventId: paris.id }],
      stranger: [{ role: Role.STAFF, eventId: other.id }],
    };
    for (const [who, list] of Object.entries(grants)) {
      const user = await createUser(t.dataSource, list);
      users[who as keyof typeof users] = { id: user.id, token: await login(user.email) };
    }
  });
  afterAll(() => t?.close());

  it('walks shifts → venue, team, assignments → staff member → organisation, team in the same few statements for 5 or 30 shifts', async () => {
    const counts: number[] = [];
    for (const count of [5, 30]) {
      const event = await rosterEvent(count);
      // The session's actor is cached for a few seconds: load it just before each count so both are alike.
      await ok('admin', '{ me { id } }');
      const sql = countSql(t.dataSource);
      const data = await ok('admin', ROSTER, { eventId: event.id, first: 50 });
      sql.stop();
      const nodes = data.shifts.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(count);
      expect(nodes[0]).toEqual({
        venue: { name: 'Arena one' },
        team: { name: 'Results' },
        assignments: [
          { staffMember: { displayName: expect.any(String), organisation: { name: 'Partner one' }, team: { name: 'Results' } } },
          { staffMember: { displayName: expect.any(String), organisation: { name: 'Partner two' }, team: { name: 'Network' } } },
        ],
      });
      expect(nodes[1].venue).toEqual({ name: 'Arena two' });
      counts.push(sql.count);
    }
    expect(counts[1]).toBe(counts[0]);
    // Count, page, venues, teams, assignments, staff, organisations, teams of the people.
    expect(counts[0]).toBeLessThanOrEqual(10);
  });

  it('shows an event through an edge exactly when event(id) would', async () => {
    const member = await createStaffMember(t.dataSource, paris.id, orgs[0].id, { userId: users.stranger.id, teamId: teamA.id, homeVenueId: venueA.id });
    const mine = await ok('stranger', `{ myStaffProfiles { id event { id } team { id } homeVenue { id } organisation { name } } }`);
    // The stranger works Paris (their own record) but holds no grant there: event(id) is NOT_FOUND for them, so the edges are null.
    expect((await t.gql.request(`{ event(id: "${paris.id}") { id } }`, {}, users.stranger.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(mine.myStaffProfiles).toEqual([{ id: member.id, event: null, team: null, homeVenue: null, organisation: { name: 'Partner one' } }]);
    const asCoordinator = await ok('coordinator', `{ staffMember(id: "${member.id}") { event { id } team { name } homeVenue { name } } }`);
    expect(asCoordinator.staffMember).toEqual({ event: { id: paris.id }, team: { name: 'Team A' }, homeVenue: { name: 'Venue A' } });
  });

  it('shows an account only to admins and to its owner, as user(id) and me do', async () => {
    const member = await createStaffMember(t.dataSource, paris.id, orgs[0].id, { userId: users.staff.id, teamId: teamA.id });
    const QUERY = `{ staffMember(id: "${member.id}") { user { id email } } }`;
    expect((await ok('admin', QUERY)).staffMember.user).toMatchObject({ id: users.staff.id });
    expect((await ok('staff', `{ myStaffProfiles { id user { id } } }`)).myStaffProfiles).toEqual([{ id: member.id, user: { id: users.staff.id } }]);
    expect((await ok('coordinator', QUERY)).staffMember.user).toBeNull();
    expect((await t.gql.request(`{ user(id: "${users.staff.id}") { id } }`, {}, users.coordinator.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a grant lists the venues and teams it is limited to', async () => {
    const me = await ok('venueCoordinator', `{ me { roles { role event { id } venues { name } teams { name } } } }`);
    expect(me.me.roles).toEqual([{ role: 'COORDINATOR', event: { id: paris.id }, venues: [{ name: 'Venue A' }], teams: [] }]);
  });

  it('an assignment names who made it only to admins and to that person', async () => {
    const shift = await createShift(
      t.dataSource,
      { eventId: paris.id, venueId: venueA.id, teamId: teamA.id },
      { startsAt: '2024-07-01T06:00:00Z', endsAt: '2024-07-01T14:00:00Z' },
    );
    const member = await createStaffMember(t.dataSource, paris.id, orgs[1].id, { teamId: teamA.id, accreditationZones: ['FOP', 'TECH'] });
    await t.gql.ok(`mutation { assign(input: { shiftId: "${shift.id}", staffMemberId: "${member.id}" }) { id } }`, {}, users.venueCoordinator.token);
    const QUERY = `{ shift(id: "${shift.id}") { assignments { event { id } assignedBy { id } staffMember { id } } } }`;
    expect((await ok('venueCoordinator', QUERY)).shift.assignments).toEqual([
      { event: { id: paris.id }, assignedBy: { id: users.venueCoordinator.id }, staffMember: { id: member.id } },
    ]);
    expect((await ok('admin', QUERY)).shift.assignments[0].assignedBy).toEqual({ id: users.venueCoordinator.id });
    expect((await ok('coordinator', QUERY)).shift.assignments[0].assignedBy).toBeNull();
  });

  it('coverage cells and gaps lead to their venue, team and shift', async () => {
    const shift = await createShift(
      t.dataSource,
      { eventId: paris.id, venueId: venueB.id, teamId: teamB.id },
      { startsAt: '2024-07-02T06:00:00Z', endsAt: '2024-07-02T14:00:00Z', roleTitle: 'Gap to fill' },
    );
    const data = await ok(
      'coordinator',
      `{ coverage(eventId: "${paris.id}", from: "2024-07-02T00:00:00Z", to: "2024-07-03T00:00:00Z", bucket: DAY) {
          event { id } cells { venue { name } team { name } } gaps { shift { id roleTitle } venue { name } team { name } } } }`,
    );
    expect(data.coverage.event).toEqual({ id: paris.id });
    expect(data.coverage.cells).toContainEqual({ venue: { name: 'Venue B' }, team: { name: 'Team B' } });
    expect(data.coverage.gaps).toContainEqual({ shift: { id: shift.id, roleTitle: 'Gap to fill' }, venue: { name: 'Venue B' }, team: { name: 'Team B' } });
  });

  it('availability, replacement candidates and skills lead to their staff member and skill', async () => {
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('EDGE_SK', 'Edge skill', 'Edges') RETURNING id`))[0].id;
    const member = await createStaffMember(t.dataSource, paris.id, orgs[2].id, {
      teamId: teamB.id,
      homeVenueId: venueB.id,
      email: 'candidate@example.org',
      accreditationZones: ['FOP', 'TECH'],
      skills: [{ skillId: skill, level: 3 }],
    });
    const held = await ok('coordinator', `{ staffMember(id: "${member.id}") { skills { code skill { category } } } }`);
    expect(held.staffMember.skills).toEqual([{ code: 'EDGE_SK', skill: { category: 'Edges' } }]);
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'PREFERRED', '2024-07-03T00:00:00Z', '2024-07-04T00:00:00Z')`,
      [member.id],
    );
    const periods = await ok('coordinator', `{ availability(staffMemberId: "${member.id}") { staffMember { id } } }`);
    expect(periods.availability).toEqual([{ staffMember: { id: member.id } }]);
    const shift = await createShift(
      t.dataSource,
      { eventId: paris.id, venueId: venueB.id, teamId: teamB.id },
      { startsAt: '2024-07-03T06:00:00Z', endsAt: '2024-07-03T14:00:00Z' },
    );
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 2)`, [shift.id, skill]);
    const shiftSkills = await ok('staff', `{ shift(id: "${shift.id}") { requiredSkills { skill { name } } } }`);
    expect(shiftSkills.shift.requiredSkills).toEqual([{ skill: { name: 'Edge skill' } }]);
    // Venue B is outside this coordinator's grant: the query itself refuses, so nothing leaks through edges.
    const outside = await t.gql.request(`{ replacementCandidates(shiftId: "${shift.id}") { staffMember { id } } }`, {}, users.venueCoordinator.token);
    expect(outside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const found = await ok(
      'coordinator',
      `{ replacementCandidates(shiftId: "${shift.id}") { staffMemberId staffMember { contact { email } } team { name } homeVenue { name } } }`,
    );
    expect(found.replacementCandidates).toContainEqual({
      staffMemberId: member.id,
      staffMember: { contact: { email: 'candidate@example.org' } },
      team: { name: 'Team B' },
      homeVenue: { name: 'Venue B' },
    });
  });

  it('audit entries lead to who acted and the event', async () => {
    await ok('admin', `mutation { updateTeam(id: "${teamA.id}", input: { name: "Team A" }) { id } }`);
    const log = await ok('admin', `{ auditLog(first: 200, filter: { entityId: "${teamA.id}" }) { edges { node { action actor { id } event { id } } } } }`);
    expect(log.auditLog.edges.map((e: any) => e.node)).toContainEqual({ action: 'team.updated', actor: { id: users.admin.id }, event: { id: paris.id } });
  });
});
