import { AlumniVisibility, profileAccess, ProfileViewer } from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { attend, createMember, login, MemberFixture, PROFILE_FIELDS, refreshGames } from '../factories/alumni';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createSkill } from '../factories/skills';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const DIRECTORY = `query($f: AlumniDirectoryFilter, $first: Int, $after: String) {
  alumniDirectory(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { userId displayName } } } }`;

interface Subject {
  member: MemberFixture;
  name: string;
  visibility: AlumniVisibility;
  hidden: string[];
  withdrawn: boolean;
  openToWork: boolean;
  timing: boolean;
  place: 'STF-NET' | 'AQC-RES' | null;
}

/**
 * The directory: listed members only, filtered in SQL by the same rule as the policy (checked
 * against profileAccess() itself), paged, and with a constant number of statements per page.
 */
describe('alumni directory', () => {
  let t: TestApp;
  let viewer: MemberFixture;
  let adminToken: string;
  let adminId: string;
  const subjects: Subject[] = [];
  let skillCode: string;

  const ids = (edges: Array<{ node: { userId: string } }>) => edges.map((e) => e.node.userId);
  const search = async (filter: Record<string, unknown>, token = viewer.token) => (await t.gql.ok(DIRECTORY, { f: filter, first: 200 }, token)).alumniDirectory;
  const expected = (keep: (s: Subject) => boolean) =>
    subjects
      .filter((s) => !s.withdrawn && s.visibility !== 'PRIVATE' && keep(s))
      .map((s) => s.member.id)
      .sort();

  beforeAll(async () => {
    t = await startTestApp();
    const event = await createEvent(t.dataSource, { code: 'PAR23T', name: 'Paris Test Event', phase: EventPhase.CLOSED });
    const stf = await createVenue(t.dataSource, event.id, { code: 'STF', name: 'Stade de France' });
    const aqc = await createVenue(t.dataSource, event.id, { code: 'AQC', name: 'Paris Aquatics Centre' });
    const net = await createTeam(t.dataSource, event.id, { code: 'NET', name: 'Network' });
    const res = await createTeam(t.dataSource, event.id, { code: 'RES', name: 'Results' });
    const organisation = await createOrganisation(t.dataSource);
    const shifts = {
      'STF-NET': await createShift(
        t.dataSource,
        { eventId: event.id, venueId: stf.id, teamId: net.id },
        { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z', headcount: 50 },
      ),
      'AQC-RES': await createShift(
        t.dataSource,
        { eventId: event.id, venueId: aqc.id, teamId: res.id },
        { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z', headcount: 50 },
      ),
    };
    const skill = await createSkill(t.dataSource, { name: 'Timing systems' });
    skillCode = skill.code;
    viewer = await createMember(t, {}, { displayName: 'Viewer Zed' });
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminId = admin.id;
    adminToken = await login(t, admin.email);
    const names = ['Amélie Bernard', 'Bastien Roux', 'Chloé Martin', 'Damien Petit', 'Élodie Laurent', 'Fabien Girard', 'Gaëlle Morel', 'Hugo Fournier'];
    const visibilities = [AlumniVisibility.ALUMNI, AlumniVisibility.PARTNERS, AlumniVisibility.PRIVATE];
    for (let i = 0; i < 24; i++) {
      const name = `${names[i % names.length]} ${String(i).padStart(2, '0')}`;
      const s: Subject = {
        name,
        visibility: visibilities[i % 3],
        hidden: i % 5 === 0 ? ['SKILLS', 'GAMES'] : [],
        withdrawn: i % 7 === 6,
        openToWork: i % 2 === 0,
        timing: i % 4 !== 3,
        place: i % 3 === 0 ? 'STF-NET' : i % 3 === 1 ? 'AQC-RES' : null,
        member: await createMember(t, {}, { displayName: name }),
      };
      await t.dataSource.query(`UPDATE alumni_profiles SET visibility = $2, hidden_sections = $3, open_to_work = $4 WHERE user_id = $1`, [
        s.member.id,
        s.visibility,
        s.hidden,
        s.openToWork,
      ]);
      if (s.timing)
        await t.dataSource.query(`INSERT INTO alumni_profile_skills (user_id, skill_id, level, position) VALUES ($1, $2, 3, 0)`, [s.member.id, skill.id]);
      await t.dataSource.query(`INSERT INTO alumni_profile_skills (user_id, name, level, position) VALUES ($1, 'Python', 2, 1)`, [s.member.id]);
      await t.dataSource.query(`INSERT INTO alumni_links (user_id, label, url, position) VALUES ($1, 'Site', 'https://example.org/' || $2, 0)`, [
        s.member.id,
        i,
      ]);
      await t.dataSource.query(`INSERT INTO alumni_profile_languages (user_id, code, level, position) VALUES ($1, 'fr', 'NATIVE', 0)`, [s.member.id]);
      await t.dataSource.query(
        `INSERT INTO alumni_experiences (user_id, title, organisation, start_month, position) VALUES ($1, 'Engineer', 'Acme', '2020-01-01', 0)`,
        [s.member.id],
      );
      if (s.place) {
        const staff = await createStaffMember(t.dataSource, event.id, organisation.id, { userId: s.member.id });
        await attend(t.dataSource, shifts[s.place], staff.id);
      }
      subjects.push(s);
    }
    await refreshGames(
      t,
      subjects.map((s) => s.member.id),
    );
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = ANY($1::uuid[])`, [
      subjects.filter((s) => s.withdrawn).map((s) => s.member.id),
    ]);
  }, 90_000);
  afterAll(() => t?.close());

  it('lists listed members only: never PRIVATE, never withdrawn', async () => {
    const all = await search({});
    expect(all.totalCount).toBe(expected(() => true).length + 1); // and the viewer
    expect(ids(all.edges).sort()).toEqual([...expected(() => true), viewer.id].sort());
  });

  it('agrees with the policy itself, for a member and for an admin', async () => {
    const rows: Array<{ user_id: string; visibility: AlumniVisibility; hidden_sections: string[]; active: boolean }> = await t.dataSource.query(
      `SELECT p.user_id, p.visibility, p.hidden_sections, EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL) AS active FROM alumni_profiles p`,
    );
    const viewers: Array<[ProfileViewer, string]> = [
      [{ kind: 'MEMBER', userId: viewer.id }, viewer.token],
      [{ kind: 'ADMIN', userId: adminId }, adminToken],
    ];
    for (const [who, token] of viewers) {
      const byPolicy = rows
        .filter(
          (r) =>
            r.visibility !== 'PRIVATE' &&
            profileAccess(who, {
              userId: r.user_id,
              visibility: r.visibility,
              hiddenSections: r.hidden_sections,
              consentActive: r.active,
              blockedOrganisations: [],
            }).visible,
        )
        .map((r) => r.user_id)
        .sort();
      expect(ids((await search({}, token)).edges).sort()).toEqual(byPolicy);
    }
  });

  it('pages by name with opaque cursors, within the maximum page size', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { alumniDirectory } = await t.gql.ok(DIRECTORY, { f: {}, first: 4, after }, viewer.token);
      seen.push(...alumniDirectory.edges.map((e: any) => e.node.displayName));
      if (!alumniDirectory.pageInfo.hasNextPage) break;
      after = alumniDirectory.pageInfo.endCursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(seen).size).toBe(expected(() => true).length + 1);
    expect((await t.gql.request(DIRECTORY, { first: 201 }, viewer.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql.request(DIRECTORY, { after: 'garbage' }, viewer.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('searches by name, forgiving a small typo', async () => {
    expect(ids((await search({ search: 'chloé' })).edges).sort()).toEqual(expected((s) => s.name.startsWith('Chloé')));
    expect((await search({ search: 'Bastian' })).edges.map((e: any) => e.node.displayName).every((n: string) => n.startsWith('Bastien'))).toBe(true);
  });

  it('filters by skills (catalogue code or name, free text), only where skills are shown', async () => {
    const timing = expected((s) => s.timing && !s.hidden.includes('SKILLS'));
    expect(ids((await search({ skills: [skillCode] })).edges).sort()).toEqual(timing);
    expect(ids((await search({ skills: ['timing SYSTEMS'] })).edges).sort()).toEqual(timing);
    expect(ids((await search({ skills: ['Timing systems', 'python'] })).edges).sort()).toEqual(timing);
    expect((await search({ skills: ['COBOL'] })).totalCount).toBe(0);
  });

  it('filters by teams, venues and events worked (code or name), only where the Games are shown', async () => {
    const stf = expected((s) => s.place === 'STF-NET' && !s.hidden.includes('GAMES'));
    const aqc = expected((s) => s.place === 'AQC-RES' && !s.hidden.includes('GAMES'));
    expect(ids((await search({ venues: ['stf'] })).edges).sort()).toEqual(stf);
    expect(ids((await search({ venues: ['Paris Aquatics Centre'] })).edges).sort()).toEqual(aqc);
    expect(ids((await search({ teams: ['Network'] })).edges).sort()).toEqual(stf);
    expect(ids((await search({ teams: ['RES'], venues: ['STF'] })).edges)).toEqual([]);
    expect(ids((await search({ events: ['par23t'] })).edges).sort()).toEqual([...stf, ...aqc].sort());
  });

  it('filters by open to work, combined with the rest', async () => {
    expect(ids((await search({ openToWork: true })).edges).sort()).toEqual(expected((s) => s.openToWork));
    expect(ids((await search({ openToWork: false, venues: ['STF'] })).edges).sort()).toEqual(
      expected((s) => !s.openToWork && s.place === 'STF-NET' && !s.hidden.includes('GAMES')),
    );
  });

  it('refuses bad filters with BAD_USER_INPUT', async () => {
    for (const f of [{ search: 'a\u0000' }, { skills: Array(11).fill('x') }, { venues: ['x'.repeat(201)] }]) {
      expect((await t.gql.request(DIRECTORY, { f }, viewer.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is for members: outsiders, staff and recruiters are refused', async () => {
    const outsider = await login(t, (await createUser(t.dataSource, [{ role: Role.ALUMNUS }])).email);
    expect((await t.gql.request(DIRECTORY, {}, outsider)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    const recruiter = await login(
      t,
      (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: (await createOrganisation(t.dataSource)).id }])).email,
    );
    expect((await t.gql.request(DIRECTORY, {}, recruiter)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.request(DIRECTORY, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('costs the same number of statements for 3 profiles as for 17, every section included (no N+1)', async () => {
    const query = `query($first: Int) { alumniDirectory(first: $first) { totalCount edges { node { ${PROFILE_FIELDS} jsonResume } } } }`;
    const measure = async (first: number) => {
      const counter = countSql(t.dataSource);
      const result = await t.gql.ok(query, { first }, viewer.token);
      counter.stop();
      return { rows: result.alumniDirectory.edges.length, statements: counter.count };
    };
    const small = await measure(3);
    const large = await measure(200);
    expect(small.rows).toBe(3);
    expect(large.rows).toBeGreaterThanOrEqual(15);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(14);
  });
});
