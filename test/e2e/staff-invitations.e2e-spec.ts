import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { InvitationEntity, RoleGrantEntity, UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { OutboxMessageEntity } from '@baton/outbox';
import { StaffMemberEntity } from '@baton/staff';
import { assignToShift } from '../factories/assignments';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const INVITE = `mutation I($id: ID!) { inviteStaffMember(staffMemberId: $id) { id email role eventId status } }`;
const ACCEPT = `mutation A($token: String!) {
  acceptInvitation(input: { token: $token, password: "my own passphrase" }) { accessToken user { id email roles { role eventId } } }
}`;
const MY_SHIFTS = `{ myShifts(from: "2024-07-20T00:00:00Z", to: "2024-08-10T00:00:00Z") { shiftId staffMemberId } }`;

type Who = 'admin' | 'coordinator' | 'venueCoordinator' | 'otherCoordinator' | 'staff';

/** A coordinator invites a staff member from their record; accepting links the record, so the person sees their shifts. */
describe('inviting a staff member from their record', () => {
  let t: TestApp;
  let event: EventEntity;
  let other: EventEntity;
  let venue: VenueEntity;
  let otherVenue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  const tokens = {} as Record<Who, string>;
  let n = 0;

  const member = (overrides: Partial<StaffMemberEntity> = {}) =>
    createStaffMember(t.dataSource, event.id, org.id, { teamId: team.id, homeVenueId: venue.id, email: `person${++n}@example.org`, ...overrides });
  const tokenFor = async (email: string) =>
    (await t.dataSource.getRepository(OutboxMessageEntity).findOneOrFail({ where: { recipient: email, template: 'invitation' }, order: { createdAt: 'DESC' } }))
      .payload.token as string;
  const reload = (id: string) => t.dataSource.getRepository(StaffMemberEntity).findOneByOrFail({ id });

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    event = await createEvent(t.dataSource);
    other = await createEvent(t.dataSource);
    venue = await createVenue(t.dataSource, event.id);
    otherVenue = await createVenue(t.dataSource, event.id);
    team = await createTeam(t.dataSource, event.id);
    org = await createOrganisation(t.dataSource);
    const grants: Record<Who, Parameters<typeof createUser>[1]> = {
      admin: [{ role: Role.ADMIN }],
      coordinator: [{ role: Role.COORDINATOR, eventId: event.id }],
      venueCoordinator: [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [otherVenue.id] }],
      otherCoordinator: [{ role: Role.COORDINATOR, eventId: other.id }],
      staff: [{ role: Role.STAFF, eventId: event.id }],
    };
    for (const [who, g] of Object.entries(grants)) {
      const user = await createUser(t.dataSource, g);
      tokens[who as Who] = (
        await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)
      ).login.accessToken;
    }
  });
  afterAll(() => t?.close());

  it('the invitation goes to the record’s email; accepting creates the account, grants STAFF, links the record: myShifts works at once', async () => {
    const person = await member({ displayName: 'Inès Garnier', email: 'ines@example.org' });
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-25T06:00:00Z', endsAt: '2024-07-25T12:00:00Z' },
    );
    await assignToShift(t.dataSource, shift, person.id);

    const invited = (await t.gql.ok(INVITE, { id: person.id }, tokens.coordinator)).inviteStaffMember;
    expect(invited).toMatchObject({ email: 'ines@example.org', role: 'STAFF', eventId: event.id, status: 'PENDING' });
    const accepted = (await t.gql.ok(ACCEPT, { token: await tokenFor('ines@example.org') })).acceptInvitation;
    expect(accepted.user).toMatchObject({ email: 'ines@example.org', roles: [{ role: 'STAFF', eventId: event.id }] });
    expect((await reload(person.id)).userId).toBe(accepted.user.id);
    expect((await t.gql.ok(MY_SHIFTS, {}, accepted.accessToken)).myShifts).toEqual([{ shiftId: shift.id, staffMemberId: person.id }]);

    const audit = await t.dataSource.query(`SELECT action, actor_user_id FROM audit_entries WHERE entity_id IN ($1, $2) ORDER BY occurred_at, action`, [
      person.id,
      invited.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'invitation.accepted',
      'invitation.created',
      'staff_member.invited',
      'staff_member.user_linked',
    ]);
    expect(audit.find((a: { action: string }) => a.action === 'staff_member.user_linked').actor_user_id).toBe(accepted.user.id);
  });

  it('an existing account of that email is granted STAFF (once) and linked at once', async () => {
    const existing = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }], { email: 'known@example.org' });
    const person = await member({ email: 'known@example.org' });
    const invited = (await t.gql.ok(INVITE, { id: person.id }, tokens.coordinator)).inviteStaffMember;
    expect(invited.status).toBe('ACCEPTED');
    expect((await reload(person.id)).userId).toBe(existing.id);
    expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: existing.id, role: Role.STAFF, eventId: event.id })).toBe(1);
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: 'known@example.org', template: 'role-granted' })).toBe(1);
  });

  it('refuses a record without an email, one already linked, and an account that already has a record in the event, changing nothing', async () => {
    const noEmail = await member({ email: null });
    expect((await t.gql.error(INVITE, { id: noEmail.id }, tokens.coordinator)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'staffMemberId', constraint: 'emailRequired' }],
    });
    const linkedUser = await createUser(t.dataSource, []);
    const linked = await member({ userId: linkedUser.id });
    expect((await t.gql.error(INVITE, { id: linked.id }, tokens.coordinator)).extensions).toMatchObject({ code: 'CONFLICT', constraint: 'alreadyLinked' });

    const twice = await createUser(t.dataSource, [], { email: 'twice@example.org' });
    await member({ userId: twice.id, email: null });
    const second = await member({ email: 'twice@example.org' });
    const before = await t.dataSource.getRepository(InvitationEntity).count();
    expect((await t.gql.error(INVITE, { id: second.id }, tokens.coordinator)).extensions).toMatchObject({
      code: 'CONFLICT',
      constraint: 'staff_members_event_user_key',
    });
    expect(await t.dataSource.getRepository(InvitationEntity).count()).toBe(before);
    expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: twice.id })).toBe(0);
    expect((await reload(second.id)).userId).toBeNull();
  });

  it('coordinators only within their venues and teams; other events read as not found; staff may not invite', async () => {
    const here = await member();
    const there = await member({ homeVenueId: otherVenue.id });
    expect((await t.gql.error(INVITE, { id: here.id }, tokens.venueCoordinator)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.ok(INVITE, { id: there.id }, tokens.venueCoordinator)).inviteStaffMember.status).toBe('PENDING');
    expect((await t.gql.error(INVITE, { id: here.id }, tokens.otherCoordinator)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(INVITE, { id: here.id }, tokens.staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(INVITE, { id: here.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(INVITE, { id: '00000000-0000-4000-8000-000000000000' }, tokens.admin)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(INVITE, { id: 'not-a-uuid' }, tokens.admin)).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: here.email!, template: 'invitation' })).toBe(0);
  });

  it('a new invitation replaces the pending one: only the latest token works', async () => {
    const person = await member();
    await t.gql.ok(INVITE, { id: person.id }, tokens.coordinator);
    const first = await tokenFor(person.email!);
    await t.gql.ok(INVITE, { id: person.id }, tokens.admin);
    const latest = await tokenFor(person.email!);
    expect((await t.gql.error(ACCEPT, { token: first })).extensions?.reason).toBe('INVITATION_INVALID');
    expect((await t.gql.ok(ACCEPT, { token: latest })).acceptInvitation.user.email).toBe(person.email);
  });

  it('if the record was linked to someone else meanwhile, accepting is refused whole: no account, token still valid', async () => {
    const person = await member();
    await t.gql.ok(INVITE, { id: person.id }, tokens.coordinator);
    const token = await tokenFor(person.email!);
    const someoneElse = await createUser(t.dataSource, []);
    await t.gql.ok(`mutation { linkStaffMemberUser(staffMemberId: "${person.id}", userId: "${someoneElse.id}") { id } }`, {}, tokens.admin);
    expect((await t.gql.error(ACCEPT, { token })).extensions).toMatchObject({ code: 'CONFLICT', constraint: 'alreadyLinked' });
    expect(await t.dataSource.getRepository(UserEntity).countBy({ email: person.email! })).toBe(0);
    expect((await t.dataSource.getRepository(InvitationEntity).findOneByOrFail({ email: person.email! })).acceptedAt).toBeNull();
  });

  it('accepting while a new invitation of the same record is sent: one of the two wins, never an error without a code', async () => {
    for (let round = 0; round < 4; round++) {
      const person = await member();
      await t.gql.ok(INVITE, { id: person.id }, tokens.coordinator);
      const token = await tokenFor(person.email!);
      const [accepted, reinvited] = await Promise.all([t.gql.request(ACCEPT, { token }), t.gql.request(INVITE, { id: person.id }, tokens.admin)]);
      const linked = (await reload(person.id)).userId;
      if (!accepted.errors) {
        expect(linked).toBe(accepted.data?.acceptInvitation.user.id);
        // The new invitation queued behind the acceptance and found the record linked.
        expect(reinvited.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', constraint: 'alreadyLinked' });
      } else {
        expect(accepted.errors[0].extensions?.reason).toBe('INVITATION_INVALID');
        expect(reinvited.data?.inviteStaffMember.status).toBe('PENDING');
        expect(linked).toBeNull();
      }
    }
  });
});
