import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { InvitationEntity, RoleGrantEntity } from '@baton/identity';
import { OutboxMessageEntity } from '@baton/outbox';
import { createEvent, createTeam, createVenue } from '../factories/events';
import { createEventWorld } from '../factories/event-world';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const INVITE = `mutation I($email: String!, $grant: GrantInput!) { inviteUser(input: { email: $email, displayName: "Nadia", grant: $grant }) { id venueIds teamIds } }`;
const GRANT = `mutation G($userId: ID!, $grant: GrantInput!) { grantRole(userId: $userId, grant: $grant) { id venueIds teamIds } }`;

/** A coordinator grant may only name venues and teams of its own event: in the service, and in the database. */
describe('grant scope: venues and teams belong to the grant’s event', () => {
  let t: TestApp;
  let event: EventEntity;
  let other: EventEntity;
  let venue: VenueEntity;
  let foreignVenue: VenueEntity;
  let team: TeamEntity;
  let foreignTeam: TeamEntity;
  let adminToken: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const world = await createEventWorld(t);
    ({ event, venue, team } = world);
    adminId = world.users.admin.id;
    adminToken = world.tokens.admin;
    other = await createEvent(t.dataSource);
    foreignVenue = await createVenue(t.dataSource, other.id);
    foreignTeam = await createTeam(t.dataSource, other.id);
  });
  afterAll(() => t?.close());

  const coordinatorGrant = (venueIds: string[], teamIds: string[] = []) => ({ role: 'COORDINATOR', eventId: event.id, venueIds, teamIds });

  it('inviteUser refuses a venue of another event, naming it, and writes nothing', async () => {
    const error = await t.gql.error(INVITE, { email: 'nadia@example.org', grant: coordinatorGrant([venue.id, foreignVenue.id]) }, adminToken);
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'grant.venueIds.1', constraint: 'sameEvent', message: expect.stringContaining(foreignVenue.id) }],
    });
    expect(await t.dataSource.getRepository(InvitationEntity).countBy({ email: 'nadia@example.org' })).toBe(0);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: 'nadia@example.org' })).toBe(0);
    const ok = await t.gql.ok(INVITE, { email: 'nadia@example.org', grant: coordinatorGrant([venue.id], [team.id]) }, adminToken);
    expect(ok.inviteUser).toMatchObject({ venueIds: [venue.id], teamIds: [team.id] });
  });

  it('grantRole refuses teams and venues of another event (every one named) and an unknown event', async () => {
    const person = await createUser(t.dataSource, []);
    const error = await t.gql.error(GRANT, { userId: person.id, grant: coordinatorGrant([foreignVenue.id], [team.id, foreignTeam.id]) }, adminToken);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (error.extensions?.fields as Array<{ field: string; message: string }>).map((f) => [
        f.field,
        f.message.includes(f.field.includes('venue') ? foreignVenue.id : foreignTeam.id),
      ]),
    ).toEqual([
      ['grant.venueIds.0', true],
      ['grant.teamIds.1', true],
    ]);
    const unknown = await t.gql.error(
      GRANT,
      { userId: person.id, grant: { role: 'COORDINATOR', eventId: '00000000-0000-4000-8000-000000000000' } },
      adminToken,
    );
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'grant.eventId', constraint: 'exists' }] });
    expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: person.id })).toBe(0);
    const granted = await t.gql.ok(GRANT, { userId: person.id, grant: coordinatorGrant([venue.id], [team.id]) }, adminToken);
    expect(granted.grantRole).toMatchObject({ venueIds: [venue.id], teamIds: [team.id] });
  });

  it('the database refuses such a grant or invitation even when the service is bypassed', async () => {
    const person = await createUser(t.dataSource, []);
    const refusal = async (sql: string, params: unknown[]) => {
      const error = await t.dataSource.query(sql, params).then(
        () => undefined,
        (e: { driverError?: { code: string; constraint: string } }) => e.driverError,
      );
      return error && { code: error.code, constraint: error.constraint };
    };
    expect(
      await refusal(`INSERT INTO role_grants (user_id, role, event_id, venue_ids) VALUES ($1, 'COORDINATOR', $2, $3)`, [
        person.id,
        event.id,
        [foreignVenue.id],
      ]),
    ).toEqual({ code: '23514', constraint: 'role_grants_venue_event_check' });
    const [grant] = await t.dataSource.query(`INSERT INTO role_grants (user_id, role, event_id, team_ids) VALUES ($1, 'COORDINATOR', $2, $3) RETURNING id`, [
      person.id,
      event.id,
      [team.id],
    ]);
    expect(await refusal(`UPDATE role_grants SET team_ids = $2 WHERE id = $1`, [grant.id, [foreignTeam.id]])).toEqual({
      code: '23514',
      constraint: 'role_grants_team_event_check',
    });
    // Moving the grant to another event without its venues is refused as well.
    expect(await refusal(`UPDATE role_grants SET event_id = $2 WHERE id = $1`, [grant.id, other.id])).toEqual({
      code: '23514',
      constraint: 'role_grants_team_event_check',
    });
    expect(
      await refusal(
        `INSERT INTO invitations (email, display_name, token_hash, role, event_id, venue_ids, invited_by_id, expires_at) VALUES ('x@example.org', 'X', 'h-x', 'COORDINATOR', $1, $2, $3, now() + interval '1 day')`,
        [event.id, [foreignVenue.id], adminId],
      ),
    ).toEqual({ code: '23514', constraint: 'invitations_venue_event_check' });
  });

  it('a venue or team named by a grant or a pending invitation cannot be deleted', async () => {
    const named = await createVenue(t.dataSource, event.id);
    const person = await createUser(t.dataSource, []);
    const granted = await t.gql.ok(GRANT, { userId: person.id, grant: coordinatorGrant([named.id]) }, adminToken);
    const busy = await t.gql.error(`mutation { deleteVenue(id: "${named.id}") }`, {}, adminToken);
    expect(busy.extensions).toMatchObject({ code: 'CONFLICT', venueId: named.id, grants: 1 });
    await t.gql.ok(`mutation { revokeRole(grantId: "${granted.grantRole.id}") }`, {}, adminToken);
    expect((await t.gql.ok(`mutation { deleteVenue(id: "${named.id}") }`, {}, adminToken)).deleteVenue).toBe(true);

    const namedTeam = await createTeam(t.dataSource, event.id);
    await t.gql.ok(INVITE, { email: 'pending@example.org', grant: coordinatorGrant([], [namedTeam.id]) }, adminToken);
    expect((await t.gql.error(`mutation { deleteTeam(id: "${namedTeam.id}") }`, {}, adminToken)).extensions).toMatchObject({ code: 'CONFLICT', grants: 1 });
  });

  it('deleting a venue while a grant naming it is written: one of the two wins, never a grant naming a deleted venue', async () => {
    for (let round = 0; round < 5; round++) {
      const contested = await createVenue(t.dataSource, event.id);
      const person = await createUser(t.dataSource, []);
      const [deleted, granted] = await Promise.all([
        t.gql.request(`mutation { deleteVenue(id: "${contested.id}") }`, {}, adminToken),
        t.gql.request(GRANT, { userId: person.id, grant: coordinatorGrant([contested.id]) }, adminToken),
      ]);
      const venueLeft = await t.dataSource.getRepository(VenueEntity).existsBy({ id: contested.id });
      const grants = await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: person.id });
      expect([!deleted.errors, !granted.errors].filter(Boolean)).toHaveLength(1);
      expect(venueLeft).toBe(!!granted.data?.grantRole);
      expect(grants.length).toBe(venueLeft ? 1 : 0);
      const loser = deleted.errors?.[0] ?? granted.errors?.[0];
      expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(loser?.extensions?.code);
    }
  });
});
