import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE_EVENT = `mutation C($input: CreateEventInput!) { createEvent(input: $input) { id code timeZone startsOn endsOn phase } }`;

describe('admin: events, venues, teams, organisations, skills, users', () => {
  let t: TestApp;
  let token: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminId = admin.id;
    token = (await t.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(() => t?.close());

  it('creates an event and audits it', async () => {
    const created = await t.gql.ok(
      CREATE_EVENT,
      { input: { code: 'LA28', name: 'Los Angeles 2028', timeZone: 'America/Los_Angeles', startsOn: '2028-07-14', endsOn: '2028-07-30' } },
      token,
    );
    expect(created.createEvent).toMatchObject({
      code: 'LA28',
      timeZone: 'America/Los_Angeles',
      startsOn: '2028-07-14',
      endsOn: '2028-07-30',
      phase: 'PLANNING',
    });
    const audit = await t.gql.ok(`{ auditLog(filter: { entityId: "${created.createEvent.id}" }) { edges { node { action actorUserId after } } } }`, {}, token);
    expect(audit.auditLog.edges[0].node).toMatchObject({ action: 'event.created', actorUserId: adminId, after: { code: 'LA28' } });
  });

  it('reports every bad field at once and creates nothing', async () => {
    const before = await t.dataSource.getRepository(EventEntity).count();
    const error = await t.gql.error(
      CREATE_EVENT,
      { input: { code: 'bad code', name: '', timeZone: 'Mars/Olympus_Mons', startsOn: '2028-07-14', endsOn: '2028-07-30' } },
      token,
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['code', 'name', 'timeZone']);
    expect(await t.dataSource.getRepository(EventEntity).count()).toBe(before);
  });

  it('refuses an event that ends before it starts, and a scalar of the wrong shape', async () => {
    const order = await t.gql.error(
      CREATE_EVENT,
      { input: { code: 'BK28', name: 'Backwards', timeZone: 'Europe/Paris', startsOn: '2028-07-30', endsOn: '2028-07-14' } },
      token,
    );
    expect(order.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'endsOn', constraint: 'dateOrder' }] });
    const shape = await t.gql.request(
      CREATE_EVENT,
      { input: { code: 'BK29', name: 'x', timeZone: 'Europe/Paris', startsOn: '30/07/2028', endsOn: '2028-07-14' } },
      token,
    );
    expect(shape.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a duplicate code is a CONFLICT naming the field', async () => {
    const input = { code: 'DUP28', name: 'Dup', timeZone: 'Europe/Paris', startsOn: '2028-07-14', endsOn: '2028-07-30' };
    await t.gql.ok(CREATE_EVENT, { input }, token);
    const error = await t.gql.error(CREATE_EVENT, { input }, token);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'code', constraint: 'events_code_key' });
  });

  it('updates an event: phase and dates, validated against the stored values', async () => {
    const { createEvent } = await t.gql.ok(
      CREATE_EVENT,
      { input: { code: 'UPD28', name: 'Upd', timeZone: 'Europe/Paris', startsOn: '2028-07-14', endsOn: '2028-07-30' } },
      token,
    );
    const UPDATE = `mutation U($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { phase endsOn } }`;
    expect((await t.gql.ok(UPDATE, { id: createEvent.id, input: { phase: 'GAMES' } }, token)).updateEvent.phase).toBe('GAMES');
    const bad = await t.gql.error(UPDATE, { id: createEvent.id, input: { endsOn: '2028-07-01' } }, token);
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql.error(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { phase: 'CLOSED' } }, token)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(UPDATE, { id: 'not-a-uuid', input: { phase: 'CLOSED' } }, token)).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('venues carry their own time zone and zones; teams are unique per event', async () => {
    const { createEvent } = await t.gql.ok(
      CREATE_EVENT,
      { input: { code: 'VEN28', name: 'Venues', timeZone: 'Europe/Paris', startsOn: '2028-07-14', endsOn: '2028-07-30' } },
      token,
    );
    const venue = await t.gql.ok(
      `mutation { createVenue(input: { eventId: "${createEvent.id}", code: "THP", name: "Teahupo'o", city: "Teahupo'o", kind: COMPETITION, timeZone: "Pacific/Tahiti", zones: ["FOP", "TECH"] }) { timeZone zones } }`,
      {},
      token,
    );
    expect(venue.createVenue).toEqual({ timeZone: 'Pacific/Tahiti', zones: ['FOP', 'TECH'] });
    const team = `mutation { createTeam(input: { eventId: "${createEvent.id}", code: "NET", name: "Network" }) { code } }`;
    await t.gql.ok(team, {}, token);
    expect((await t.gql.error(team, {}, token)).extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const teams = await t.gql.ok(`{ teams(eventId: "${createEvent.id}") { code } venues(eventId: "${createEvent.id}") { code } }`, {}, token);
    expect(teams).toEqual({ teams: [{ code: 'NET' }], venues: [{ code: 'THP' }] });
    const missing = await t.gql.error(
      `mutation { createTeam(input: { eventId: "00000000-0000-4000-8000-000000000000", code: "NET", name: "N" }) { code } }`,
      {},
      token,
    );
    expect(missing.extensions?.code).toBe('NOT_FOUND');
  });

  it('updates and deletes venues and teams, refusing while shifts use them; renames skills', async () => {
    const { createEvent } = await t.gql.ok(
      CREATE_EVENT,
      { input: { code: 'REF28', name: 'Ref', timeZone: 'Europe/Paris', startsOn: '2028-07-14', endsOn: '2028-07-30' } },
      token,
    );
    const venue = (
      await t.gql.ok(
        `mutation { createVenue(input: { eventId: "${createEvent.id}", code: "ARN", name: "Arena", city: "Paris", kind: COMPETITION, timeZone: "Europe/Paris", zones: ["FOP"] }) { id } }`,
        {},
        token,
      )
    ).createVenue;
    const team = (await t.gql.ok(`mutation { createTeam(input: { eventId: "${createEvent.id}", code: "RES", name: "Results" }) { id } }`, {}, token))
      .createTeam;
    const updated = await t.gql.ok(
      `mutation { updateVenue(id: "${venue.id}", input: { zones: ["FOP", "TECH", "FOP"], timeZone: "Europe/Berlin" }) { zones timeZone } }`,
      {},
      token,
    );
    expect(updated.updateVenue).toEqual({ zones: ['FOP', 'TECH'], timeZone: 'Europe/Berlin' });
    expect((await t.gql.error(`mutation { updateVenue(id: "${venue.id}", input: { timeZone: "Moon/Base" }) { id } }`, {}, token)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await t.gql.ok(`mutation { updateTeam(id: "${team.id}", input: { name: "Results & scoring" }) { name } }`, {}, token)).updateTeam.name).toBe(
      'Results & scoring',
    );
    await t.dataSource.query(
      `INSERT INTO shifts (event_id, venue_id, team_id, role_title, starts_at, ends_at, headcount) VALUES ($1, $2, $3, 'x', '2028-07-15T06:00Z', '2028-07-15T10:00Z', 1)`,
      [createEvent.id, venue.id, team.id],
    );
    const busy = await t.gql.error(`mutation { deleteVenue(id: "${venue.id}") }`, {}, token);
    expect(busy.extensions).toMatchObject({ code: 'CONFLICT', shifts: 1 });
    await t.dataSource.query(`DELETE FROM shifts WHERE venue_id = $1`, [venue.id]);
    expect(await t.gql.ok(`mutation { deleteVenue(id: "${venue.id}") deleteTeam(id: "${team.id}") }`, {}, token)).toEqual({
      deleteVenue: true,
      deleteTeam: true,
    });
    const skill = (await t.gql.ok(`mutation { createSkill(input: { code: "DNS", name: "DNS", category: "naming" }) { id } }`, {}, token)).createSkill;
    expect((await t.gql.ok(`mutation { updateSkill(id: "${skill.id}", input: { name: "DNS and DHCP" }) { code name } }`, {}, token)).updateSkill).toEqual({
      code: 'DNS',
      name: 'DNS and DHCP',
    });
  });

  it('organisations page with opaque cursors and a server-enforced page size', async () => {
    for (let i = 0; i < 5; i++) {
      await t.gql.ok(`mutation { createOrganisation(input: { code: "P${i}", name: "Partner ${i}", kind: PARTNER }) { id } }`, {}, token);
    }
    const page1 = await t.gql.ok(`{ organisations(first: 2) { totalCount edges { cursor node { code } } pageInfo { hasNextPage endCursor } } }`, {}, token);
    expect(page1.organisations.totalCount).toBe(5);
    expect(page1.organisations.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['P0', 'P1']);
    const page2 = await t.gql.ok(
      `{ organisations(first: 10, after: "${page1.organisations.pageInfo.endCursor}") { edges { node { code } } pageInfo { hasNextPage } } }`,
      {},
      token,
    );
    expect(page2.organisations.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['P2', 'P3', 'P4']);
    expect(page2.organisations.pageInfo.hasNextPage).toBe(false);
    expect((await t.gql.error(`{ organisations(first: 5000) { totalCount } }`, {}, token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'first' }],
    });
    expect((await t.gql.error(`{ organisations(after: "garbage") { totalCount } }`, {}, token)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'after' }],
    });
  });

  it('skills: created by admins, listed for anyone signed in', async () => {
    await t.gql.ok(`mutation { createSkill(input: { code: "CISCO_IOS", name: "Cisco IOS", category: "network" }) { id } }`, {}, token);
    const skills = await t.gql.ok(`{ skills(category: "network") { code } }`, {}, token);
    expect(skills.skills).toEqual([{ code: 'CISCO_IOS' }]);
  });

  it('manages users: grant, revoke, disable (which ends their sessions)', async () => {
    const person = await createUser(t.dataSource, []);
    const personToken = (await t.gql.ok(`mutation { login(input: { email: "${person.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login
      .accessToken;
    const granted = await t.gql.ok(`mutation { grantRole(userId: "${person.id}", grant: { role: ALUMNUS }) { id role } }`, {}, token);
    expect(granted.grantRole.role).toBe('ALUMNUS');
    const wrongScope = await t.gql.error(`mutation { grantRole(userId: "${person.id}", grant: { role: RECRUITER }) { id } }`, {}, token);
    expect(wrongScope.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'grant.organisationId' }] });
    expect((await t.gql.ok(`mutation { revokeRole(grantId: "${granted.grantRole.id}") }`, {}, token)).revokeRole).toBe(true);
    const found = await t.gql.ok(`{ users(search: "${person.email.slice(0, 10)}") { edges { node { id roles { role } } } } }`, {}, token);
    expect(found.users.edges).toEqual([{ node: { id: person.id, roles: [] } }]);

    await t.gql.ok(`mutation { setUserStatus(userId: "${person.id}", status: DISABLED) { status } }`, {}, token);
    expect((await t.gql.error('{ me { id } }', {}, personToken)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(`mutation { setUserStatus(userId: "${adminId}", status: DISABLED) { status } }`, {}, token)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
