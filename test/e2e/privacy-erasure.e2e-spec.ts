import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { OutboxMessageEntity } from '@baton/outbox';
import { PrivacyRegistry } from '@baton/privacy';
import { StaffMemberEntity } from '@baton/staff';
import { attend, consentText, createMember, login } from '../factories/alumni';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/** The person who did everything, with strings found nowhere else. */
const NAME = 'Zéphyrine Quillfeather-Okonkwo';
const EMAIL = 'zephyrine.quillfeather@privacy-scan.example';
const PHONE = '+33 6 41 97 25 83';
const PASSWORD = 'her own long passphrase';

/** Every column of every table that can hold text: text, varchar, json, jsonb, and arrays of text. */
async function textColumns(t: TestApp): Promise<Array<{ schema: string; table: string; column: string }>> {
  return t.dataSource.query(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
      WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
      ORDER BY 1, 2, 3`,
  );
}

async function findEverywhere(t: TestApp, needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const { schema, table, column } of await textColumns(t)) {
    for (const needle of needles) {
      const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`, [needle]);
      if (row.n > 0) hits.push(`${schema}.${table}.${column} holds "${needle}" (${row.n})`);
    }
  }
  return hits;
}

describe('privacy: erasure leaves no trace of the person, and every table is claimed', () => {
  let t: TestApp;
  let adminToken: string;
  let coordinatorToken: string;
  let personToken: string;
  let personId: string;
  let staffId: string;
  let pastStaffId: string;
  let assignmentId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2025-07-21T07:50:00Z' });
    const event = await createEvent(t.dataSource, { startsOn: '2025-07-15', endsOn: '2025-08-15' });
    const venue = await createVenue(t.dataSource, event.id, { zones: [] });
    const team = await createTeam(t.dataSource, event.id);
    const organisation = await createOrganisation(t.dataSource);
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    const coordinator = await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }]);
    adminToken = await login(t, admin.email);
    coordinatorToken = await login(t, coordinator.email);

    // Through the API, so the audit trail and the outbox get what the app really writes.
    const created = await t.gql.ok(
      `mutation($i: CreateStaffMemberInput!) { createStaffMember(input: $i) { id } }`,
      {
        i: {
          eventId: event.id,
          organisationId: organisation.id,
          teamId: team.id,
          homeVenueId: venue.id,
          displayName: NAME,
          email: EMAIL,
          phone: PHONE,
          employmentType: 'EMPLOYEE',
          accreditationStatus: 'VALID',
          externalRef: 'HR-ZQ-4471',
        },
      },
      coordinatorToken,
    );
    staffId = created.createStaffMember.id;
    await t.gql.ok(`mutation($id: ID!) { inviteStaffMember(staffMemberId: $id) { id } }`, { id: staffId }, coordinatorToken);
    const invitation = await t.dataSource.getRepository(OutboxMessageEntity).findOneOrFail({ where: { recipient: EMAIL, template: 'invitation' } });
    const accepted = await t.gql.ok(
      `mutation($token: String!, $p: String!) { acceptInvitation(input: { token: $token, password: $p, displayName: "${NAME}" }) { accessToken user { id } } }`,
      { token: invitation.payload.token, p: PASSWORD },
    );
    personToken = accepted.acceptInvitation.accessToken;
    personId = accepted.acceptInvitation.user.id;

    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2025-07-21T08:00:00Z', endsAt: '2025-07-21T16:00:00Z' },
    );
    assignmentId = (
      await t.gql.ok(`mutation($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id } }`, { s: shift.id, m: staffId }, coordinatorToken)
    ).assign.id;
    t.clock.set('2025-07-21T07:55:00Z');
    await t.gql.ok(`mutation($id: ID!) { checkIn(assignmentId: $id) { id } }`, { id: assignmentId }, coordinatorToken);
    await t.gql.ok(
      `mutation($i: AddAvailabilityInput!) { addAvailability(input: $i) { id } }`,
      { i: { kind: 'UNAVAILABLE', startsAt: '2025-07-30T00:00:00Z', endsAt: '2025-07-31T00:00:00Z', note: `${NAME}: a family wedding` } },
      personToken,
    );

    // A closed event she worked, with a verified record, the alumni network and endorsements.
    const past = await createPastEvent(t.dataSource, EventPhase.CLOSED, 'Test Games 2024');
    const worked = await createWorkedStaff(t.dataSource, past, [{ start: '2024-07-27T06:00:00Z' }, { start: '2024-07-28T06:00:00Z' }], {
      userId: personId,
      displayName: NAME,
    });
    pastStaffId = worked.staffMemberId;
    await t.dataSource.getRepository(StaffMemberEntity).update({ id: pastStaffId }, { email: EMAIL, phone: PHONE });
    await t.gql.ok(`mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`, { e: past.event.id }, adminToken);
    const text = await consentText(t.dataSource);
    await t.dataSource.query(
      `INSERT INTO alumni_consents (user_id, consent_text_id, purpose, given_at, request_id, ip_address, user_agent) VALUES ($1, $2, 'ALUMNI_NETWORK', now(), 'req-1', '203.0.113.7', $3)`,
      [personId, text.id, `Firefox (${NAME})`],
    );
    await t.dataSource.query(`INSERT INTO role_grants (user_id, role) VALUES ($1, 'ALUMNUS')`, [personId]);
    await t.dataSource.query(
      `INSERT INTO alumni_profiles (user_id, display_name, headline, summary, city, country, visibility) VALUES ($1, $2, 'Network lead', $3, 'Lyon', 'FR', 'ALUMNI')`,
      [personId, NAME, `I am ${NAME}, reach me at ${EMAIL} or ${PHONE}`],
    );
    await t.dataSource.query(`INSERT INTO alumni_links (user_id, label, url, position) VALUES ($1, 'Mail', $2, 0)`, [
      personId,
      `https://example.org/u/${EMAIL}`,
    ]);
    await t.dataSource.query(
      `INSERT INTO alumni_invitations (event_id, event_name, staff_member_id, user_id, email, notified) VALUES ($1, $2, $3, $4, $5, true)`,
      [past.event.id, past.event.name, pastStaffId, personId, EMAIL],
    );
    const colleague = await createMember(t, {}, { displayName: 'Colleague Barnaby' });
    const colleagueStaff = await createWorkedStaff(t.dataSource, past, [{ start: '2024-07-29T06:00:00Z' }], { userId: colleague.id });
    const [mySkill] = await t.dataSource.query(`INSERT INTO alumni_profile_skills (user_id, name, level, position) VALUES ($1, 'Cisco', 3, 0) RETURNING id`, [
      personId,
    ]);
    const [theirSkill] = await t.dataSource.query(
      `INSERT INTO alumni_profile_skills (user_id, name, level, position) VALUES ($1, 'Wi-Fi', 3, 0) RETURNING id`,
      [colleague.id],
    );
    await t.dataSource.query(
      `INSERT INTO alumni_endorsements (endorser_id, endorsee_id, profile_skill_id, relation, event_id, context, comment)
       VALUES ($1, $2, $3, 'SHARED_SHIFTS', $5, '{"shifts": 1}', $6), ($2, $1, $4, 'SHARED_SHIFTS', $5, '{"shifts": 1}', 'Great colleague')`,
      [colleague.id, personId, mySkill.id, theirSkill.id, past.event.id, `${NAME} saved the day`],
    );
    await attend(
      t.dataSource,
      {
        id: (
          await createShift(
            t.dataSource,
            { eventId: past.event.id, venueId: past.paris.id, teamId: past.network.id },
            { startsAt: '2024-07-30T06:00:00Z', endsAt: '2024-07-30T14:00:00Z' },
          )
        ).id,
        eventId: past.event.id,
        startsAt: new Date('2024-07-30T06:00:00Z'),
      },
      colleagueStaff.staffMemberId,
    );
    // Others' rows that mention her: a message to the coordinator, a note in someone else's audit entry.
    await t.dataSource.query(`INSERT INTO outbox_messages (recipient, template, subject, body, payload) VALUES ($1, 'note', $2, $3, $4)`, [
      coordinator.email,
      `No-show: ${NAME}`,
      `Call ${NAME} on ${PHONE}`,
      JSON.stringify({ about: NAME, email: EMAIL.toUpperCase() }),
    ]);
    await t.dataSource.query(
      `INSERT INTO audit_entries (actor_user_id, action, entity_type, entity_id, after, reason) VALUES ($1, 'shift.updated', 'shift', $2, $3, $4)`,
      [coordinator.id, shift.id, JSON.stringify({ notes: `Ask ${NAME} (${EMAIL})` }), `Swap with ${NAME}`],
    );
    // The setup really planted the strings: a scan that finds nothing before proves nothing after.
    const before = await findEverywhere(t, [NAME, EMAIL, PHONE]);
    expect(before.length).toBeGreaterThan(10);
  }, 120_000);
  afterAll(() => t?.close());

  it('every table with text, JSON or a reference to a person is claimed by a privacy contribution, and every claim names a real table', async () => {
    const rows: Array<{ name: string }> = await t.dataSource.query(
      `SELECT DISTINCT CASE WHEN c.table_schema = 'public' THEN c.table_name ELSE c.table_schema || '.' || c.table_name END AS name
         FROM information_schema.columns c JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE tb.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
          -- A partition (pg-boss keeps one per queue) is covered by the claim on its parent table.
          AND NOT EXISTS (SELECT 1 FROM pg_class p JOIN pg_namespace n ON n.oid = p.relnamespace WHERE n.nspname = c.table_schema AND p.relname = c.table_name AND p.relispartition)
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
               OR c.column_name ~ '(email|phone|name)'
               OR EXISTS (SELECT 1 FROM information_schema.key_column_usage k
                            JOIN information_schema.referential_constraints r ON r.constraint_name = k.constraint_name AND r.constraint_schema = k.constraint_schema
                            JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
                           WHERE k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
                             AND u.table_name IN ('users', 'staff_members')))
        ORDER BY 1`,
    );
    const claimed = t.app.get(PrivacyRegistry).tables();
    expect(rows.map((r) => r.name).filter((name) => !claimed.has(name))).toEqual([]);
    const existing: Array<{ name: string }> = await t.dataSource.query(
      `SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END AS name FROM information_schema.tables WHERE table_type = 'BASE TABLE'`,
    );
    const names = new Set(existing.map((r) => r.name));
    expect([...claimed.keys()].filter((name) => !names.has(name))).toEqual([]);
  });

  it('deleteMyAccount refuses a wrong password and changes nothing', async () => {
    const error = await t.gql.error(`mutation { deleteMyAccount(input: { password: "not it" }) { erasedAt } }`, {}, personToken);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password', constraint: 'mismatch' }] });
    const [row] = await t.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [personId]);
    expect(row.display_name).toBe(NAME);
  });

  it('after deleteMyAccount, no text or JSON column of any table holds her name, email or phone; statistics still add up', async () => {
    const hoursBefore = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(checked_in_at)::int AS attended FROM assignments WHERE staff_member_id = ANY($1::uuid[])`,
      [[staffId, pastStaffId]],
    );
    const result = await t.gql.ok(`mutation($p: String!) { deleteMyAccount(input: { password: $p }) { erasedAt staffRecords } }`, { p: PASSWORD }, personToken);
    expect(result.deleteMyAccount.staffRecords).toBe(2);

    expect(await findEverywhere(t, [NAME, EMAIL, PHONE])).toEqual([]);

    // Assignments and attendance stay, on records renamed to the alias.
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n, count(checked_in_at)::int AS attended FROM assignments WHERE staff_member_id = ANY($1::uuid[])`, [
        [staffId, pastStaffId],
      ]),
    ).toEqual(hoursBefore);
    const records = await t.dataSource.query(`SELECT display_name, email, phone_envelope FROM staff_members WHERE id = ANY($1::uuid[])`, [
      [staffId, pastStaffId],
    ]);
    expect(records).toEqual([
      { display_name: expect.stringMatching(/^Erased person #[0-9a-f]{8}$/), email: null, phone_envelope: null },
      { display_name: expect.stringMatching(/^Erased person #[0-9a-f]{8}$/), email: null, phone_envelope: null },
    ]);
    // The Games record is revoked and certifies nothing any more.
    const [record] = await t.dataSource.query(`SELECT revoked_at, subject_name, credential_jwt FROM games_records WHERE staff_member_id = $1`, [pastStaffId]);
    expect(record).toMatchObject({ revoked_at: expect.any(Date), subject_name: null, credential_jwt: null });
    // Her open session ends at once, and she cannot sign in again.
    expect((await t.gql.request(`{ me { id } }`, {}, personToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await t.gql.request(`mutation { login(input: { email: "${EMAIL}", password: "${PASSWORD}" }) { accessToken } }`)).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    // The endorsement she gave the colleague is gone too.
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM alumni_endorsements`))[0].n).toBe(0);
    // The audit keeps that it happened, with ids and counts only.
    const [audit] = await t.dataSource.query(`SELECT actor_user_id, after FROM audit_entries WHERE action = 'privacy.account_deleted'`);
    expect(audit.actor_user_id).toBe(personId);
    expect(audit.after['staff.staff_members']).toBe(2);
  });

  it('an erased person cannot be erased again: the old token is dead, an erasure request is a conflict', async () => {
    expect((await t.gql.request(`mutation { deleteMyAccount(input: { password: "x" }) { erasedAt } }`, {}, personToken)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const error = await t.gql.error(`mutation($u: ID!) { requestErasure(input: { userId: $u, reason: "Ticket 12" }) { id } }`, { u: personId }, adminToken);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ERASED' });
  });
});
