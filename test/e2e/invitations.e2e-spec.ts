import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { RoleGrantEntity, UserEntity } from '@baton/identity';
import { OutboxDelivery, OutboxMessageEntity, OutboxStatus } from '@baton/outbox';
import { createEvent } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const INVITE = `mutation I($email: String!, $eventId: ID) {
  inviteUser(input: { email: $email, displayName: "Camille Martin", grant: { role: STAFF, eventId: $eventId } }) { id status email role expiresAt }
}`;
const ACCEPT = `mutation A($token: String!, $password: String!) {
  acceptInvitation(input: { token: $token, password: $password }) { accessToken user { email displayName roles { role eventId } } }
}`;

describe('invitations', () => {
  let t: TestApp;
  let event: EventEntity;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminToken = (await t.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(() => t?.close());

  const tokenFor = async (email: string) => {
    const message = await t.dataSource
      .getRepository(OutboxMessageEntity)
      .findOneOrFail({ where: { recipient: email, template: 'invitation' }, order: { createdAt: 'DESC' } });
    return message.payload.token as string;
  };

  it('invite → message in the outbox → accept sets the password and signs in → login works', async () => {
    const invited = await t.gql.ok(INVITE, { email: 'Camille.Martin@Example.org', eventId: event.id }, adminToken);
    expect(invited.inviteUser).toMatchObject({ status: 'PENDING', email: 'camille.martin@example.org', role: 'STAFF' });

    const token = await tokenFor('camille.martin@example.org');
    const accepted = await t.gql.ok(ACCEPT, { token, password: 'my own passphrase' });
    expect(accepted.acceptInvitation.user).toEqual({
      email: 'camille.martin@example.org',
      displayName: 'Camille Martin',
      roles: [{ role: 'STAFF', eventId: event.id }],
    });

    const login = await t.gql.ok(`mutation { login(input: { email: "camille.martin@example.org", password: "my own passphrase" }) { user { id } } }`);
    expect(login.login.user.id).toBeDefined();

    const reused = await t.gql.error(ACCEPT, { token, password: 'another passphrase' });
    expect(reused.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVITATION_INVALID' });
  });

  it('the development mailer delivers pending messages and marks them sent', async () => {
    await t.gql.ok(INVITE, { email: 'delivery@example.org', eventId: event.id }, adminToken);
    const delivered = await t.app.get(OutboxDelivery).deliverPending();
    expect(delivered).toBeGreaterThanOrEqual(1);
    const message = await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ recipient: 'delivery@example.org' });
    expect(message.status).toBe(OutboxStatus.SENT);
    expect(message.sentAt).toBeInstanceOf(Date);
  });

  it('an expired invitation cannot be accepted', async () => {
    await t.gql.ok(INVITE, { email: 'late@example.org', eventId: event.id }, adminToken);
    const token = await tokenFor('late@example.org');
    t.clock.advance(8 * 24 * 3600 * 1000);
    try {
      expect((await t.gql.error(ACCEPT, { token, password: 'my own passphrase' })).extensions?.reason).toBe('INVITATION_INVALID');
    } finally {
      t.clock.set(new Date());
    }
    expect(await t.dataSource.getRepository(UserEntity).countBy({ email: 'late@example.org' })).toBe(0);
  });

  it('a revoked invitation cannot be accepted', async () => {
    const invited = await t.gql.ok(INVITE, { email: 'revoked@example.org', eventId: event.id }, adminToken);
    const revoked = await t.gql.ok(`mutation { revokeInvitation(id: "${invited.inviteUser.id}") { status } }`, {}, adminToken);
    expect(revoked.revokeInvitation.status).toBe('REVOKED');
    const token = await tokenFor('revoked@example.org');
    expect((await t.gql.error(ACCEPT, { token, password: 'my own passphrase' })).extensions?.reason).toBe('INVITATION_INVALID');
  });

  it('inviting someone who already has an account grants the role at once and tells them', async () => {
    const existing = await createUser(t.dataSource, []);
    const invited = await t.gql.ok(INVITE, { email: existing.email, eventId: event.id }, adminToken);
    expect(invited.inviteUser.status).toBe('ACCEPTED');
    expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: existing.id, role: Role.STAFF, eventId: event.id })).toBe(1);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: existing.email, template: 'role-granted' })).toBe(1);
  });

  it('refuses a weak password and a grant that does not fit the role, changing nothing', async () => {
    await t.gql.ok(INVITE, { email: 'weak@example.org', eventId: event.id }, adminToken);
    const token = await tokenFor('weak@example.org');
    expect((await t.gql.error(ACCEPT, { token, password: 'short' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
    // The token still works after a refused attempt.
    expect((await t.gql.request(ACCEPT, { token, password: 'long enough now' })).errors).toBeUndefined();

    const noEvent = await t.gql.error(INVITE, { email: 'noevent@example.org' }, adminToken);
    expect(noEvent.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'grant.eventId', constraint: 'required' }] });
    const badEmail = await t.gql.error(INVITE, { email: 'not-an-email', eventId: event.id }, adminToken);
    expect(badEmail.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'email' }] });
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: 'noevent@example.org' })).toBe(0);
  });

  it('every invitation step leaves an audit record', async () => {
    const audit = await t.gql.ok(`{ auditLog(first: 200, filter: { entityType: "invitation" }) { edges { node { action actorUserId } } } }`, {}, adminToken);
    const actions = new Set(audit.auditLog.edges.map((e: { node: { action: string } }) => e.node.action));
    expect([...actions].sort()).toEqual(['invitation.accepted', 'invitation.created', 'invitation.revoked']);
  });
});
