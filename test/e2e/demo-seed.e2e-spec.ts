import { DemoGenerator, type DemoSeedResult } from '@baton/demo';
import { evaluateRules } from '@baton/rostering';
import { defaultWorkRules } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';

const NOW = '2026-07-22T09:30:00Z';
const SCALE = 0.1;
const DAY = 86_400_000;

/**
 * The demo generator at a tenth of Paris scale, checked from the database's point of view: the
 * staff records, the shifts and the automatic roster it wrote must break no rule.
 */
describe('demo seed with staffing data', () => {
  let db: TestDatabase;
  let t: TestApp;
  let result: DemoSeedResult;
  const one = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T> => (await t.dataSource.query(sql, params))[0] as T;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp({ db, now: NOW });
    result = (await t.app.get(DemoGenerator).seed({ scale: SCALE })) as DemoSeedResult;
  }, 300_000); // a hang guard: seeding a tenth of Paris on the embedded database beside another worker
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('gives every generated staff account, and staff@baton.demo, a staff record linked to it', async () => {
    const staffAccounts = Math.round(5300 * SCALE);
    expect(result.counts).toMatchObject({ staff: staffAccounts, staffMembers: staffAccounts + 1 });
    const row = await one<{ records: number; linked: number; unlinked: number; pending: number; types: number }>(
      `SELECT count(*)::int AS records,
              count(*) FILTER (WHERE u.id IS NOT NULL AND u.email = m.email)::int AS linked,
              count(*) FILTER (WHERE m.team_id IS NULL OR m.home_venue_id IS NULL)::int AS unlinked,
              count(*) FILTER (WHERE m.accreditation_status = 'PENDING')::int AS pending,
              count(DISTINCT m.employment_type)::int AS types
         FROM staff_members m LEFT JOIN users u ON u.id = m.user_id WHERE m.event_id = $1`,
      [result.eventId],
    );
    expect(row).toMatchObject({ records: staffAccounts + 1, linked: staffAccounts + 1, unlinked: 0, types: 3 });
    expect(row.pending).toBeLessThan(staffAccounts * 0.06);
    const demo = await one(
      `SELECT t.code AS team, v.code AS venue, m.accreditation_status AS status FROM staff_members m
         JOIN teams t ON t.id = m.team_id JOIN venues v ON v.id = m.home_venue_id WHERE m.email = 'staff@baton.demo'`,
    );
    expect(demo).toEqual({ team: 'NET', venue: 'STF', status: 'VALID' });
    // Accreditation covers the home venue's zones.
    const uncovered = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM staff_members m JOIN venues v ON v.id = m.home_venue_id WHERE NOT (v.zones <@ m.accreditation_zones)`,
    );
    expect(uncovered.n).toBe(0);
  });

  it('never puts a person on two overlapping active shifts', async () => {
    const row = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM assignments a JOIN assignments b
          ON a.staff_member_id = b.staff_member_id AND a.id < b.id
         AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
       WHERE a.status IN ('ASSIGNED', 'CONFIRMED') AND b.status IN ('ASSIGNED', 'CONFIRMED')`,
    );
    expect(row.n).toBe(0);
  });

  it('never fills a shift over its headcount, keeps active_count exact and leaves drafts empty', async () => {
    const row = await one<{ over: number; drift: number; onDraft: number; notAuto: number }>(
      `WITH counted AS (
         SELECT s.id, s.headcount, s.active_count, s.status,
                count(a.id) FILTER (WHERE a.status IN ('ASSIGNED', 'CONFIRMED'))::int AS active
           FROM shifts s LEFT JOIN assignments a ON a.shift_id = s.id GROUP BY s.id)
       SELECT count(*) FILTER (WHERE active > headcount)::int AS over,
              count(*) FILTER (WHERE active <> active_count)::int AS drift,
              count(*) FILTER (WHERE status <> 'PUBLISHED' AND active > 0)::int AS "onDraft",
              (SELECT count(*)::int FROM assignments WHERE source <> 'AUTO') AS "notAuto"
         FROM counted`,
    );
    expect(row).toEqual({ over: 0, drift: 0, onDraft: 0, notAuto: 0 });
  });

  it('fills between 60 % and 90 % of the places', async () => {
    const row = await one<{ places: number; assigned: number; shifts: number }>(
      `SELECT sum(headcount)::int AS places, sum(active_count)::int AS assigned, count(*)::int AS shifts FROM shifts WHERE event_id = $1`,
      [result.eventId],
    );
    expect(row.shifts).toBe(result.counts.shifts);
    expect(row.assigned).toBe(result.counts.assignments);
    const fill = row.assigned / row.places;
    expect(fill).toBeGreaterThanOrEqual(0.6);
    expect(fill).toBeLessThanOrEqual(0.9);
  });

  it("places Teahupo'o shifts in Tahiti time: the early shift starts at 07:00 local (17:00 UTC)", async () => {
    const rows: Array<{ local: string; utc: string }> = await t.dataSource.query(
      `SELECT DISTINCT to_char(s.starts_at AT TIME ZONE v.time_zone, 'HH24:MI') AS local, to_char(s.starts_at AT TIME ZONE 'UTC', 'HH24:MI') AS utc
         FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE v.code = 'THP' ORDER BY 1`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ local: '07:00', utc: '17:00' });
    expect(rows.every((r) => ['07:00', '15:00'].includes(r.local))).toBe(true);
    // Paris venues run on Paris time, and only the round-the-clock sites have a night shift.
    const nights: Array<{ code: string }> = await t.dataSource.query(
      `SELECT DISTINCT v.code FROM shifts s JOIN venues v ON v.id = s.venue_id
        WHERE to_char(s.starts_at AT TIME ZONE v.time_zone, 'HH24:MI') = '23:00' ORDER BY 1`,
    );
    expect(nights.map((n) => n.code).every((c) => ['IBC', 'MPC', 'TOC'].includes(c))).toBe(true);
  });

  it('has attendance for every shift that has started, and none for the future', async () => {
    const row = await one<{ checkedIn: number; future: number; started: number; outOfOrder: number }>(
      `SELECT count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS "checkedIn",
              count(*) FILTER (WHERE checked_in_at IS NOT NULL AND (starts_at > $1::timestamptz OR checked_in_at > $1::timestamptz))::int AS future,
              count(*) FILTER (WHERE starts_at <= $1::timestamptz)::int AS started,
              count(*) FILTER (WHERE checked_out_at IS NOT NULL AND checked_out_at < checked_in_at)::int AS "outOfOrder"
         FROM assignments WHERE status IN ('ASSIGNED', 'CONFIRMED') AND event_id = $2`,
      [NOW, result.eventId],
    );
    expect(row.future).toBe(0);
    expect(row.outOfOrder).toBe(0);
    expect(row.checkedIn).toBe(result.counts.checkedIn);
    // About 95% of the people on started shifts came; the rest are the no-shows a coordinator sees.
    expect(row.checkedIn / row.started).toBeGreaterThan(0.9);
    expect(row.checkedIn / row.started).toBeLessThan(0.99);
  });

  it('passes the rule engine for a sample of 200 assignments, with facts read back from the database', async () => {
    const sample: Array<{ id: string; shift_id: string; staff_member_id: string }> = await t.dataSource.query(
      `SELECT id, shift_id, staff_member_id FROM assignments WHERE status IN ('ASSIGNED', 'CONFIRMED') ORDER BY md5(id::text) LIMIT 200`,
    );
    expect(sample).toHaveLength(200);
    const blocking: unknown[] = [];
    for (const a of sample) {
      const shift = await one<Record<string, any>>(`SELECT s.*, v.time_zone, v.zones FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1`, [
        a.shift_id,
      ]);
      const staff = await one<Record<string, any>>(`SELECT * FROM staff_members WHERE id = $1`, [a.staff_member_id]);
      const skills: Array<{ skill_id: string; level: number }> = await t.dataSource.query(
        `SELECT skill_id, level FROM staff_member_skills WHERE staff_member_id = $1`,
        [a.staff_member_id],
      );
      const required: Array<{ skill_id: string; min_level: number; code: string }> = await t.dataSource.query(
        `SELECT r.skill_id, r.min_level, k.code FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = $1`,
        [a.shift_id],
      );
      const neighbours: Array<{ shift_id: string; event_id: string; starts_at: Date; ends_at: Date; time_zone: string }> = await t.dataSource.query(
        `SELECT a.shift_id, a.event_id, a.starts_at, a.ends_at, v.time_zone FROM assignments a
           JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
          WHERE a.staff_member_id = $1 AND a.id <> $2 AND a.status IN ('ASSIGNED', 'CONFIRMED')
            AND a.starts_at < $4::timestamptz + interval '8 days' AND a.ends_at > $3::timestamptz - interval '8 days'`,
        [a.staff_member_id, a.id, shift.starts_at, shift.ends_at],
      );
      const availability: Array<{ kind: 'UNAVAILABLE' | 'PREFERRED' | 'UNDESIRED'; starts_at: Date; ends_at: Date }> = await t.dataSource.query(
        `SELECT kind, starts_at, ends_at FROM availability_periods WHERE staff_member_id = $1 AND starts_at < $3 AND ends_at > $2`,
        [a.staff_member_id, shift.starts_at, shift.ends_at],
      );
      const outcomes = evaluateRules({
        // As if this assignment were being made now, the day before the shift: without itself.
        shift: {
          id: shift.id,
          eventId: shift.event_id,
          status: shift.status,
          startsAt: shift.starts_at,
          endsAt: shift.ends_at,
          headcount: shift.headcount,
          activeCount: shift.active_count - 1,
          timeZone: shift.time_zone,
          venueZones: shift.zones,
          requiredSkills: required.map((r) => ({ skillId: r.skill_id, code: r.code, minLevel: r.min_level })),
        },
        staff: {
          id: staff.id,
          eventId: staff.event_id,
          accreditationStatus: staff.accreditation_status,
          accreditationZones: staff.accreditation_zones,
          skills: new Map(skills.map((s) => [s.skill_id, s.level])),
        },
        neighbours: neighbours.map((n) => ({ shiftId: n.shift_id, eventId: n.event_id, startsAt: n.starts_at, endsAt: n.ends_at, timeZone: n.time_zone })),
        availability: availability.map((p) => ({ kind: p.kind, startsAt: p.starts_at, endsAt: p.ends_at })),
        rules: defaultWorkRules(staff.event_id, staff.employment_type as EmploymentType),
        now: new Date(shift.starts_at.getTime() - DAY),
        alreadyOnShift: false,
      });
      const blocks = outcomes.filter((o) => o.severity === 'BLOCK');
      if (blocks.length) blocking.push({ assignment: a.id, rules: blocks.map((b) => `${b.rule}: ${b.message}`) });
    }
    expect(blocking).toEqual([]);
  });

  describe('the alumni network', () => {
    const DEMO_PASSWORD = 'baton-demo-2024';
    const login = async (email: string) =>
      (await t.gql.ok(`mutation($e: String!) { login(input: { email: $e, password: "${DEMO_PASSWORD}" }) { accessToken } }`, { e: email })).login.accessToken;

    it('has a closed test event a year ago, with a roster and attendance', async () => {
      const event = await one<Record<string, any>>(`SELECT id, phase, to_char(starts_on, 'YYYY-MM-DD') AS starts_on FROM events WHERE code = 'PAR23T'`);
      expect(event).toMatchObject({ phase: 'CLOSED', starts_on: '2025-07-22' });
      const row = await one<{ staff: number; shifts: number; attended: number; active: number }>(
        `SELECT (SELECT count(*)::int FROM staff_members WHERE event_id = $1) AS staff, (SELECT count(*)::int FROM shifts WHERE event_id = $1) AS shifts,
                count(*) FILTER (WHERE checked_in_at IS NOT NULL)::int AS attended, count(*)::int AS active
           FROM assignments WHERE event_id = $1 AND status IN ('ASSIGNED', 'CONFIRMED')`,
        [event.id],
      );
      expect(row.staff).toBe(result.counts.alumni.testEventStaff);
      expect(row.staff).toBeGreaterThan(40);
      expect(row.attended / row.active).toBeGreaterThan(0.88);
      expect(row.attended / row.active).toBeLessThan(0.99);
    });

    it('about 60 % of its staff joined, with profiles of every visibility', async () => {
      const row = await one<{ members: number; visibilities: number; games: number }>(
        `SELECT count(*)::int AS members, count(DISTINCT p.visibility)::int AS visibilities,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM alumni_games_experiences g WHERE g.user_id = p.user_id))::int AS games
           FROM alumni_profiles p JOIN alumni_consents c ON c.user_id = p.user_id AND c.withdrawn_at IS NULL`,
      );
      expect(row.members).toBe(result.counts.alumni.alumni);
      const share = row.members / result.counts.alumni.testEventStaff;
      expect(share).toBeGreaterThan(0.45);
      expect(share).toBeLessThan(0.75);
      expect(row.visibilities).toBe(3);
      // A member whose every test-event shift was a no-show has no Games record: nearly none.
      expect(row.games).toBeGreaterThan(row.members * 0.95);
    });

    it('every test-event staff record with checked-in time has a signed record, issued by the system', async () => {
      const row = await one<{ worked: number; records: number; valid: number; by_someone: number }>(
        `SELECT (SELECT count(DISTINCT a.staff_member_id)::int FROM assignments a JOIN events e ON e.id = a.event_id
                  WHERE e.code = 'PAR23T' AND a.checked_in_at IS NOT NULL AND a.status IN ('ASSIGNED', 'CONFIRMED')) AS worked,
                count(*)::int AS records, count(*) FILTER (WHERE r.revoked_at IS NULL)::int AS valid,
                (SELECT count(*)::int FROM audit_entries WHERE action = 'games_record.issued' AND actor_user_id IS NOT NULL) AS by_someone
           FROM games_records r JOIN events e ON e.id = r.event_id WHERE e.code = 'PAR23T'`,
      );
      expect(row.records).toBe(result.counts.alumni.verifiedRecords);
      expect(row.records).toBe(row.worked);
      expect(row.valid).toBe(row.records);
      expect(row.by_someone).toBe(0);
    });

    it('endorses only between people who attended the same shifts', async () => {
      const row = await one<{ total: number; unfounded: number }>(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE NOT EXISTS (
                  SELECT 1 FROM assignments a JOIN staff_members ma ON ma.id = a.staff_member_id AND ma.user_id = e.endorser_id
                    JOIN assignments b ON b.shift_id = a.shift_id JOIN staff_members mb ON mb.id = b.staff_member_id AND mb.user_id = e.endorsee_id
                   WHERE a.checked_in_at IS NOT NULL AND b.checked_in_at IS NOT NULL AND a.status IN ('ASSIGNED', 'CONFIRMED') AND b.status IN ('ASSIGNED', 'CONFIRMED')))::int AS unfounded
           FROM alumni_endorsements e`,
      );
      expect(row.total).toBe(result.counts.alumni.endorsements);
      expect(row.total).toBeGreaterThan(10);
      expect(row.unfounded).toBe(0);
    });

    it('alumnus@baton.demo has a full profile, a Games record and endorsements; staff@baton.demo may still join', async () => {
      const token = await login('alumnus@baton.demo');
      const { myAlumniProfile: p } = await t.gql.ok(
        `{ myAlumniProfile { userId visibility summary location { city } skills { name endorsementCount } languages { code } experiences { title } education { institution }
             links { url } gamesExperiences { eventCode shiftsWorked venues { code } } jsonResume } }`,
        {},
        token,
      );
      expect(p).toMatchObject({
        visibility: 'PARTNERS',
        location: { city: 'Saint-Denis' },
        gamesExperiences: [{ eventCode: 'PAR23T', venues: [{ code: 'STF' }] }],
      });
      for (const section of ['skills', 'languages', 'experiences', 'education', 'links']) expect([section, p[section].length > 0]).toEqual([section, true]);
      const endorsements = await t.gql.ok(`{ alumniEndorsements(userId: "${p.userId}") { totalCount edges { node { summary } } } }`, {}, token);
      expect(endorsements.alumniEndorsements.totalCount).toBeGreaterThan(0);
      expect(endorsements.alumniEndorsements.edges[0].node.summary).toMatch(/together at Stade de France/);
      // The verified record behind the Games experience: issued by the seed, checked as a stranger would.
      const { myGamesRecords } = await t.gql.ok(`{ myGamesRecords { code status verificationUrl eventCode } }`, {}, token);
      expect(myGamesRecords).toEqual([expect.objectContaining({ status: 'VALID', eventCode: 'PAR23T' })]);
      const [record] = myGamesRecords;
      const { myAlumniProfile: again } = await t.gql.ok(`{ myAlumniProfile { gamesExperiences { verified verifiedRecord { code } } jsonResume } }`, {}, token);
      expect(again.gamesExperiences).toEqual([{ verified: true, verifiedRecord: { code: record.code } }]);
      expect(again.jsonResume.work[0].url).toBe(record.verificationUrl);
      const { verifyRecord } = await t.gql.ok(`query($c: String!) { verifyRecord(code: $c) { status signatureValid matchesRecord } }`, { c: record.code });
      expect(verifyRecord).toEqual({ status: 'VALID', signatureValid: true, matchesRecord: true });
      const page = await fetch(`${t.url}/verify/${record.code}`, { headers: { accept: 'application/json' } });
      expect(page.status).toBe(200);
      const staff = await login('staff@baton.demo');
      expect((await t.gql.ok('{ myAlumniMembership { member mayJoin invitedAfter } }', {}, staff)).myAlumniMembership).toEqual({
        member: false,
        mayJoin: true,
        invitedAfter: ['Paris 2024 test event (demo)'],
      });
    });
  });
  it('has partner opportunities and applications at every stage; recruiter@baton.demo has some to review', async () => {
    expect(result.counts.opportunities.opportunities).toBeGreaterThanOrEqual(8);
    const stages: Array<{ stage: string }> = await t.dataSource.query('SELECT DISTINCT stage::text AS stage FROM applications ORDER BY 1');
    expect(stages.map((r) => r.stage)).toEqual(['HIRED', 'INTERVIEW', 'IN_REVIEW', 'OFFER', 'REJECTED', 'SUBMITTED', 'WITHDRAWN']);
    const token = (await t.gql.ok(`mutation { login(input: { email: "recruiter@baton.demo", password: "baton-demo-2024" }) { accessToken } }`)).login
      .accessToken;
    const { opportunities } = await t.gql.ok(
      `{ opportunities(filter: { mine: true }) { edges { node { id title applicationCounts { stage count } } } } }`,
      {},
      token,
    );
    expect(opportunities.edges.length).toBeGreaterThanOrEqual(3);
    const first = opportunities.edges[0].node;
    const { opportunityApplications } = await t.gql.ok(
      `query($o: ID!) { opportunityApplications(opportunityId: $o) { totalCount edges { node { stage cv { displayName } } } } }`,
      { o: first.id },
      token,
    );
    expect(opportunityApplications.totalCount).toBeGreaterThan(0);
    expect(opportunityApplications.edges[0].node.cv.displayName).toEqual(expect.any(String));
  });

  it('applications carry the applicant’s verified Games records in their CV snapshot, as applying through the API would', async () => {
    const rows: Array<{ in_cv: number; valid: number; hides: boolean }> = await t.dataSource.query(
      `SELECT jsonb_array_length(a.cv_snapshot->'verifiedRecords') AS in_cv, 'VERIFIED_RECORDS' = ANY(p.hidden_sections) AS hides,
              (SELECT count(*) FROM games_records r JOIN staff_members m ON m.id = r.staff_member_id
                WHERE m.user_id = a.applicant_id AND r.revoked_at IS NULL AND r.superseded_at IS NULL AND r.hidden_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM alumni_record_preferences rp WHERE rp.record_id = r.id AND rp.hidden))::int AS valid
         FROM applications a JOIN alumni_profiles p ON p.user_id = a.applicant_id`,
    );
    expect(rows.length).toBe(result.counts.opportunities.applications);
    expect(rows.filter((r) => r.in_cv > 0).length).toBeGreaterThan(0);
    for (const r of rows) expect(r.in_cv).toBe(r.hides ? 0 : r.valid);
  });

  it('recruiter@baton.demo has a saved search whose first digest was sent, and contact requests accepted, pending and declined', async () => {
    const token = (await t.gql.ok(`mutation { login(input: { email: "recruiter@baton.demo", password: "baton-demo-2024" }) { accessToken } }`)).login
      .accessToken;
    const { mySavedTalentSearches } = await t.gql.ok(`{ mySavedTalentSearches { id name lastAlertAt } }`, {}, token);
    expect(mySavedTalentSearches).toEqual([{ id: result.counts.talent.savedSearchId, name: 'Games specialists (demo)', lastAlertAt: expect.any(String) }]);
    expect(result.counts.talent.alertMatches).toBeGreaterThan(0);
    const digests = await t.dataSource.query(
      `SELECT payload FROM outbox_messages WHERE recipient = 'recruiter@baton.demo' AND template = 'talent.saved-search-digest'`,
    );
    expect(digests).toHaveLength(1);
    expect(digests[0].payload.userIds).toHaveLength(result.counts.talent.alertMatches);

    const { sentContactRequests } = await t.gql.ok(`{ sentContactRequests { alumnusId status } }`, {}, token);
    const byStatus = (status: string) => sentContactRequests.filter((r: any) => r.status === status).map((r: any) => r.alumnusId);
    expect([byStatus('ACCEPTED').length, byStatus('PENDING').length, byStatus('DECLINED').length]).toEqual([2, 2, 1]);
    expect(result.counts.talent.contactRequests).toEqual({ accepted: 2, pending: 2, declined: 1 });
    const alumnus = await one<{ id: string }>(`SELECT id FROM users WHERE email = 'alumnus@baton.demo'`);
    expect(byStatus('PENDING')).toContain(alumnus.id);
    const contact = async (userId: string) =>
      (await t.gql.ok(`query($u: ID!) { talentProfile(userId: $u) { contact { email } } }`, { u: userId }, token)).talentProfile.contact;
    for (const id of byStatus('ACCEPTED')) expect(await contact(id)).toEqual({ email: expect.any(String) });
    for (const id of [...byStatus('PENDING'), ...byStatus('DECLINED')]) expect(await contact(id)).toBeNull();

    // Candidates for an Atlantec opportunity (the README's example).
    const { opportunities } = await t.gql.ok(`{ opportunities(filter: { mine: true }) { edges { node { id status } } } }`, {}, token);
    const open = opportunities.edges.find((e: any) => e.node.status === 'OPEN').node;
    const { opportunityCandidates } = await t.gql.ok(
      `query($o: ID!) { opportunityCandidates(opportunityId: $o, first: 5) { totalCount edges { node { score skills { name } } } } }`,
      { o: open.id },
      token,
    );
    expect(opportunityCandidates.totalCount).toBeGreaterThan(0);
  });
});
