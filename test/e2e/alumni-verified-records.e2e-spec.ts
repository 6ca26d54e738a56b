import { validate as validateResume } from '@jsonresume/schema';
import { AlumniVisibility } from '@baton/alumni';
import { Role } from '@baton/auth';
import { ISSUE_FOR_EVENT_JOB } from '@baton/credentials';
import { EventPhase } from '@baton/events';
import { JobQueue } from '@baton/queue';
import { createMember, login, MemberFixture, PROFILE_FIELDS, refreshGames } from '../factories/alumni';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const CLOSE = `mutation($id: ID!, $phase: EventPhase!) { updateEvent(id: $id, input: { phase: $phase }) { id phase } }`;
const VERIFY = `query V($code: String!) { verifyRecord(code: $code) { code status signatureValid matchesRecord facts { subjectName shiftsWorked hoursWorked } } }`;
const MINE = `{ myAlumniProfile { ${PROFILE_FIELDS} jsonResume } }`;
const PROFILE = `query($id: ID!) { alumniProfile(userId: $id) { ${PROFILE_FIELDS} jsonResume } }`;
const HIDE = `mutation H($id: ID!, $hidden: Boolean!) { setGamesRecordHidden(id: $id, hidden: $hidden) { id hidden status } }`;
const IMPORT = `mutation($r: JSONObject!) { importJsonResume(resume: $r) { ${PROFILE_FIELDS} jsonResume } }`;
const UPDATE = `mutation($input: AlumniProfileInput!) { updateAlumniProfile(input: $input) { hiddenSections } }`;

function resumeErrors(resume: unknown): unknown[] {
  let errors: unknown[] = [];
  validateResume(resume, (e) => (errors = e ?? []));
  return errors;
}

/**
 * The two halves joined: closing an event queues the issue of its records (a job, run by the
 * system), and the alumni profile and JSON Resume show each Games experience with its signed
 * record, its code and verification URL, and whether it still holds.
 */
