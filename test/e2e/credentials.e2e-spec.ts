import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { GamesRecordService } from '@baton/credentials';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const RECORD = `id code verificationUrl status eventId eventCode eventName staffMemberId subjectName organisationName teams venues roles
  firstDay lastDay shiftsWorked workedMinutes hoursWorked issuedAt keyId credentialJwt hidden revokedAt revocationReason supersededAt supersededByCode`;
const ISSUE = `mutation I($e: ID!) { issueGamesRecords(eventId: $e) { eventId issued alreadyIssued withoutWorkedShifts } }`;
const MINE = `query { myGamesRecords { ${RECORD} } }`;
const LIST = `query L($e: ID!, $first: Int, $after: String, $filter: GamesRecordFilter) {
  gamesRecords(eventId: $e, first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code status subjectName } } }
}`;
const VERIFY = `query V($code: String!) { verifyRecord(code: $code) {
  code status checkedAt signatureValid matchesRecord problems issuer { id name } issuedAt keyId credentialId revokedAt revocationReason
  supersededByCode supersededByUrl verificationUrl jwksUrl credentialJwt
  facts { subjectName eventName eventCode organisationName teams venues roles firstDay lastDay shiftsWorked hoursWorked hoursRule }
} }`;
const REVOKE = `mutation R($id: ID!, $reason: String!) { revokeGamesRecord(id: $id, reason: $reason) { ${RECORD} } }`;
const REISSUE = `mutation R($id: ID!, $reason: String!) { reissueGamesRecord(id: $id, reason: $reason) { ${RECORD} } }`;
const HIDE = `mutation H($id: ID!, $hidden: Boolean!) { setGamesRecordHidden(id: $id, hidden: $hidden) { id hidden status } }`;

