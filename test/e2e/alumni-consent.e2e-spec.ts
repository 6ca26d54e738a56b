import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { ShiftEntity } from '@baton/scheduling';
import { attend, consentText, createMember, login } from '../factories/alumni';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Joining by consent: closing an event invites its workforce through the outbox (accounts get a
 * join message, people without one an invitation granting ALUMNUS), nothing shows before the
 * person agrees, the consent is recorded with its text version and request, withdrawing hides
 * the profile on the next request, and closing again invites nobody twice.
 */
describe('alumni network: joining by consent', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let team: TeamEntity;
  let partner: OrganisationEntity;
  let shift: ShiftEntity;
  let adminToken: string;
  let adminId: string;
  let anna: { id: string; email: string; token: string; staffId: string };
  let bruno: { email: string; staffId: string };
  let observer: { id: string; token: string };

  const close = (eventId: string, phase = 'CLOSED', token = adminToken) =>
    t.gql.request(`mutation($id: ID!, $phase: EventPhase!) { updateEvent(id: $id, input: { phase: $phase }) { id phase } }`, { id: eventId, phase }, token);
  const outbox = async (recipient: string) =>
    (await t.dataSource.query(`SELECT template, subject, body, payload FROM outbox_messages WHERE recipient = $1 ORDER BY created_at`, [recipient])) as Array<{
      template: string;
      body: string;
      payload: Record<string, string>;
    }>;
  const join = (token: string, consentTextId: string, headers: Record<string, string> = {}) =>
    t.gql.request(
      `mutation($id: ID!) { joinAlumniNetwork(input: { consentTextId: $id }) { userId displayName isMine gamesExperiences { eventCode shiftsWorked venues { code } } } }`,
      { id: consentTextId },
      token,
      headers,
    );

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource, { name: 'Paris Test Event' });
    venue = await createVenue(t.dataSource, event.id, { code: 'STF', name: 'Stade de France' });
    team = await createTeam(t.dataSource, event.id, { code: 'NET', name: 'Network' });
    partner = await createOrganisation(t.dataSource, { name: 'Nordlys Networks' });
    shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' },
    );
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminId = admin.id;
    adminToken = await login(t, admin.email);
    const annaUser = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }], { displayName: 'Anna Lefèvre' });
    const annaStaff = await createStaffMember(t.dataSource, event.id, partner.id, {
      userId: annaUser.id,
      teamId: team.id,
      homeVenueId: venue.id,
      displayName: 'Anna L.',
    });
    await attend(t.dataSource, shift, annaStaff.id);
    anna = { id: annaUser.id, email: annaUser.email, token: await login(t, annaUser.email), staffId: annaStaff.id };
    const brunoStaff = await createStaffMember(t.dataSource, event.id, partner.id, {
      email: 'bruno@example.org',
      displayName: 'Bruno Marchal',
      teamId: team.id,
    });
    await attend(t.dataSource, shift, brunoStaff.id);
    bruno = { email: 'bruno@example.org', staffId: brunoStaff.id };
    // Nobody to tell: no account, no email.
    await createStaffMember(t.dataSource, event.id, partner.id, { displayName: 'Carla Nomail' });
    const member = await createMember(t, {}, { displayName: 'Observer Member' });
    observer = { id: member.id, token: member.token };
  }, 60_000);
  afterAll(() => t?.close());

  it('consent texts are versioned by admins; others may read but not publish', async () => {
    const publish = `mutation($t: String!, $b: String!) { publishAlumniConsentText(input: { title: $t, body: $b }) { id version current } }`;
    // createMember already put version 1 in place.
    const v2 = await t.gql.ok(publish, { t: 'Alumni network', b: 'Version two.\nYour profile is seen by members.' }, adminToken);
    expect(v2.publishAlumniConsentText).toMatchObject({ version: 2, current: true });
    expect((await t.gql.request(publish, { t: 'x', b: 'y' }, anna.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.request(publish, { t: 'x', b: 'y' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await t.gql.request(publish, { t: 'bad\u0000title', b: 'y' }, adminToken);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 't', constraint: 'noNulCharacter' })],
    });
    const texts = await t.gql.ok('{ alumniConsentTexts { version current } }', {}, anna.token);
    expect(texts.alumniConsentTexts).toEqual([
      { version: 2, current: true },
      { version: 1, current: false },
    ]);
  });

  it('nothing about a staff member is in the network before the event closes and they accept', async () => {
    const membership = await t.gql.ok('{ myAlumniMembership { member mayJoin invitedAfter } }', {}, anna.token);
    expect(membership.myAlumniMembership).toEqual({ member: false, mayJoin: false, invitedAfter: [] });
    const text = await consentText(t.dataSource);
    expect((await join(anna.token, text.id)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_INVITED' });
    expect((await t.gql.request(`{ alumniProfile(userId: "${anna.id}") { userId } }`, {}, observer.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('closing the event invites everyone reachable in the same transaction, set-based', async () => {
    const counter = countSql(t.dataSource);
    const closed = await close(event.id);
    counter.stop();
    expect(closed.errors).toBeUndefined();
    // A handful of statements whoever many people there are (the scale test below grows the count).
    expect(counter.count).toBeLessThan(40);
    const annaMail = await outbox(anna.email);
    expect(annaMail.map((m) => m.template)).toEqual(['alumni-join']);
    expect(annaMail[0].body).toContain('joinAlumniNetwork');
    const brunoMail = await outbox(bruno.email);
    expect(brunoMail.map((m) => m.template)).toEqual(['alumni-invitation']);
    expect(brunoMail[0].payload.token).toEqual(expect.any(String));
    const invitation = await t.dataSource.query(`SELECT role, event_id, invited_by_id FROM invitations WHERE email = $1`, [bruno.email]);
    expect(invitation).toEqual([{ role: 'ALUMNUS', event_id: null, invited_by_id: adminId }]);
    const rows = await t.dataSource.query(`SELECT notified, email FROM alumni_invitations WHERE event_id = $1 ORDER BY email NULLS LAST`, [event.id]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { notified: true, email: anna.email },
        { notified: true, email: bruno.email },
        { notified: false, email: null },
      ]),
    );
    const audit = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'alumni.invitations_sent' AND entity_id = $1`, [event.id]);
    expect(audit[0].after).toMatchObject({ staffRecords: 3, accounts: 1, newAccounts: 1, unreachable: 1 });
  });

  it('an invited person joins with the current text; the consent records the version and the request', async () => {
    const old = (await t.dataSource.query(`SELECT id FROM alumni_consent_texts WHERE version = 1`))[0].id;
    const stale = await join(anna.token, old);
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'consentTextId', constraint: 'currentVersion' })],
    });
    expect((await join(anna.token, 'not-a-uuid')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const current = await consentText(t.dataSource);
    const joined = await join(anna.token, current.id, { 'x-request-id': 'join-anna-1', 'user-agent': 'alumni-test/1.0' });
    expect(joined.errors).toBeUndefined();
    expect(joined.data?.joinAlumniNetwork).toEqual({
      userId: anna.id,
      displayName: 'Anna Lefèvre',
      isMine: true,
      gamesExperiences: [{ eventCode: event.code, shiftsWorked: 1, venues: [{ code: 'STF' }] }],
    });
    const [consent] = await t.dataSource.query(
      `SELECT c.purpose, t.version, c.request_id, c.ip_address, c.user_agent, c.given_at, c.withdrawn_at FROM alumni_consents c JOIN alumni_consent_texts t ON t.id = c.consent_text_id WHERE c.user_id = $1`,
      [anna.id],
    );
    expect(consent).toMatchObject({ purpose: 'ALUMNI_NETWORK', version: 2, request_id: 'join-anna-1', user_agent: 'alumni-test/1.0', withdrawn_at: null });
    expect(consent.ip_address).toMatch(/127\.0\.0\.1/);
    // The account gained ALUMNUS; a new token carries it (grants are read on every request anyway).
    const me = await t.gql.ok('{ me { roles { role } } }', {}, anna.token);
    expect(me.me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['ALUMNUS', 'STAFF']);
    expect((await t.gql.ok(`{ alumniProfile(userId: "${anna.id}") { displayName } }`, {}, observer.token)).alumniProfile.displayName).toBe('Anna Lefèvre');
    const audit = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'alumni.consent_given' AND actor_user_id = $1`, [anna.id]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].after)).not.toContain('127.0.0.1');
  });

  it('joining again, even many times at once, keeps one active consent', async () => {
    const current = await consentText(t.dataSource);
    const results = await Promise.all(Array.from({ length: 6 }, () => join(anna.token, current.id)));
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK')).toEqual(Array(6).fill('OK'));
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM alumni_consents WHERE user_id = $1`, [anna.id]);
    expect(n).toBe(1);
  });

  it('someone without an account accepts the invitation, then consents; their staff record is linked', async () => {
    const [mail] = await outbox(bruno.email);
    const accepted = await t.gql.ok(
      `mutation($token: String!) { acceptInvitation(input: { token: $token, password: "${TEST_PASSWORD}" }) { accessToken user { id roles { role } } } }`,
      { token: mail.payload.token },
    );
    const token = accepted.acceptInvitation.accessToken;
    expect(accepted.acceptInvitation.user.roles).toEqual([{ role: 'ALUMNUS' }]);
    // ALUMNUS alone is not membership: nothing to browse, nothing shown, until the consent step.
    expect((await t.gql.request('{ alumniDirectory { totalCount } }', {}, token)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CONSENT_REQUIRED',
    });
    expect((await t.gql.request('mutation { updateAlumniProfile(input: { headline: "x" }) { userId } }', {}, token)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql.ok('{ myAlumniProfile { userId } }', {}, token)).myAlumniProfile).toBeNull();
    const joined = await join(token, (await consentText(t.dataSource)).id);
    expect(joined.errors).toBeUndefined();
    expect(joined.data?.joinAlumniNetwork.gamesExperiences).toEqual([{ eventCode: event.code, shiftsWorked: 1, venues: [{ code: 'STF' }] }]);
    const [staff] = await t.dataSource.query(`SELECT user_id FROM staff_members WHERE id = $1`, [bruno.staffId]);
    expect(staff.user_id).toBe(accepted.acceptInvitation.user.id);
  });

  it('reopening and closing again invites only the staff records added since', async () => {
    const before = (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_messages`))[0].n;
    expect((await close(event.id, 'GAMES')).errors).toBeUndefined();
    const dora = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }]);
    await createStaffMember(t.dataSource, event.id, partner.id, { userId: dora.id, displayName: 'Dora New' });
    expect((await close(event.id)).errors).toBeUndefined();
    const after = await t.dataSource.query(`SELECT recipient FROM outbox_messages ORDER BY created_at OFFSET $1`, [before]);
    expect(after).toEqual([{ recipient: dora.email }]);
  });

  it('withdrawing hides the profile on the very next request, keeps it for its owner, and removes ALUMNUS', async () => {
    expect((await t.gql.ok(`{ alumniProfile(userId: "${anna.id}") { userId } }`, {}, observer.token)).alumniProfile.userId).toBe(anna.id);
    const withdrawn = await t.gql.ok('mutation { withdrawAlumniConsent { member mayJoin consents { version withdrawnAt } } }', {}, anna.token);
    expect(withdrawn.withdrawAlumniConsent).toMatchObject({ member: false, mayJoin: true, consents: [{ version: 2, withdrawnAt: expect.any(String) }] });
    expect((await t.gql.request(`{ alumniProfile(userId: "${anna.id}") { userId } }`, {}, observer.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const directory = await t.gql.ok('{ alumniDirectory(first: 200) { edges { node { userId } } } }', {}, observer.token);
    expect(directory.alumniDirectory.edges.map((e: { node: { userId: string } }) => e.node.userId)).not.toContain(anna.id);
    expect((await t.gql.ok('{ myAlumniProfile { userId isMine } }', {}, anna.token)).myAlumniProfile).toEqual({ userId: anna.id, isMine: true });
    const me = await t.gql.ok('{ me { roles { role } } }', {}, anna.token);
    expect(me.me.roles.map((r: { role: string }) => r.role)).toEqual(['STAFF']);
    // Withdrawing twice changes nothing; joining again is a new consent row.
    await t.gql.ok('mutation { withdrawAlumniConsent { member } }', {}, anna.token);
    expect((await join(anna.token, (await consentText(t.dataSource)).id)).errors).toBeUndefined();
    const [{ n, active }] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE withdrawn_at IS NULL)::int AS active FROM alumni_consents WHERE user_id = $1`,
      [anna.id],
    );
    expect({ n, active }).toEqual({ n: 2, active: 1 });
  });

  it('a withdrawal racing a profile change: both finish, and the end state is consistent', async () => {
    const results = await Promise.all([
      t.gql.request('mutation { updateAlumniProfile(input: { headline: "Racing" }) { userId } }', {}, anna.token),
      t.gql.request('mutation { withdrawAlumniConsent { member } }', {}, anna.token),
    ]);
    expect(results[1].errors).toBeUndefined();
    // The change either committed before the withdrawal, or was refused after it: never after it.
    const [{ active }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE withdrawn_at IS NULL)::int AS active FROM alumni_consents WHERE user_id = $1`,
      [anna.id],
    );
    expect(active).toBe(0);
    expect(['OK', 'FORBIDDEN']).toContain(results[0].errors?.[0].extensions?.code ?? 'OK');
  });

  it('closing an event of 300 people costs the same handful of statements', async () => {
    const big = await createEvent(t.dataSource, { name: 'Big Test Event' });
    await t.dataSource.query(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'big' || g || '@test.baton', 'Big ' || g, 'x' FROM generate_series(1, 150) g`,
    );
    await t.dataSource.query(
      `INSERT INTO staff_members (event_id, organisation_id, user_id, display_name, employment_type)
       SELECT $1, $2, u.id, u.display_name, 'EMPLOYEE' FROM users u WHERE u.email LIKE 'big%@test.baton'`,
      [big.id, partner.id],
    );
    await t.dataSource.query(
      `INSERT INTO staff_members (event_id, organisation_id, email, display_name, employment_type)
       SELECT $1, $2, 'nobody' || g || '@example.org', 'Nobody ' || g, 'VOLUNTEER' FROM generate_series(1, 150) g`,
      [big.id, partner.id],
    );
    const counter = countSql(t.dataSource);
    expect((await close(big.id)).errors).toBeUndefined();
    counter.stop();
    expect(counter.count).toBeLessThan(40);
    const [{ messages }] = await t.dataSource.query(
      `SELECT count(*)::int AS messages FROM outbox_messages WHERE recipient LIKE 'big%@test.baton' OR recipient LIKE 'nobody%@example.org'`,
    );
    expect(messages).toBe(300);
  });
});