describe('verified Games records on alumni profiles: issued on close, shown, hidden, revoked, exported', () => {
  let t: TestApp;
  let place: Awaited<ReturnType<typeof createPastEvent>>;
  let owner: MemberFixture;
  let other: MemberFixture;
  let adminToken: string;
  let ownerStaff: { staffMemberId: string };
  const jobsOf = async (eventId: string) =>
    (await t.dataSource.query(`SELECT id, state FROM pgboss.job WHERE name = $1 AND data->>'eventId' = $2`, [ISSUE_FOR_EVENT_JOB, eventId])) as Array<{
      id: string;
      state: string;
    }>;
  const current = async (staffMemberId: string) =>
    (await t.dataSource.query(`SELECT * FROM games_records WHERE staff_member_id = $1 AND superseded_at IS NULL`, [staffMemberId]))[0];
  const mine = async () => (await t.gql.ok(MINE, {}, owner.token)).myAlumniProfile;
  const seenByOther = async () => (await t.gql.ok(PROFILE, { id: owner.id }, other.token)).alumniProfile;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-09-01T10:00:00Z', env: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_ADDRESS: '10000' } });
    place = await createPastEvent(t.dataSource, EventPhase.GAMES, 'Paris Test Games');
    owner = await createMember(t, { visibility: AlumniVisibility.ALUMNI }, { displayName: 'Léa Dupont' });
    other = await createMember(t, { visibility: AlumniVisibility.ALUMNI }, { displayName: 'Other Member' });
    adminToken = await login(t, (await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    // Two days, the second without a check-out (counted until the shift's scheduled end).
    ownerStaff = await createWorkedStaff(
      t.dataSource,
      place,
      [
        { start: '2024-07-27T06:00:00Z', checkedInAt: '2024-07-27T06:30:00Z' },
        { start: '2024-07-28T06:00:00Z', checkedOutAt: null },
      ],
      { userId: owner.id, displayName: 'Léa Dupont' },
    );
    await createWorkedStaff(t.dataSource, place, [{ start: '2024-07-29T06:00:00Z', hours: 4 }], { userId: other.id, displayName: 'Other Member' });
  }, 120_000);
  afterAll(() => t?.close());

  describe('closing the event', () => {
    it('queues the issue job in the phase change, and a refused change queues nothing', async () => {
      const staffToken = await login(t, (await createUser(t.dataSource, [{ role: Role.STAFF, eventId: place.event.id }])).email);
      expect((await t.gql.request(CLOSE, { id: place.event.id, phase: 'CLOSED' }, staffToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await jobsOf(place.event.id)).toEqual([]);

      expect((await t.gql.ok(CLOSE, { id: place.event.id, phase: 'CLOSED' }, adminToken)).updateEvent.phase).toBe('CLOSED');
      // Committed with the close; nothing is issued until the job runs (JOBS is off in tests).
      expect(await jobsOf(place.event.id)).toEqual([expect.objectContaining({ state: 'created' })]);
      expect(await current(ownerStaff.staffMemberId)).toBeUndefined();
    });

    it('the job issues every record as the system, and running it again issues nothing', async () => {
      const queue = t.app.get(JobQueue);
      const first = await queue.runNow(ISSUE_FOR_EVENT_JOB, { eventId: place.event.id });
      expect(first.result).toEqual({ eventId: place.event.id, issued: 2, alreadyIssued: 0, withoutWorkedShifts: 0 });
      const again = await queue.runNow(ISSUE_FOR_EVENT_JOB, { eventId: place.event.id });
      expect(again.result).toEqual({ eventId: place.event.id, issued: 0, alreadyIssued: 2, withoutWorkedShifts: 0 });
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM games_records WHERE event_id = $1`, [place.event.id]))[0].n).toBe(2);
      const audits = await t.dataSource.query(`SELECT actor_user_id FROM audit_entries WHERE action = 'games_record.issued' AND event_id = $1`, [
        place.event.id,
      ]);
      expect(audits).toEqual([{ actor_user_id: null }, { actor_user_id: null }]);

      const row = await current(ownerStaff.staffMemberId);
      // 450 min (checked in 30 min late) + 480 min (no check-out: until the scheduled end).
      expect(row).toMatchObject({ shifts_worked: 2, worked_minutes: 930 });
      const { verifyRecord } = await t.gql.ok(VERIFY, { code: row.code });
      expect(verifyRecord).toMatchObject({ status: 'VALID', signatureValid: true, matchesRecord: true, facts: { subjectName: 'Léa Dupont', shiftsWorked: 2 } });
      const page = await fetch(`${t.url}/verify/${row.code}`);
      expect(page.status).toBe(200);
    });

    it('refuses a payload without an event id, and skips an event reopened before the job ran', async () => {
      const queue = t.app.get(JobQueue);
      await expect(queue.runNow(ISSUE_FOR_EVENT_JOB, {})).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      const reopened = await createPastEvent(t.dataSource, EventPhase.GAMES, 'Reopened Games');
      await t.gql.ok(CLOSE, { id: reopened.event.id, phase: 'CLOSED' }, adminToken);
      await t.gql.ok(CLOSE, { id: reopened.event.id, phase: 'GAMES' }, adminToken);
      expect((await queue.runNow(ISSUE_FOR_EVENT_JOB, { eventId: reopened.event.id })).result).toEqual({
        eventId: reopened.event.id,
        skipped: 'EVENT_NOT_CLOSED',
      });
    });
  });

  describe('on the profile', () => {
    it('each Games experience shows its record: verified, code, verification URL, figures as certified', async () => {
      const row = await current(ownerStaff.staffMemberId);
      const expected = {
        eventName: 'Paris Test Games',
        verified: true,
        verifiedRecord: expect.objectContaining({
          id: row.id,
          code: row.code,
          verificationUrl: `http://localhost:3000/verify/${row.code}`,
          status: 'VALID',
          valid: true,
          hidden: false,
          shiftsWorked: 2,
          hoursWorked: 15.5,
        }),
      };
      expect((await mine()).gamesExperiences).toEqual([expect.objectContaining(expected)]);
      expect((await seenByOther()).gamesExperiences).toEqual([expect.objectContaining(expected)]);
    });

    it('the verified records section hidden: others see the experience, not the record', async () => {
      await t.gql.ok(UPDATE, { input: { hiddenSections: ['VERIFIED_RECORDS'] } }, owner.token);
      expect((await seenByOther()).gamesExperiences).toEqual([expect.objectContaining({ verified: false, verifiedRecord: null })]);
      expect((await seenByOther()).jsonResume.work).toBeUndefined();
      expect((await mine()).gamesExperiences[0]).toMatchObject({ verified: true, verifiedRecord: { status: 'VALID' } });
      await t.gql.ok(UPDATE, { input: { hiddenSections: [] } }, owner.token);
    });

    it('a hidden record hides that Games from others and from the CV; the owner still sees it, marked, and can show it again', async () => {
      const row = await current(ownerStaff.staffMemberId);
      expect((await t.gql.ok(HIDE, { id: row.id, hidden: true }, owner.token)).setGamesRecordHidden).toMatchObject({ hidden: true });
      expect((await seenByOther()).gamesExperiences).toEqual([]);
      expect((await seenByOther()).jsonResume.work).toBeUndefined();
      const own = await mine();
      expect(own.gamesExperiences).toEqual([expect.objectContaining({ verified: true, verifiedRecord: expect.objectContaining({ hidden: true }) })]);
      expect(own.jsonResume.work).toBeUndefined();
      // Someone else's record reads as not found.
      expect((await t.gql.request(HIDE, { id: row.id, hidden: false }, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      await t.gql.ok(HIDE, { id: row.id, hidden: false }, owner.token);
      expect((await seenByOther()).gamesExperiences).toHaveLength(1);
    });

    it('cannot be edited by its owner: the profile input has no place for it', async () => {
      const result = await t.gql.request(`mutation { updateAlumniProfile(input: { gamesExperiences: [] }) { userId } }`, {}, owner.token);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await mine()).gamesExperiences[0].verified).toBe(true);
    });
  });

  describe('JSON Resume', () => {
    it('lists each verified record as a work entry whose url is its verification page; the schema accepts it', async () => {
      const row = await current(ownerStaff.staffMemberId);
      const resume = (await mine()).jsonResume;
      expect(resumeErrors(resume)).toEqual([]);
      expect(resume.work).toEqual([
        {
          name: 'Orange Test',
          position: 'Network technician',
          url: `http://localhost:3000/verify/${row.code}`,
          startDate: '2024-07-27',
          endDate: '2024-07-28',
          summary: `Paris Test Games: 2 shifts, 15.5 hours worked (checked-in time). Verified record: http://localhost:3000/verify/${row.code}`,
          highlights: ['Team: Network', 'Venue: Stade de France'],
        },
      ]);
      const seen = (await seenByOther()).jsonResume;
      expect(resumeErrors(seen)).toEqual([]);
      expect(seen.work).toEqual(resume.work);
    });

    it('an import never touches verified records: their entries are skipped, the records stay as issued', async () => {
      const row = await current(ownerStaff.staffMemberId);
      const exported = (await mine()).jsonResume;
      const typed = { name: 'Velarion', position: 'Network lead', startDate: '2024-10' };
      // Into someone else's profile: the owner's record does not become their experience.
      const intoOther = (await t.gql.ok(IMPORT, { r: { ...exported, work: [...exported.work, typed] } }, other.token)).importJsonResume;
      expect(intoOther.experiences).toEqual([expect.objectContaining({ organisation: 'Velarion', title: 'Network lead' })]);
      expect(intoOther.jsonResume.work.map((w: any) => w.url ?? null)).not.toContain(exported.work[0].url);
      // Into one's own: the records and the Games experience stay as they were.
      const own = (await t.gql.ok(IMPORT, { r: { basics: { name: 'Léa Dupont' }, work: [] } }, owner.token)).importJsonResume;
      expect(own.experiences).toEqual([]);
      expect(own.gamesExperiences).toEqual([expect.objectContaining({ verified: true, verifiedRecord: expect.objectContaining({ code: row.code }) })]);
      expect(own.jsonResume.work).toEqual(exported.work);
      expect(await current(ownerStaff.staffMemberId)).toEqual(row);
    });

    it('names a bad typed-in job by its place in the resume, counting the skipped verified entries', async () => {
      const exported = (await mine()).jsonResume;
      const before = await mine();
      const result = await t.gql.request(IMPORT, { r: { work: [exported.work[0], { name: 'Velarion', position: ' ', startDate: '2024-10' }] } }, owner.token);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((result.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toEqual(['resume.work.1.position']);
      expect(await mine()).toEqual(before);
    });
  });

  describe('cost', () => {
    it('the directory with every record and CV costs the same statements for 2 profiles as for 8 (no N+1)', async () => {
      const more = await createPastEvent(t.dataSource, EventPhase.CLOSED, 'Cost Games');
      const people: MemberFixture[] = [];
      for (let i = 0; i < 6; i++) {
        const member = await createMember(t, { visibility: AlumniVisibility.ALUMNI }, { displayName: `Cost ${i}` });
        await createWorkedStaff(t.dataSource, more, [{ start: '2024-07-27T06:00:00Z' }], { userId: member.id, displayName: `Cost ${i}` });
        people.push(member);
      }
      await t.gql.ok(`mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`, { e: more.event.id }, adminToken);
      await refreshGames(
        t,
        people.map((p) => p.id),
      );
      const query = `query($first: Int) { alumniDirectory(first: $first) { edges { node { gamesExperiences { verified verifiedRecord { code } } jsonResume } } } }`;
      const measure = async (first: number) => {
        const counter = countSql(t.dataSource);
        const result = await t.gql.ok(query, { first }, other.token);
        counter.stop();
        const records = result.alumniDirectory.edges.flatMap((e: any) => e.node.gamesExperiences.filter((g: any) => g.verifiedRecord)).length;
        return { rows: result.alumniDirectory.edges.length, records, statements: counter.count };
      };
      const small = await measure(2);
      const large = await measure(50);
      expect(small.rows).toBe(2);
      expect(large.rows).toBe(8);
      expect(large.records).toBeGreaterThanOrEqual(7);
      expect(large.statements).toBe(small.statements);
      expect(large.statements).toBeLessThanOrEqual(12);
    });
  });

  describe('revoked', () => {
    it('a revoked record is no longer shown as verified, to anyone; a reissue shows the new one', async () => {
      const row = await current(ownerStaff.staffMemberId);
      await t.gql.ok(`mutation($id: ID!) { revokeGamesRecord(id: $id, reason: "Hours were wrong") { status } }`, { id: row.id }, adminToken);
      expect((await mine()).gamesExperiences).toEqual([
        expect.objectContaining({ verified: false, verifiedRecord: expect.objectContaining({ status: 'REVOKED', valid: false }) }),
      ]);
      expect((await seenByOther()).gamesExperiences).toEqual([expect.objectContaining({ verified: false, verifiedRecord: null })]);
      expect((await mine()).jsonResume.work).toBeUndefined();

      const { reissueGamesRecord } = await t.gql.ok(
        `mutation($id: ID!) { reissueGamesRecord(id: $id, reason: "Corrected") { id code status } }`,
        { id: row.id },
        adminToken,
      );
      expect((await seenByOther()).gamesExperiences).toEqual([
        expect.objectContaining({ verified: true, verifiedRecord: expect.objectContaining({ code: reissueGamesRecord.code, status: 'VALID' }) }),
      ]);
      expect((await mine()).jsonResume.work[0].url).toBe(`http://localhost:3000/verify/${reissueGamesRecord.code}`);
    });
  });
});
