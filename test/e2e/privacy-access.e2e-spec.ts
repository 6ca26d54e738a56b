import { Role } from '@baton/auth';
import { EnvelopeCipher, EnvelopeError } from '@baton/crypto';
import { login } from '../factories/alumni';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { assignToShift } from '../factories/assignments';
import { createUser, TEST_PASSWORD, UserFixture } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const EXPORT = `{ exportMyData }`;
const REQUEST = `mutation($u: ID!, $r: String!) { requestErasure(input: { userId: $u, reason: $r }) { id userId status reason requestedById requestedAt executedAt } }`;
const LIST = `query($s: ErasureRequestStatus) { erasureRequests(status: $s) { totalCount edges { node { id userId status } } } }`;
const EXECUTE = `mutation($id: ID!) { executeErasure(id: $id) { id status executedById executedAt } }`;
const DELETE = `mutation($p: String!) { deleteMyAccount(input: { password: $p }) { erasedAt staffRecords } }`;

/** Who may export, delete and erase, with the typed errors of each refusal; what an export holds. */
describe('privacy: export, account deletion and erasure requests', () => {
  let t: TestApp;
  let admin: UserFixture;
  let adminToken: string;
  let coordinatorToken: string;
  let staff: UserFixture;
  let staffToken: string;
  let staffMemberId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2025-07-21T07:00:00Z' });
    const event = await createEvent(t.dataSource);
    const venue = await createVenue(t.dataSource, event.id);
    const team = await createTeam(t.dataSource, event.id);
    const organisation = await createOrganisation(t.dataSource);
    admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminToken = await login(t, admin.email);
    coordinatorToken = await login(t, (await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }])).email);
    // A staff member who never joined the alumni network.
    staff = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }], { displayName: 'Noé Staffonly' });
    staffToken = await login(t, staff.email);
    const record = await createStaffMember(t.dataSource, event.id, organisation.id, {
      userId: staff.id,
      displayName: 'Noé Staffonly',
      email: staff.email,
      phone: '+33 1 23 45 67 89',
      teamId: team.id,
    });
    staffMemberId = record.id;
    await assignToShift(
      t.dataSource,
      await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venue.id, teamId: team.id },
        { startsAt: '2025-07-22T06:00:00Z', endsAt: '2025-07-22T14:00:00Z' },
      ),
      record.id,
    );
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'UNAVAILABLE', '2025-07-25', '2025-07-26')`,
      [record.id],
    );
    await t.dataSource.query(`INSERT INTO outbox_messages (recipient, template, subject, body) VALUES ($1, 'note', 'Your shifts', 'Hello')`, [staff.email]);
  }, 120_000);
  afterAll(() => t?.close());

  it('exportMyData gives a staff member who never joined everything held on them, without secrets, and is audited without the content', async () => {
    const doc = (await t.gql.ok(EXPORT, {}, staffToken)).exportMyData;
    expect(doc).toMatchObject({ format: 'baton-personal-data/1', userId: staff.id, staffMemberIds: [staffMemberId] });
    expect(doc.sections.account.user).toMatchObject({ id: staff.id, email: staff.email, display_name: 'Noé Staffonly' });
    expect(doc.sections.account.grants).toEqual([expect.objectContaining({ role: 'STAFF' })]);
    expect(doc.sections.account.sessions.length).toBeGreaterThan(0);
    expect(doc.sections.staff.records).toEqual([expect.objectContaining({ id: staffMemberId, phone: '+33 1 23 45 67 89' })]);
    expect(doc.sections.staff.availability).toHaveLength(1);
    expect(doc.sections.roster.assignments).toHaveLength(1);
    expect(doc.sections.messages.sentToMe).toEqual([expect.objectContaining({ subject: 'Your shifts' })]);
    expect(doc.sections.alumni.alumni_profiles).toEqual([]);
    const text = JSON.stringify(doc);
    expect(text).not.toMatch(/password_hash|token_hash|\$argon2/);
    const [audit] = await t.dataSource.query(`SELECT actor_user_id, after FROM audit_entries WHERE action = 'privacy.exported'`);
    expect(audit.actor_user_id).toBe(staff.id);
    expect(audit.after['staff.records']).toBe(1);
    expect(JSON.stringify(audit.after)).not.toContain(staff.email);
  });

  it('exportMyData sends the same number of SQL statements whatever the person holds (no query per row)', async () => {
    const counter = countSql(t.dataSource);
    try {
      await t.gql.ok(EXPORT, {}, staffToken);
      const small = counter.count;
      for (let day = 1; day <= 20; day++) {
        await t.dataSource.query(
          `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'PREFERRED', $2::timestamptz, $2::timestamptz + interval '1 hour')`,
          [staffMemberId, `2025-08-${String(day).padStart(2, '0')}T08:00:00Z`],
        );
        await t.dataSource.query(`INSERT INTO outbox_messages (recipient, template, subject, body) VALUES ($1, 'note', 'More', 'Hello')`, [staff.email]);
      }
      counter.reset();
      const doc = (await t.gql.ok(EXPORT, {}, staffToken)).exportMyData;
      expect(doc.sections.staff.availability).toHaveLength(21);
      expect(counter.count).toBe(small);
    } finally {
      counter.stop();
    }
  });

  it('the phone number is encrypted at rest: the raw table holds an envelope, the API and the export give the number', async () => {
    const [raw] = await t.dataSource.query(`SELECT row_to_json(s)::text AS row, phone_envelope FROM staff_members s WHERE id = $1`, [staffMemberId]);
    expect(raw.phone_envelope).toMatch(/^v1:test:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    expect(raw.row).not.toMatch(/23.?45.?67.?89/);
    const mine = (await t.gql.ok(`{ myStaffProfiles { contact { phone } } }`, {}, staffToken)).myStaffProfiles;
    expect(mine).toEqual([{ contact: { phone: '+33 1 23 45 67 89' } }]);
    // An envelope moved onto another column or context does not open: the context is bound in.
    expect(() => t.app.get(EnvelopeCipher).openText(raw.phone_envelope, 'staff_members.email')).toThrow(EnvelopeError);
  });

  it('exportMyData and deleteMyAccount need a signed-in person', async () => {
    expect((await t.gql.error(EXPORT)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(DELETE, { p: TEST_PASSWORD })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('deleteMyAccount: an empty password is BAD_USER_INPUT; the last administrator is refused with RULE_VIOLATION, and nothing changes', async () => {
    expect((await t.gql.error(DELETE, { p: '' }, staffToken)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password' }] });
    const error = await t.gql.error(DELETE, { p: TEST_PASSWORD }, adminToken);
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'LAST_ADMIN' }] });
    const [row] = await t.dataSource.query(`SELECT status, email FROM users WHERE id = $1`, [admin.id]);
    expect(row).toEqual({ status: 'ACTIVE', email: admin.email });
  });

  it('erasure requests are for admins only: a coordinator is FORBIDDEN on each operation', async () => {
    expect((await t.gql.error(REQUEST, { u: staff.id, r: 'Ticket 1' }, coordinatorToken)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(LIST, {}, coordinatorToken)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(EXECUTE, { id: '00000000-0000-4000-8000-000000000000' }, staffToken)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM privacy_erasure_requests`))[0].n).toBe(0);
  });

  it('requestErasure refuses bad input with typed errors', async () => {
    expect((await t.gql.error(REQUEST, { u: '00000000-0000-4000-8000-000000000000', r: 'Ticket 1' }, adminToken)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(REQUEST, { u: staff.id, r: '   ' }, adminToken)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'reason' }],
    });
    expect((await t.gql.error(REQUEST, { u: 'not-a-uuid', r: 'Ticket 1' }, adminToken)).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql.error(EXECUTE, { id: '00000000-0000-4000-8000-000000000000' }, adminToken)).extensions?.code).toBe('NOT_FOUND');
  });

  it('an admin records, lists and executes an erasure; a second request or execution is a CONFLICT; the audit holds ids only', async () => {
    const request = (await t.gql.ok(REQUEST, { u: staff.id, r: 'Ticket PRIV-204' }, adminToken)).requestErasure;
    expect(request).toMatchObject({ userId: staff.id, status: 'PENDING', requestedById: admin.id, executedAt: null });
    expect((await t.gql.error(REQUEST, { u: staff.id, r: 'Ticket PRIV-205' }, adminToken)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REQUESTED',
    });
    const pending = (await t.gql.ok(LIST, { s: 'PENDING' }, adminToken)).erasureRequests;
    expect(pending).toMatchObject({ totalCount: 1, edges: [{ node: { id: request.id, userId: staff.id } }] });

    const executed = (await t.gql.ok(EXECUTE, { id: request.id }, adminToken)).executeErasure;
    expect(executed).toMatchObject({ status: 'EXECUTED', executedById: admin.id, executedAt: expect.any(String) });
    expect((await t.gql.error(EXECUTE, { id: request.id }, adminToken)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_EXECUTED' });
    expect((await t.gql.request(EXPORT, {}, staffToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const [user] = await t.dataSource.query(`SELECT email, display_name, status, password_hash FROM users WHERE id = $1`, [staff.id]);
    expect(user).toEqual({
      email: `erased-${staff.id}@erased.invalid`,
      display_name: expect.stringMatching(/^Erased person #/),
      status: 'DISABLED',
      password_hash: null,
    });
    const [record] = await t.dataSource.query(`SELECT display_name, email, phone_envelope FROM staff_members WHERE id = $1`, [staffMemberId]);
    expect(record).toEqual({ display_name: user.display_name, email: null, phone_envelope: null });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM assignments WHERE staff_member_id = $1`, [staffMemberId]))[0].n).toBe(1);

    const audits = await t.dataSource.query(`SELECT action, after, reason FROM audit_entries WHERE action LIKE 'privacy.erasure%' ORDER BY occurred_at`);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(['privacy.erasure_requested', 'privacy.erasure_executed']);
    const trail = JSON.stringify(audits);
    expect(trail).not.toContain(staff.email);
    expect(trail).not.toContain('Noé');
    expect(trail).not.toContain('PRIV-204');
  });
});