describe('verified Games records: issue, see, verify, revoke, reissue, hide', () => {
  let t: TestApp;
  let place: Awaited<ReturnType<typeof createPastEvent>>;
  let second: Awaited<ReturnType<typeof createPastEvent>>;
  const tokens: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  let alice: { staffMemberId: string; assignmentIds: string[] };
  let bob: { staffMemberId: string };
  let aliceSecond: { staffMemberId: string };

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken as string;
  /** Moves the test clock; access tokens expire against it, so everyone signs in again. */
  const setClock = async (now: string) => {
    t.clock.set(now);
    for (const [name, user] of Object.entries(users)) tokens[name] = await login(user.email);
  };
  const errorOf = async (query: string, variables: Record<string, unknown>, token?: string) => (await t.gql.error(query, variables, token)).extensions;
  const recordOf = async (staffMemberId: string) =>
    (
      await t.dataSource.query(
        `SELECT *, first_day::text AS first_day, last_day::text AS last_day FROM games_records WHERE staff_member_id = $1 AND superseded_at IS NULL`,
        [staffMemberId],
      )
    )[0];
  const verify = async (code: string) => (await t.gql.ok(VERIFY, { code })).verifyRecord;
  const audits = async (entityId: string) =>
    (await t.dataSource.query(`SELECT action, reason FROM audit_entries WHERE entity_id = $1 ORDER BY occurred_at, action`, [entityId])) as Array<{
      action: string;
      reason: string | null;
    }>;

  // Heavy set-up (an app, accounts signing in, a small event): a loaded machine needs more than 30 s.
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-08-20T10:00:00Z', env: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_ADDRESS: '10000' } });
    place = await createPastEvent(t.dataSource);
    second = await createPastEvent(t.dataSource, EventPhase.CLOSED, 'Winter Test Games');
    const grants = {
      admin: [{ role: Role.ADMIN }],
      alice: [{ role: Role.STAFF, eventId: place.event.id }],
      alumnus: [{ role: Role.ALUMNUS }],
      coordinator: [{ role: Role.COORDINATOR, eventId: place.event.id }],
      recruiter: [{ role: Role.RECRUITER, organisationId: place.organisation.id }],
      erin: [{ role: Role.ALUMNUS }],
    };
    for (const [name, g] of Object.entries(grants)) {
      users[name] = await createUser(t.dataSource, g, name === 'alice' ? { displayName: 'Alice Martin' } : {});
      tokens[name] = await login(users[name].email);
    }
    // Alice: an on-time day in Paris arriving early and leaving late, a night shift without check-out,
    // a day at Teahupo'o (Tahiti time), a no-show, and a cancelled assignment she had checked in to.
    alice = await createWorkedStaff(
      t.dataSource,
      place,
      [
        { start: '2024-07-27T06:00:00Z', checkedInAt: '2024-07-27T05:50:00Z', checkedOutAt: '2024-07-27T14:30:00Z' },
        { start: '2024-07-28T20:00:00Z', checkedInAt: '2024-07-28T20:10:00Z', checkedOutAt: null },
        { start: '2024-08-03T18:00:00Z', venue: place.tahiti, team: place.timing, roleTitle: 'Timing operator' },
        { start: '2024-08-05T06:00:00Z', checkedInAt: null, checkedOutAt: null },
        { start: '2024-08-06T06:00:00Z', status: 'CANCELLED' },
      ],
      { userId: users.alice.id, displayName: 'Alice Martin' },
    );
    bob = await createWorkedStaff(t.dataSource, place, [{ start: '2024-07-30T06:00:00Z', hours: 4 }], { displayName: 'Bob Leroy' });
    // Checked in only to a cancelled assignment: nothing worked. Never checked in at all: not even considered.
    await createWorkedStaff(t.dataSource, place, [{ start: '2024-07-30T06:00:00Z', status: 'CANCELLED' }]);
    await createWorkedStaff(t.dataSource, place, [{ start: '2024-07-30T06:00:00Z', checkedInAt: null, checkedOutAt: null }]);
    aliceSecond = await createWorkedStaff(t.dataSource, second, [{ start: '2024-07-31T07:00:00Z', hours: 6 }], {
      userId: users.alice.id,
      displayName: 'Alice Martin',
    });
  }, 120_000);
  afterAll(() => t?.close());

  describe('issuing', () => {
    it('refuses an event that is not closed, and writes nothing', async () => {
      const open = await createPastEvent(t.dataSource, EventPhase.GAMES);
      await createWorkedStaff(t.dataSource, open, [{ start: '2024-07-27T06:00:00Z' }]);
      expect(await errorOf(ISSUE, { e: open.event.id }, tokens.admin)).toMatchObject({
        code: 'RULE_VIOLATION',
        rules: [expect.objectContaining({ rule: 'EVENT_NOT_CLOSED', phase: 'GAMES' })],
      });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM games_records WHERE event_id = $1`, [open.event.id]))[0].n).toBe(0);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential_signing_keys`))[0].n).toBe(0);
      expect((await errorOf(ISSUE, { e: '00000000-0000-4000-8000-000000000000' }, tokens.admin))?.code).toBe('NOT_FOUND');
      expect((await errorOf(ISSUE, { e: 'not-a-uuid' }, tokens.admin))?.code).toBe('BAD_USER_INPUT');
    });

    it('issues one record per staff record with worked time, computed from the roster and attendance', async () => {
      const { issueGamesRecords } = await t.gql.ok(ISSUE, { e: place.event.id }, tokens.admin);
      expect(issueGamesRecords).toEqual({ eventId: place.event.id, issued: 2, alreadyIssued: 0, withoutWorkedShifts: 1 });
      const row = await recordOf(alice.staffMemberId);
      // 480 (clipped to the shift) + 470 (no check-out: until the scheduled end) + 480 at Teahupo'o; no-show and cancelled count nothing.
      expect(row).toMatchObject({
        subject_name: 'Alice Martin',
        organisation_name: 'Orange Test',
        shifts_worked: 3,
        worked_minutes: 1430,
        first_day: '2024-07-27',
        // 18:00Z on 3 August is 08:00 on 3 August in Tahiti.
        last_day: '2024-08-03',
        team_names: ['Network', 'Timing'],
        venue_names: ['Stade de France', "Teahupo'o"],
        role_titles: ['Network technician', 'Timing operator'],
        hidden_at: null,
        revoked_at: null,
      });
      expect(row.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(new Date(row.issued_at).toISOString()).toBe('2024-08-20T10:00:00.000Z');
      expect((await audits(row.id)).map((a) => a.action)).toEqual(['games_record.issued']);
      const [key] = await t.dataSource.query(`SELECT id, status FROM credential_signing_keys`);
      expect(key.status).toBe('CURRENT');
      expect((await audits(key.id)).map((a) => a.action)).toEqual(['signing_key.created']);
    });

    it('is idempotent: a second run issues nothing and changes nothing', async () => {
      const before = await recordOf(alice.staffMemberId);
      const { issueGamesRecords } = await t.gql.ok(ISSUE, { e: place.event.id }, tokens.admin);
      expect(issueGamesRecords).toEqual({ eventId: place.event.id, issued: 0, alreadyIssued: 2, withoutWorkedShifts: 1 });
      expect(await recordOf(alice.staffMemberId)).toEqual(before);
    });

    it('two runs at the same moment issue each record once', async () => {
      const answers = await Promise.all([t.gql.ok(ISSUE, { e: second.event.id }, tokens.admin), t.gql.ok(ISSUE, { e: second.event.id }, tokens.admin)]);
      expect(answers.map((a) => a.issueGamesRecords.issued).sort()).toEqual([0, 1]);
      expect(answers.map((a) => a.issueGamesRecords.alreadyIssued).sort()).toEqual([0, 1]);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM games_records WHERE event_id = $1`, [second.event.id]))[0].n).toBe(1);
    });

    it('the database refuses a second current record and any edit of what a record certifies', async () => {
      const row = await recordOf(bob.staffMemberId);
      await expect(t.dataSource.query(`UPDATE games_records SET worked_minutes = worked_minutes + 600 WHERE id = $1`, [row.id])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23514', constraint: 'games_records_certified_guard' }),
      });
      await expect(t.dataSource.query(`UPDATE games_records SET subject_name = 'Someone Else' WHERE id = $1`, [row.id])).rejects.toThrow(/never edited/);
      await expect(
        t.dataSource.query(
          `INSERT INTO games_records SELECT gen_random_uuid(), event_id, staff_member_id, 'AAAAAAAAAAAAAAAAAAAAAA', gen_random_uuid(), subject_id, key_id, public_url,
             issuer_id, issuer_name, issued_at, subject_name, event_code, event_name, organisation_name, team_names, venue_names, role_titles, first_day,
             last_day, shifts_worked, worked_minutes, credential_jwt FROM games_records WHERE id = $1`,
          [row.id],
        ),
      ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505', constraint: 'games_records_one_current_per_staff' }) });
      expect(await recordOf(bob.staffMemberId)).toEqual(row);
    });
  });

  describe('reading', () => {
    it('a person sees their records through every staff record linked to their account, in two statements', async () => {
      const counter = countSql(t.dataSource);
      const { myGamesRecords } = await t.gql.ok(MINE, {}, tokens.alice);
      const statements = counter.statements.filter((s) => /games_records|staff_members/.test(s));
      counter.stop();
      expect(statements).toHaveLength(2);
      expect(myGamesRecords.map((r: any) => r.eventName).sort()).toEqual(['Test Games 2024', 'Winter Test Games']);
      const mine = myGamesRecords.find((r: any) => r.eventId === place.event.id);
      expect(mine).toMatchObject({
        status: 'VALID',
        staffMemberId: alice.staffMemberId,
        subjectName: 'Alice Martin',
        shiftsWorked: 3,
        workedMinutes: 1430,
        hoursWorked: 23.83,
        firstDay: '2024-07-27',
        lastDay: '2024-08-03',
        teams: ['Network', 'Timing'],
        hidden: false,
        supersededByCode: null,
        issuedAt: '2024-08-20T10:00:00.000Z',
      });
      expect(mine.verificationUrl).toBe(`http://localhost:3000/verify/${mine.code}`);
      expect(mine.keyId).toMatch(/^http:\/\/localhost:3000\/issuer\/keys\/[0-9a-f-]{36}$/);
      expect(mine.credentialJwt.split('.')).toHaveLength(3);
      // Nobody else's record: Bob has no account, the alumnus has no staff record.
      expect((await t.gql.ok(MINE, {}, tokens.alumnus)).myGamesRecords).toEqual([]);
    });

    it('the credential is an Open Badges 3.0 OpenBadgeCredential, with the JOSE header and claims OB 3.0 asks for', async () => {
      const { credential_jwt: jwt, credential_id, subject_id, code } = await recordOf(alice.staffMemberId);
      const [header, payload] = jwt
        .split('.')
        .slice(0, 2)
        .map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toEqual({ alg: 'EdDSA', kid: expect.stringMatching(/\/issuer\/keys\//), typ: 'JWT' });
      expect(payload).toMatchObject({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: `urn:uuid:${credential_id}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: 'http://localhost:3000/issuer', type: ['Profile'], name: 'Organising Committee' },
        validFrom: '2024-08-20T10:00:00Z',
        iss: 'http://localhost:3000/issuer',
        jti: `urn:uuid:${credential_id}`,
        sub: `urn:uuid:${subject_id}`,
        nbf: Date.parse('2024-08-20T10:00:00Z') / 1000,
        credentialStatus: { id: `http://localhost:3000/verify/${code}/revocations`, type: '1EdTechRevocationList' },
        credentialSubject: {
          id: `urn:uuid:${subject_id}`,
          type: ['AchievementSubject'],
          identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Alice Martin' }],
          role: 'Network technician, Timing operator',
          achievement: expect.objectContaining({
            type: ['Achievement'],
            name: 'Technology workforce, Test Games 2024',
            criteria: { narrative: expect.stringContaining('a missing check-out counts until the scheduled end') },
          }),
        },
      });
      expect(payload.vc).toBeUndefined();
      expect(payload.exp).toBeUndefined();
      const results = Object.fromEntries(payload.credentialSubject.result.map((r: any) => [r.resultDescription.split('#')[1], r.value]));
      expect(results).toEqual({
        hours: '23.83',
        shifts: '3',
        'first-day': '2024-07-27',
        'last-day': '2024-08-03',
        teams: 'Network; Timing',
        venues: "Stade de France; Teahupo'o",
      });
      const descriptions = payload.credentialSubject.achievement.resultDescription.map((d: any) => d.id);
      expect(payload.credentialSubject.result.map((r: any) => r.resultDescription)).toEqual(descriptions);
      // No contact data and no Baton id in what travels.
      const text = Buffer.from(jwt.split('.')[1], 'base64url').toString();
      for (const secret of [users.alice.email, users.alice.id, alice.staffMemberId, place.event.id]) expect(text).not.toContain(secret);
    });

    it('admins list an event’s records by page and status', async () => {
      const first = (await t.gql.ok(LIST, { e: place.event.id, first: 1 }, tokens.admin)).gamesRecords;
      expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
      const next = (await t.gql.ok(LIST, { e: place.event.id, first: 1, after: first.pageInfo.endCursor }, tokens.admin)).gamesRecords;
      expect(next.pageInfo.hasNextPage).toBe(false);
      expect([first.edges[0].node.subjectName, next.edges[0].node.subjectName].sort()).toEqual(['Alice Martin', 'Bob Leroy']);
      expect((await t.gql.ok(LIST, { e: place.event.id, filter: { status: 'REVOKED' } }, tokens.admin)).gamesRecords.totalCount).toBe(0);
      expect((await errorOf(LIST, { e: place.event.id, first: 500 }, tokens.admin))?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(LIST, { e: place.event.id, filter: { staffMemberId: 'x' } }, tokens.admin))?.code).toBe('BAD_USER_INPUT');
    });

    it('gives other libs the valid, visible records of many accounts at once', async () => {
      const service = t.app.get(GamesRecordService, { strict: false });
      const counter = countSql(t.dataSource);
      const byUser = await service.recordsForUsers([users.alice.id, users.alumnus.id, users.admin.id]);
      counter.stop();
      expect(counter.count).toBe(2);
      expect(byUser.get(users.alumnus.id)).toEqual([]);
      expect(
        byUser
          .get(users.alice.id)!
          .map((r) => r.eventName)
          .sort(),
      ).toEqual(['Test Games 2024', 'Winter Test Games']);
      const summary = byUser.get(users.alice.id)!.find((r) => r.eventId === place.event.id)!;
      expect(summary).toMatchObject({
        hoursWorked: 23.83,
        shiftsWorked: 3,
        organisationName: 'Orange Test',
        verificationUrl: `http://localhost:3000/verify/${summary.code}`,
      });
      expect(Object.keys(summary)).not.toContain('credentialJwt');
    });
  });

  describe('public verification', () => {
    it('anyone, signed in or not, gets what was certified, by whom and when', async () => {
      const row = await recordOf(alice.staffMemberId);
      const answer = await verify(row.code);
      expect(answer).toMatchObject({
        code: row.code,
        status: 'VALID',
        signatureValid: true,
        matchesRecord: true,
        problems: [],
        issuer: { id: 'http://localhost:3000/issuer', name: 'Organising Committee' },
        issuedAt: '2024-08-20T10:00:00.000Z',
        credentialId: `urn:uuid:${row.credential_id}`,
        revokedAt: null,
        supersededByCode: null,
        jwksUrl: 'http://localhost:3000/.well-known/jwks.json',
        credentialJwt: row.credential_jwt,
        facts: {
          subjectName: 'Alice Martin',
          eventName: 'Test Games 2024',
          eventCode: place.event.code,
          organisationName: 'Orange Test',
          teams: ['Network', 'Timing'],
          venues: ['Stade de France', "Teahupo'o"],
          roles: ['Network technician', 'Timing operator'],
          firstDay: '2024-07-27',
          lastDay: '2024-08-03',
          shiftsWorked: 3,
          hoursWorked: 23.83,
          hoursRule: expect.stringContaining('No-shows'),
        },
      });
      expect((await t.gql.ok(VERIFY, { code: row.code }, tokens.recruiter)).verifyRecord.status).toBe('VALID');
    });

    it('GET /verify/<code> answers the same as JSON, an escaped page to browsers, and nothing else about the person', async () => {
      const row = await recordOf(alice.staffMemberId);
      const response = await fetch(`${t.url}/verify/${row.code}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const text = await response.text();
      const body = JSON.parse(text);
      expect(body).toMatchObject({ status: 'VALID', facts: { subjectName: 'Alice Martin', hoursWorked: 23.83 }, credentialJwt: row.credential_jwt });
      for (const secret of [users.alice.email, users.alice.id, alice.staffMemberId, row.id, place.event.id, 'staffMemberId', 'email']) {
        expect(text).not.toContain(secret);
      }
      const again = await fetch(`${t.url}/verify/${row.code}`, { headers: { 'if-none-match': response.headers.get('etag')! } });
      expect(again.status).toBe(304);
      const page = await fetch(`${t.url}/verify/${row.code}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('Valid: certified and unchanged');
      expect(html).toContain('Teahupo&#39;o');
      const list = await (await fetch(`${t.url}/verify/${row.code}/revocations`)).json();
      expect(list).toEqual({ id: `http://localhost:3000/verify/${row.code}/revocations`, issuer: 'http://localhost:3000/issuer', revokedCredentials: [] });
    });

    it('refuses bad codes clearly and does not confirm unknown ones', async () => {
      for (const code of ['short', 'x'.repeat(100_000), 'AAAAAAAAAAAAAAAAAAAA\u0000A', '\ud800AAAAAAAAAAAAAAAAAAAAA', "' OR 1=1 --AAAAAAAAAAAA"]) {
        expect(await errorOf(VERIFY, { code }, undefined)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'code' })] });
      }
      expect((await errorOf(VERIFY, { code: 'AAAAAAAAAAAAAAAAAAAAAA' }))?.code).toBe('NOT_FOUND');
      expect((await t.gql.request(VERIFY, { code: null })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await t.gql.request(VERIFY, { code: 12 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const bad = await fetch(`${t.url}/verify/not-a-code`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'BAD_USER_INPUT' });
      const unknown = await fetch(`${t.url}/verify/AAAAAAAAAAAAAAAAAAAAAA`);
      expect([unknown.status, await unknown.json()]).toEqual([404, { error: 'NOT_FOUND', message: 'Games record not found' }]);
      expect((await fetch(`${t.url}/verify/AAAAAAAAAAAAAAAAAAAAAA/revocations`)).status).toBe(404);
    });

    it('a record whose figures were changed in the database afterwards fails verification and certifies nothing', async () => {
      const row = await recordOf(bob.staffMemberId);
      expect((await verify(row.code)).status).toBe('VALID');
      // A database owner can switch the guard off: verification still catches the change.
      await t.dataSource.query(`ALTER TABLE games_records DISABLE TRIGGER games_records_certified_guard`);
      try {
        await t.dataSource.query(`UPDATE games_records SET worked_minutes = worked_minutes + 600 WHERE id = $1`, [row.id]);
      } finally {
        await t.dataSource.query(`ALTER TABLE games_records ENABLE TRIGGER games_records_certified_guard`);
      }
      const answer = await verify(row.code);
      expect(answer).toMatchObject({ status: 'INVALID', signatureValid: true, matchesRecord: false, facts: null, credentialJwt: null });
      expect(answer.problems).toEqual(['The stored record no longer matches what was signed: it was changed after issue']);
      expect(((await (await fetch(`${t.url}/verify/${row.code}`)).json()) as { status: string }).status).toBe('INVALID');
    });

    it('a stored token signed by anyone else fails, even under the right kid', async () => {
      const row = await recordOf(aliceSecond.staffMemberId);
      const [header, payload] = row.credential_jwt.split('.');
      const forged = `${header}.${payload}.${Buffer.alloc(64, 1).toString('base64url')}`;
      await t.dataSource.query(`ALTER TABLE games_records DISABLE TRIGGER games_records_certified_guard`);
      try {
        await t.dataSource.query(`UPDATE games_records SET credential_jwt = $2 WHERE id = $1`, [row.id, forged]);
        const answer = await verify(row.code);
        expect(answer).toMatchObject({ status: 'INVALID', signatureValid: false, facts: null });
        expect(answer.problems).toEqual(['The signature of the stored credential does not verify']);
      } finally {
        await t.dataSource.query(`UPDATE games_records SET credential_jwt = $2 WHERE id = $1`, [row.id, row.credential_jwt]);
        await t.dataSource.query(`ALTER TABLE games_records ENABLE TRIGGER games_records_certified_guard`);
      }
      expect((await verify(row.code)).status).toBe('VALID');
    });
  });

  describe('revoking and reissuing', () => {
    it('revokes with a public reason and date; the record stays visible to its owner, and out of profiles', async () => {
      const row = await recordOf(alice.staffMemberId);
      await setClock('2024-09-01T09:00:00Z');
      const { revokeGamesRecord } = await t.gql.ok(REVOKE, { id: row.id, reason: '  Shift at Teahupo’o recorded twice  ' }, tokens.admin);
      expect(revokeGamesRecord).toMatchObject({
        status: 'REVOKED',
        revocationReason: 'Shift at Teahupo’o recorded twice',
        revokedAt: '2024-09-01T09:00:00.000Z',
      });
      expect(await verify(row.code)).toMatchObject({
        status: 'REVOKED',
        revokedAt: '2024-09-01T09:00:00.000Z',
        revocationReason: 'Shift at Teahupo’o recorded twice',
        signatureValid: true,
        facts: expect.objectContaining({ hoursWorked: 23.83 }),
      });
      expect(await (await fetch(`${t.url}/verify/${row.code}/revocations`)).json()).toMatchObject({
        revokedCredentials: [{ id: `urn:uuid:${row.credential_id}`, revocationReason: 'Shift at Teahupo’o recorded twice' }],
      });
      expect((await t.gql.ok(MINE, {}, tokens.alice)).myGamesRecords.find((r: any) => r.id === row.id).status).toBe('REVOKED');
      const byUser = await t.app.get(GamesRecordService, { strict: false }).recordsForUsers([users.alice.id]);
      expect(byUser.get(users.alice.id)!.map((r) => r.eventName)).toEqual(['Winter Test Games']);
      // Again: nothing changes, no second audit record.
      await t.gql.ok(REVOKE, { id: row.id, reason: 'another reason' }, tokens.admin);
      expect((await recordOf(alice.staffMemberId)).revocation_reason).toBe('Shift at Teahupo’o recorded twice');
      expect((await audits(row.id)).filter((a) => a.action === 'games_record.revoked')).toEqual([
        { action: 'games_record.revoked', reason: 'Shift at Teahupo’o recorded twice' },
      ]);
      // Issuing the event again does not bring a revoked record back.
      expect((await t.gql.ok(ISSUE, { e: place.event.id }, tokens.admin)).issueGamesRecords.issued).toBe(0);
    });

    it('refuses reasons that are empty, too long, or carry characters PostgreSQL cannot keep', async () => {
      const row = await recordOf(bob.staffMemberId);
      for (const [reason, constraint] of [
        ['   ', 'required'],
        ['x'.repeat(501), 'maxLength'],
        // Refused by the input guard before the resolver, as every text input is.
        ['bad\u0000byte', 'noNulCharacter'],
        ['lone \ud800 surrogate', 'wellFormedUnicode'],
      ]) {
        expect(await errorOf(REVOKE, { id: row.id, reason }, tokens.admin)).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [{ field: 'reason', constraint, message: expect.any(String) }],
        });
      }
      expect((await t.gql.request(REVOKE, { id: row.id, reason: null }, tokens.admin)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await errorOf(REVOKE, { id: '00000000-0000-4000-8000-000000000000', reason: 'x' }, tokens.admin))?.code).toBe('NOT_FOUND');
      expect((await recordOf(bob.staffMemberId)).revoked_at).toBeNull();
    });

    it('reissues from the corrected roster: a new record with a new code, the old one SUPERSEDED and pointing to it', async () => {
      const old = await recordOf(alice.staffMemberId);
      // The coordinator fixes the night shift's missing check-out (rostering's table, as attendance would).
      await t.dataSource.query(`UPDATE assignments SET checked_out_at = '2024-07-29T02:00:00Z' WHERE id = $1`, [alice.assignmentIds[1]]);
      await setClock('2024-09-02T08:30:00.750Z');
      const { reissueGamesRecord: fresh } = await t.gql.ok(REISSUE, { id: old.id, reason: 'Night shift check-out corrected' }, tokens.admin);
      expect(fresh).toMatchObject({ status: 'VALID', workedMinutes: 480 + 350 + 480, shiftsWorked: 3, issuedAt: '2024-09-02T08:30:00.000Z' });
      expect(fresh.code).not.toBe(old.code);
      expect(await verify(fresh.code)).toMatchObject({ status: 'VALID', facts: expect.objectContaining({ hoursWorked: 21.83 }) });
      expect(await verify(old.code)).toMatchObject({
        status: 'SUPERSEDED',
        supersededByCode: fresh.code,
        supersededByUrl: `http://localhost:3000/verify/${fresh.code}`,
        revocationReason: 'Shift at Teahupo’o recorded twice',
      });
      const newRow = await recordOf(alice.staffMemberId);
      expect(newRow.subject_id).toBe(old.subject_id);
      expect(newRow.credential_id).not.toBe(old.credential_id);
      expect((await audits(fresh.id)).map((a) => [a.action, a.reason])).toEqual([['games_record.reissued', 'Night shift check-out corrected']]);
      // The person sees the new one only; the old one cannot be reissued or revoked again.
      const mine = (await t.gql.ok(MINE, {}, tokens.alice)).myGamesRecords.filter((r: any) => r.eventId === place.event.id);
      expect(mine.map((r: any) => r.code)).toEqual([fresh.code]);
      expect(await errorOf(REISSUE, { id: old.id, reason: 'again' }, tokens.admin)).toMatchObject({ code: 'CONFLICT', supersededByCode: fresh.code });
      expect((await errorOf(REVOKE, { id: old.id, reason: 'again' }, tokens.admin))?.code).toBe('CONFLICT');
      expect(await (await fetch(`${t.url}/verify/${old.code}/revocations`)).json()).toMatchObject({
        revokedCredentials: [{ revocationReason: 'Superseded by a reissued record' }],
      });
    });

    it('refuses to reissue when nothing worked is left, or when the event was reopened', async () => {
      const extra = await createWorkedStaff(t.dataSource, place, [{ start: '2024-08-08T06:00:00Z' }]);
      await t.gql.ok(ISSUE, { e: place.event.id }, tokens.admin);
      const row = await recordOf(extra.staffMemberId);
      await t.dataSource.query(`UPDATE assignments SET status = 'CANCELLED' WHERE staff_member_id = $1`, [extra.staffMemberId]);
      expect(await errorOf(REISSUE, { id: row.id, reason: 'fix' }, tokens.admin)).toMatchObject({
        code: 'RULE_VIOLATION',
        rules: [expect.objectContaining({ rule: 'NO_WORKED_SHIFTS' })],
      });
      await t.dataSource.query(`UPDATE events SET phase = 'GAMES' WHERE id = $1`, [place.event.id]);
      try {
        expect(await errorOf(REISSUE, { id: row.id, reason: 'fix' }, tokens.admin)).toMatchObject({
          code: 'RULE_VIOLATION',
          rules: [expect.objectContaining({ rule: 'EVENT_NOT_CLOSED' })],
        });
      } finally {
        await t.dataSource.query(`UPDATE events SET phase = 'CLOSED' WHERE id = $1`, [place.event.id]);
      }
      expect((await recordOf(extra.staffMemberId)).id).toBe(row.id);
    });
  });

  describe('hiding and erasure', () => {
    it('the person hides a record from profiles (not from verification); nobody else can', async () => {
      const row = await recordOf(aliceSecond.staffMemberId);
      expect((await t.gql.ok(HIDE, { id: row.id, hidden: true }, tokens.alice)).setGamesRecordHidden).toEqual({ id: row.id, hidden: true, status: 'VALID' });
      const service = t.app.get(GamesRecordService, { strict: false });
      expect((await service.recordsForUsers([users.alice.id])).get(users.alice.id)!.map((r) => r.eventName)).toEqual(['Test Games 2024']);
      expect((await verify(row.code)).status).toBe('VALID');
      expect((await t.gql.ok(MINE, {}, tokens.alice)).myGamesRecords.find((r: any) => r.id === row.id).hidden).toBe(true);
      expect((await errorOf(HIDE, { id: row.id, hidden: false }, tokens.alumnus))?.code).toBe('NOT_FOUND');
      expect((await errorOf(HIDE, { id: row.id, hidden: false }, tokens.admin))?.code).toBe('NOT_FOUND');
      await t.gql.ok(HIDE, { id: row.id, hidden: true }, tokens.alice);
      await t.gql.ok(HIDE, { id: row.id, hidden: false }, tokens.alice);
      expect((await audits(row.id)).map((a) => a.action)).toEqual(['games_record.issued', 'games_record.hidden', 'games_record.shown']);
    });

    it('revokeForUser revokes every record of a person and removes their personal parts, in the caller’s transaction', async () => {
      const erin = await createWorkedStaff(t.dataSource, place, [{ start: '2024-08-09T06:00:00Z' }], { userId: users.erin.id, displayName: 'Erin Erased' });
      await t.gql.ok(ISSUE, { e: place.event.id }, tokens.admin);
      const row = await recordOf(erin.staffMemberId);
      const service = t.app.get(GamesRecordService, { strict: false });
      // Rolled back with the caller's transaction: nothing happened.
      await expect(
        t.dataSource.transaction(async (manager) => {
          await service.revokeForUser(manager, users.erin.id, 'Erased at the holder’s request');
          throw new Error('the erasure failed elsewhere');
        }),
      ).rejects.toThrow('the erasure failed elsewhere');
      expect((await verify(row.code)).status).toBe('VALID');
      const count = await t.dataSource.transaction((manager) =>
        service.revokeForUser(manager, users.erin.id, 'Erased at the holder’s request', users.admin.id),
      );
      expect(count).toBe(1);
      expect(await verify(row.code)).toMatchObject({
        status: 'REVOKED',
        revocationReason: 'Erased at the holder’s request',
        signatureValid: false,
        facts: null,
        credentialJwt: null,
        problems: ['The personal data of this record was erased: it certifies nothing any more'],
      });
      const [after] = await t.dataSource.query(`SELECT subject_name, credential_jwt FROM games_records WHERE id = $1`, [row.id]);
      expect(after).toEqual({ subject_name: null, credential_jwt: null });
      const html = await (await fetch(`${t.url}/verify/${row.code}`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('Erin');
      expect((await audits(row.id)).map((a) => a.action)).toEqual(['games_record.issued', 'games_record.erased']);
    });
  });

  describe('permissions', () => {
    const ops: Array<{ name: string; query: string; variables: () => Record<string, unknown>; allowed: string[]; denied: string[] }> = [
      { name: 'myGamesRecords', query: MINE, variables: () => ({}), allowed: ['alice', 'alumnus'], denied: ['coordinator', 'recruiter'] },
      {
        name: 'gamesRecords',
        query: LIST,
        variables: () => ({ e: place.event.id }),
        allowed: ['admin'],
        denied: ['coordinator', 'alice', 'alumnus', 'recruiter'],
      },
      { name: 'issueGamesRecords', query: ISSUE, variables: () => ({ e: place.event.id }), allowed: ['admin'], denied: ['coordinator', 'alice', 'recruiter'] },
      { name: 'verifyRecord', query: VERIFY, variables: () => ({ code: 'AAAAAAAAAAAAAAAAAAAAAA' }), allowed: [], denied: [] },
    ];
    for (const op of ops) {
      it(`${op.name}: allowed for ${op.allowed.join(', ') || 'everyone'}, refused to ${op.denied.join(', ') || 'nobody'}`, async () => {
        for (const who of op.allowed) {
          const result = await t.gql.request(op.query, op.variables(), tokens[who]);
          expect([who, result.errors?.[0]?.extensions?.code]).toEqual([who, undefined]);
        }
        for (const who of op.denied) expect([who, (await errorOf(op.query, op.variables(), tokens[who]))?.code]).toEqual([who, 'FORBIDDEN']);
        if (op.name === 'verifyRecord') expect((await errorOf(op.query, op.variables()))?.code).toBe('NOT_FOUND');
        else expect((await errorOf(op.query, op.variables()))?.code).toBe('UNAUTHENTICATED');
      });
    }

    it('revoke, reissue and hide: allowed to whom they belong, refused to everyone else', async () => {
      const row = await recordOf(bob.staffMemberId);
      for (const who of ['coordinator', 'alice', 'alumnus', 'recruiter']) {
        expect([who, (await errorOf(REVOKE, { id: row.id, reason: 'x' }, tokens[who]))?.code]).toEqual([who, 'FORBIDDEN']);
        expect([who, (await errorOf(REISSUE, { id: row.id, reason: 'x' }, tokens[who]))?.code]).toEqual([who, 'FORBIDDEN']);
      }
      for (const who of ['coordinator', 'recruiter']) expect((await errorOf(HIDE, { id: row.id, hidden: true }, tokens[who]))?.code).toBe('FORBIDDEN');
      expect((await errorOf(REVOKE, { id: row.id, reason: 'x' }))?.code).toBe('UNAUTHENTICATED');
      expect((await errorOf(HIDE, { id: row.id, hidden: true }))?.code).toBe('UNAUTHENTICATED');
      expect((await recordOf(bob.staffMemberId)).revoked_at).toBeNull();
      // Allowed: the admin revokes and reissues; the owner hides (see above).
      const revoked = (await t.gql.ok(REVOKE, { id: row.id, reason: 'Wrong organisation' }, tokens.admin)).revokeGamesRecord;
      expect(revoked.status).toBe('REVOKED');
      expect((await t.gql.ok(REISSUE, { id: row.id, reason: 'Organisation corrected' }, tokens.admin)).reissueGamesRecord.status).toBe('VALID');
    });
  });
});
