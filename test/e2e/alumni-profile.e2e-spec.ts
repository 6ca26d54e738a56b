import { validate as validateResume } from '@jsonresume/schema';
import { AlumniVisibility } from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { SkillEntity } from '@baton/skills';
import { attend, createMember, login, MemberFixture, PROFILE_FIELDS, refreshGames } from '../factories/alumni';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/rostering';
import { createSkill, createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const UPDATE = `mutation($input: AlumniProfileInput!) { updateAlumniProfile(input: $input) { ${PROFILE_FIELDS} } }`;
const NOW = '2026-06-15T10:00:00Z';

function resumeErrors(resume: unknown): unknown[] {
  let errors: unknown[] = [];
  validateResume(resume, (e) => (errors = e ?? []));
  return errors;
}

describe('alumni profiles: the CV, bad input, who sees what, JSON Resume', () => {
  let t: TestApp;
  let skill: SkillEntity;
  let owner: MemberFixture;
  let other: MemberFixture;
  let adminToken: string;

  /** A profile with every section filled, so each field can be checked for being shown or hidden. */
  const fullProfile = (overrides: Record<string, unknown> = {}) => ({
    displayName: 'Léa Dupont',
    headline: 'Network engineer, Paris 2024',
    summary: 'Ran the venue network at Stade de France.\nNow looking for the next Games.',
    city: 'Saint-Denis',
    country: 'FR',
    openToWork: true,
    desiredRoles: ['Network lead', 'Venue technology manager'],
    skills: [
      { skillId: skill.id, level: 3 },
      { name: 'Python', level: 2 },
    ],
    languages: [
      { code: 'fr', level: 'NATIVE' },
      { code: 'en', level: 'C1' },
    ],
    experiences: [
      {
        title: 'Network engineer',
        organisation: 'Nordlys Networks',
        startMonth: '2022-03',
        endMonth: '2024-09',
        description: 'Venue LAN.',
        url: 'https://nordlys.example',
      },
      { title: 'Network lead', organisation: 'Velarion', startMonth: '2024-10', location: 'Lyon, France' },
    ],
    education: [{ institution: 'Université Paris Cité', area: 'Computer science', studyType: 'Master', startMonth: '2017-09', endMonth: '2019-06' }],
    links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/lea-dupont-example' }],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    skill = await createSkill(t.dataSource, { name: 'Wi-Fi design', code: `WIFI-${Date.now() % 100000}` });
    owner = await createMember(t, {}, { displayName: 'Lea' });
    other = await createMember(t, {}, { displayName: 'Other Member' });
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminToken = await login(t, admin.email);
    // The owner worked a closed event: their Games record comes from the roster.
    const event = await createEvent(t.dataSource, { name: 'Paris Test Event', phase: EventPhase.CLOSED });
    const venue = await createVenue(t.dataSource, event.id, { code: 'STF', name: 'Stade de France' });
    const team = await createTeam(t.dataSource, event.id, { code: 'NET', name: 'Network' });
    const organisation = await createOrganisation(t.dataSource, { name: 'Nordlys Networks' });
    const staff = await createStaffMember(t.dataSource, event.id, organisation.id, { userId: owner.id, teamId: team.id, homeVenueId: venue.id });
    for (const day of ['2024-07-27', '2024-07-28']) {
      const shift = await createShift(t.dataSource, { eventId: event.id, venueId: venue.id, teamId: team.id }, `${day}T06:00:00Z`, `${day}T14:00:00Z`);
      await attend(t.dataSource, shift, staff.id);
    }
    await refreshGames(t, [owner.id]);
  }, 60_000);
  afterAll(() => t?.close());

  describe('editing one’s own profile', () => {
    it('writes every section and returns the profile', async () => {
      const result = await t.gql.ok(UPDATE, { input: fullProfile() }, owner.token);
      const p = result.updateAlumniProfile;
      expect(p).toMatchObject({
        displayName: 'Léa Dupont',
        isMine: true,
        visibility: 'ALUMNI',
        location: { city: 'Saint-Denis', country: 'FR', countryName: 'France' },
        desiredRoles: ['Network lead', 'Venue technology manager'],
        languages: [
          { code: 'fr', name: 'French', level: 'NATIVE' },
          { code: 'en', name: 'English', level: 'C1' },
        ],
        links: [{ label: 'LinkedIn', url: 'https://www.linkedin.com/in/lea-dupont-example' }],
      });
      expect(p.skills.map((s: any) => [s.code, s.name, s.level])).toEqual([
        [skill.code, 'Wi-Fi design', 3],
        [null, 'Python', 2],
      ]);
      expect(p.experiences.map((e: any) => [e.title, e.startMonth, e.endMonth])).toEqual([
        ['Network engineer', '2022-03', '2024-09'],
        ['Network lead', '2024-10', null],
      ]);
      expect(p.gamesExperiences).toEqual([
        expect.objectContaining({
          eventName: 'Paris Test Event',
          teamCode: 'NET',
          shiftsWorked: 2,
          hoursWorked: 16,
          venues: [{ code: 'STF', name: 'Stade de France', shifts: 2 }],
        }),
      ]);
      const [audit] = await t.dataSource.query(
        `SELECT after FROM audit_entries WHERE action = 'alumni.profile_updated' AND actor_user_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
        [owner.id],
      );
      expect(audit.after.changed).toEqual(expect.arrayContaining(['headline', 'skills', 'experiences']));
      // The audit says what changed, not to what.
      expect(JSON.stringify(audit.after)).not.toContain('Saint-Denis');
    });

    it('absent fields stay, null clears what may be empty and is refused elsewhere', async () => {
      const cleared = await t.gql.ok(UPDATE, { input: { headline: null, city: null } }, owner.token);
      expect(cleared.updateAlumniProfile).toMatchObject({ headline: null, displayName: 'Léa Dupont', location: { city: null, country: 'FR' } });
      const refused = await t.gql.request(UPDATE, { input: { displayName: null, skills: null } }, owner.token);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: expect.arrayContaining([
          expect.objectContaining({ field: 'displayName', constraint: 'required' }),
          expect.objectContaining({ field: 'skills' }),
        ]),
      });
      await t.gql.ok(UPDATE, { input: { headline: 'Network engineer, Paris 2024', city: 'Saint-Denis' } }, owner.token);
    });

    const bad: Array<[string, Record<string, unknown>, string]> = [
      ['NUL in a text', { headline: 'a\u0000b' }, 'headline'],
      ['a lone surrogate', { summary: 'broken \ud800 text' }, 'summary'],
      ['a control character in a one-line text', { displayName: 'Léa\u0007' }, 'displayName'],
      ['a right-to-left override', { displayName: 'Léa\u202eevil' }, 'displayName'],
      ['a huge text', { summary: 'x'.repeat(4001) }, 'summary'],
      ['a javascript: link', { links: [{ label: 'Site', url: 'javascript:alert(1)' }] }, 'links.0.url'],
      ['an ftp link', { links: [{ label: 'Site', url: 'ftp://files.example.org/cv' }] }, 'links.0.url'],
      ['a link with a password', { links: [{ label: 'Site', url: 'https://me:secret@example.org' }] }, 'links.0.url'],
      ['a month 13', { experiences: [{ title: 'X', organisation: 'Y', startMonth: '2024-13' }] }, 'experiences.0.startMonth'],
      ['an end before the start', { experiences: [{ title: 'X', organisation: 'Y', startMonth: '2024-05', endMonth: '2024-04' }] }, 'experiences.0.endMonth'],
      ['an end in the future', { experiences: [{ title: 'X', organisation: 'Y', startMonth: '2024-05', endMonth: '2026-08' }] }, 'experiences.0.endMonth'],
      [
        'a skill twice',
        {
          skills: [
            { name: 'Go', level: 2 },
            { name: 'go', level: 3 },
          ],
        },
        'skills.1',
      ],
      ['a skill with both id and name', { skills: [{ skillId: '00000000-0000-4000-8000-000000000000', name: 'Go', level: 2 }] }, 'skills.0'],
      ['an unknown catalogue skill', { skills: [{ skillId: '00000000-0000-4000-8000-000000000000', level: 2 }] }, 'skills.0.skillId'],
      ['a level 5', { skills: [{ name: 'Go', level: 5 }] }, 'skills.0.level'],
      ['an unknown country', { country: 'ZZ' }, 'country'],
      ['an unknown language', { languages: [{ code: 'xx', level: 'B1' }] }, 'languages.0.code'],
      [
        'a language twice',
        {
          languages: [
            { code: 'fr', level: 'B1' },
            { code: 'fr', level: 'C1' },
          ],
        },
        'languages.1.code',
      ],
      ['too many skills', { skills: Array.from({ length: 51 }, (_, i) => ({ name: `S${i}`, level: 1 })) }, 'skills'],
      ['an empty title', { experiences: [{ title: '   ', organisation: 'Y', startMonth: '2024-05' }] }, 'experiences.0.title'],
    ];
    for (const [what, input, field] of bad) {
      it(`refuses ${what} with BAD_USER_INPUT on ${field}, changing nothing`, async () => {
        const before = await t.gql.ok(`{ myAlumniProfile { ${PROFILE_FIELDS} } }`, {}, owner.token);
        const result = await t.gql.request(UPDATE, { input: { headline: 'Changed?', ...input } }, owner.token);
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect((result.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
        expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
        expect(await t.gql.ok(`{ myAlumniProfile { ${PROFILE_FIELDS} } }`, {}, owner.token)).toEqual(before);
      });
    }

    it('refuses wrong types and unknown enum values before resolving', async () => {
      for (const input of [{ openToWork: 'yes' }, { visibility: 'EVERYONE' }, { hiddenSections: ['PHOTOS'] }, { skills: [{ name: 'Go', level: '3' }] }]) {
        const result = await t.gql.request(UPDATE, { input }, owner.token);
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(result.errors?.[0].extensions?.code);
      }
    });

    it('needs the ALUMNI_PROFILE permission: staff and recruiters are refused, anonymous too', async () => {
      const staff = await login(t, (await createUser(t.dataSource, [{ role: Role.STAFF, eventId: (await createEvent(t.dataSource)).id }])).email);
      expect((await t.gql.request(UPDATE, { input: { headline: 'x' } }, staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql.request(UPDATE, { input: { headline: 'x' } })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  /**
   * Each visibility × anonymous, the owner, another member, an admin, a recruiter; field by field,
   * with hidden sections, a hidden verified record, hidden endorsements, and consent withdrawn.
   * The expectations are written out here, not derived from the policy code.
   */
  describe('visibility matrix', () => {
    interface Subject {
      visibility: AlumniVisibility;
      hidden: string[];
      /** The person hid their verified record (setGamesRecordHidden). */
      hideRecord?: boolean;
      member?: MemberFixture;
      recordCode?: string;
    }
    const subjects: Record<string, Subject> = {
      PRIVATE: { visibility: AlumniVisibility.PRIVATE, hidden: [] },
      ALUMNI: { visibility: AlumniVisibility.ALUMNI, hidden: ['LINKS', 'VERIFIED_RECORDS'] },
      'ALUMNI, Games hidden': { visibility: AlumniVisibility.ALUMNI, hidden: ['GAMES'] },
      PARTNERS: { visibility: AlumniVisibility.PARTNERS, hidden: ['SKILLS', 'SUMMARY', 'ENDORSEMENTS'] },
      'PARTNERS, record hidden': { visibility: AlumniVisibility.PARTNERS, hidden: [], hideRecord: true },
    };
    const SECTION_OF: Record<string, string | null> = {
      displayName: null,
      headline: null,
      openToWork: null,
      summary: 'SUMMARY',
      location: 'LOCATION',
      desiredRoles: 'DESIRED_ROLES',
      skills: 'SKILLS',
      languages: 'LANGUAGES',
      experiences: 'EXPERIENCES',
      education: 'EDUCATION',
      links: 'LINKS',
      gamesExperiences: 'GAMES',
    };
    const query = (userId: string) => `{ alumniProfile(userId: "${userId}") { ${PROFILE_FIELDS} jsonResume } }`;
    const ENDORSEMENTS = `query($u: ID!) { alumniEndorsements(userId: $u) { totalCount edges { node { hidden } } } }`;
    let endorser: MemberFixture;
    let recruiterToken: string;
    const tokenOf = (viewer: 'member' | 'admin') => (viewer === 'member' ? other.token : adminToken);

    beforeAll(async () => {
      const games = await createPastEvent(t.dataSource, EventPhase.CLOSED, 'Matrix Games');
      endorser = await createMember(t, {}, { displayName: 'Endorser' });
      recruiterToken = await login(
        t,
        (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: (await createOrganisation(t.dataSource)).id }])).email,
      );
      for (const [name, subject] of Object.entries(subjects)) {
        const member = await createMember(t, {}, { displayName: `Subject ${name}` });
        await t.gql.ok(
          UPDATE,
          { input: { ...fullProfile({ displayName: `Subject ${name}` }), visibility: subject.visibility, hiddenSections: subject.hidden } },
          member.token,
        );
        await createWorkedStaff(t.dataSource, games, [{ start: '2024-07-27T06:00:00Z' }], { userId: member.id, displayName: `Subject ${name}` });
        // Endorsements straight into the table (their rule is tested in alumni-endorsements): one shown, one hidden.
        const skills: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM alumni_profile_skills WHERE user_id = $1 ORDER BY position`, [
          member.id,
        ]);
        for (const [i, s] of skills.entries()) {
          await t.dataSource.query(
            `INSERT INTO alumni_endorsements (endorser_id, endorsee_id, profile_skill_id, relation, event_id, context, hidden_at)
             VALUES ($1, $2, $3, 'SHARED_SHIFTS', $4, $5, $6)`,
            [endorser.id, member.id, s.id, games.event.id, JSON.stringify({ eventName: 'Matrix Games', shifts: 1, venues: [] }), i === 1 ? NOW : null],
          );
        }
        subject.member = member;
      }
      await t.gql.ok(`mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`, { e: games.event.id }, adminToken);
      await refreshGames(
        t,
        Object.values(subjects).map((s) => s.member!.id),
      );
      for (const subject of Object.values(subjects)) {
        const { myGamesRecords } = await t.gql.ok('{ myGamesRecords { id code } }', {}, subject.member!.token);
        subject.recordCode = myGamesRecords[0].code;
        if (subject.hideRecord)
          await t.gql.ok(`mutation($id: ID!) { setGamesRecordHidden(id: $id, hidden: true) { id } }`, { id: myGamesRecords[0].id }, subject.member!.token);
      }
    }, 60_000);

    for (const [name, subject] of Object.entries(subjects)) {
      it(`${name}: anonymous is refused`, async () => {
        const result = await t.gql.request(query(subject.member!.id));
        expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(result.data).toBeNull();
        expect((await t.gql.request(ENDORSEMENTS, { u: subject.member!.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      });

      it(`${name}: the owner sees every field, the settings, hidden endorsements and the hidden record (marked)`, async () => {
        const { member, hidden, visibility } = subject;
        for (const q of [query(member!.id), `{ myAlumniProfile { ${PROFILE_FIELDS} jsonResume } }`]) {
          const data = await t.gql.ok(q, {}, member!.token);
          const p = data.alumniProfile ?? data.myAlumniProfile;
          expect(p).toMatchObject({ isMine: true, visibility, hiddenSections: hidden });
          for (const field of Object.keys(SECTION_OF)) expect([field, p[field]]).not.toEqual([field, null]);
          expect(p.jsonResume.basics.profiles).toHaveLength(1);
          expect(p.skills.map((k: any) => k.endorsementCount)).toEqual([1, 1]);
          expect(p.gamesExperiences).toEqual([
            expect.objectContaining({ verified: true, verifiedRecord: expect.objectContaining({ code: subject.recordCode, hidden: !!subject.hideRecord }) }),
          ]);
          // The CV leaves out what the person hid from it.
          const urls = p.jsonResume.work.map((w: any) => w.url);
          expect(urls.includes(`http://localhost:3000/verify/${subject.recordCode}`)).toBe(!subject.hideRecord);
        }
        const own = (await t.gql.ok(ENDORSEMENTS, { u: member!.id }, member!.token)).alumniEndorsements;
        expect(own.edges.map((e: any) => e.node.hidden).sort()).toEqual([false, true]);
      });

      for (const viewer of ['member', 'admin'] as const) {
        const seesIt = subject.visibility !== AlumniVisibility.PRIVATE;
        it(`${name}: ${viewer === 'member' ? 'another member' : 'an admin'} sees ${seesIt ? 'the shown sections only' : 'nothing'}`, async () => {
          const { member, hidden } = subject;
          const result = await t.gql.request(query(member!.id), {}, tokenOf(viewer));
          if (!seesIt) {
            expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
            expect((await t.gql.request(ENDORSEMENTS, { u: member!.id }, tokenOf(viewer))).errors?.[0].extensions?.code).toBe('NOT_FOUND');
            return;
          }
          expect(result.errors).toBeUndefined();
          const p = result.data!.alumniProfile;
          expect(p).toMatchObject({ isMine: false, visibility: null, hiddenSections: null, displayName: `Subject ${name}` });
          for (const [field, section] of Object.entries(SECTION_OF)) {
            const shown = section === null || !hidden.includes(section);
            expect([field, p[field] === null ? 'hidden' : 'shown']).toEqual([field, shown ? 'shown' : 'hidden']);
          }
          // Endorsements: the hidden one never; none at all when the section is hidden.
          const endorsementsShown = !hidden.includes('ENDORSEMENTS');
          if (p.skills) expect(p.skills.map((k: any) => k.endorsementCount)).toEqual(endorsementsShown ? [1, 0] : [0, 0]);
          // (`hidden` is for the endorsee only: null for anyone else)
          const theirs = (await t.gql.ok(ENDORSEMENTS, { u: member!.id }, tokenOf(viewer))).alumniEndorsements;
          expect(theirs.edges.map((e: any) => e.node.hidden)).toEqual(endorsementsShown ? [null] : []);
          // The Games: a hidden record takes its Games with it; the verified records section hides the proof only.
          const recordShown = !hidden.includes('GAMES') && !hidden.includes('VERIFIED_RECORDS') && !subject.hideRecord;
          if (p.gamesExperiences) {
            if (subject.hideRecord) expect(p.gamesExperiences).toEqual([]);
            else
              expect(p.gamesExperiences).toEqual([
                expect.objectContaining({
                  verified: recordShown,
                  verifiedRecord: recordShown ? expect.objectContaining({ code: subject.recordCode, hidden: false }) : null,
                }),
              ]);
          }
          // The JSON Resume follows the same rule.
          expect(!!p.jsonResume.basics.profiles).toBe(!hidden.includes('LINKS'));
          expect(!!p.jsonResume.skills).toBe(!hidden.includes('SKILLS'));
          expect(!!p.jsonResume.basics.summary).toBe(!hidden.includes('SUMMARY'));
          expect(p.jsonResume.work.some((w: any) => w.url === `http://localhost:3000/verify/${subject.recordCode}`)).toBe(recordShown);
          expect(JSON.stringify(p.jsonResume)).not.toMatch(/@|phone|email/i);
        });
      }

      // Recruiters browse PARTNERS profiles through the talent exchange (not built here); the alumni API refuses them.
      it(`${name}: a recruiter is refused, contact details are nowhere`, async () => {
        expect((await t.gql.request(query(subject.member!.id), {}, recruiterToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect((await t.gql.request(ENDORSEMENTS, { u: subject.member!.id }, recruiterToken)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      });
    }

    it('a withdrawn member is hidden everywhere on the next request, but not from themself', async () => {
      const member = subjects.PARTNERS.member!;
      const DIRECTORY = `{ alumniDirectory(first: 100) { edges { node { userId } } } }`;
      expect((await t.gql.ok(DIRECTORY, {}, other.token)).alumniDirectory.edges.map((e: any) => e.node.userId)).toContain(member.id);
      await t.gql.ok('mutation { withdrawAlumniConsent { member } }', {}, member.token);
      expect((await t.gql.request(query(member.id), {}, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.request(query(member.id), {}, adminToken)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.request(ENDORSEMENTS, { u: member.id }, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.ok(DIRECTORY, {}, other.token)).alumniDirectory.edges.map((e: any) => e.node.userId)).not.toContain(member.id);
      // Their ALUMNUS role went with the consent; their own profile stays theirs to read.
      expect((await t.gql.request(query(member.id), {}, member.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql.ok('{ myAlumniProfile { isMine skills { name } } }', {}, member.token)).myAlumniProfile).toMatchObject({
        isMine: true,
        skills: [{}, {}],
      });
    });

    it('an endorser who withdraws: their endorsements vanish from every profile on the next request', async () => {
      const subject = subjects.ALUMNI.member!;
      const count = async (token: string) => (await t.gql.ok(ENDORSEMENTS, { u: subject.id }, token)).alumniEndorsements.totalCount;
      expect(await count(other.token)).toBe(1);
      await t.gql.ok('mutation { withdrawAlumniConsent { member } }', {}, endorser.token);
      expect(await count(other.token)).toBe(0);
      expect(await count(subject.token)).toBe(0);
      const p = (await t.gql.ok(query(subject.id), {}, other.token)).alumniProfile;
      expect(p.skills.map((k: any) => k.endorsementCount)).toEqual([0, 0]);
    });

    it('outsiders cannot read profiles; an unknown id is NOT_FOUND', async () => {
      const outsider = await login(t, (await createUser(t.dataSource, [{ role: Role.ALUMNUS }])).email);
      expect((await t.gql.request(query(subjects.ALUMNI.member!.id), {}, outsider)).errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'CONSENT_REQUIRED',
      });
      expect((await t.gql.request(query('00000000-0000-4000-8000-000000000000'), {}, other.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.request(query('nope'), {}, other.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('JSON Resume', () => {
    const IMPORT = `mutation($r: JSONObject!) { importJsonResume(resume: $r) { ${PROFILE_FIELDS} jsonResume } }`;

    it('exports a profile that the published schema accepts, without contact details', async () => {
      const { myAlumniProfile } = await t.gql.ok('{ myAlumniProfile { jsonResume } }', {}, owner.token);
      const resume = myAlumniProfile.jsonResume;
      expect(resumeErrors(resume)).toEqual([]);
      expect(resume.basics).toMatchObject({ name: 'Léa Dupont', label: 'Network engineer, Paris 2024', location: { city: 'Saint-Denis', countryCode: 'FR' } });
      expect(resume.basics.email).toBeUndefined();
      expect(resume.basics.phone).toBeUndefined();
      expect(resume.work).toEqual([
        expect.objectContaining({
          name: 'Nordlys Networks',
          position: 'Network engineer',
          startDate: '2022-03',
          endDate: '2024-09',
          url: 'https://nordlys.example',
        }),
        expect.objectContaining({ name: 'Velarion', position: 'Network lead', startDate: '2024-10', location: 'Lyon, France' }),
      ]);
      expect(resume.skills).toEqual([
        { name: 'Wi-Fi design', level: 'Expert' },
        { name: 'Python', level: 'Autonomous' },
      ]);
      expect(resume.languages).toEqual([
        { language: 'French', fluency: 'Native speaker' },
        { language: 'English', fluency: 'C1' },
      ]);
    });

    it('imports into another profile and exports the same resume again (round trip), leaving the Games record alone', async () => {
      const { myAlumniProfile } = await t.gql.ok('{ myAlumniProfile { jsonResume } }', {}, owner.token);
      const exported = myAlumniProfile.jsonResume;
      const imported = await t.gql.ok(
        IMPORT,
        { r: { ...exported, basics: { ...exported.basics, email: 'lea@example.org', phone: '+33 6 00 00 00 00' } } },
        other.token,
      );
      const again = imported.importJsonResume.jsonResume;
      const strip = (r: any) => ({ ...r, meta: undefined });
      expect(strip(again)).toEqual(strip(exported));
      expect(imported.importJsonResume.skills.map((s: any) => s.skillId)).toEqual([skill.id, null]);
      expect(JSON.stringify(imported.importJsonResume)).not.toContain('lea@example.org');
      // The owner's Games record came from the roster; an import over it leaves it as it is.
      const mine = await t.gql.ok(IMPORT, { r: { basics: { name: 'Léa Dupont' }, work: [] } }, owner.token);
      expect(mine.importJsonResume.experiences).toEqual([]);
      expect(mine.importJsonResume.gamesExperiences).toHaveLength(1);
      expect(mine.importJsonResume.skills).toHaveLength(2);
    });

    it('reads common JSON Resume wording: full dates, level words, language names', async () => {
      const result = await t.gql.ok(
        IMPORT,
        {
          r: {
            work: [{ name: 'Chronoval', position: 'Timing', startDate: '2019-02-15', endDate: '2020', highlights: ['Photo finish'] }],
            skills: [{ name: 'Rust', level: 'Master' }, { name: 'Go' }],
            languages: [
              { language: 'German', fluency: 'Fluent' },
              { language: 'es', fluency: 'B2' },
            ],
          },
        },
        other.token,
      );
      const p = result.importJsonResume;
      expect(p.experiences).toEqual([
        expect.objectContaining({ organisation: 'Chronoval', startMonth: '2019-02', endMonth: '2020-01', description: '- Photo finish' }),
      ]);
      expect(p.skills.map((s: any) => [s.name, s.level])).toEqual([
        ['Rust', 4],
        ['Go', 2],
      ]);
      expect(p.languages.map((l: any) => [l.code, l.level])).toEqual([
        ['de', 'C1'],
        ['es', 'B2'],
      ]);
    });

    const badResumes: Array<[string, Record<string, unknown>, string]> = [
      ['work that is not a list', { work: 'everywhere' }, 'resume.work'],
      ['a date the schema refuses', { work: [{ name: 'X', position: 'Y', startDate: 'last year' }] }, 'resume.work.0.startDate'],
      ['a job without a start', { work: [{ name: 'X', position: 'Y' }] }, 'resume.work.0.startDate'],
      // The input guard sees NUL first and names the path in the variables ($r).
      ['a NUL in the summary', { basics: { summary: 'a\u0000b' } }, 'r.basics.summary'],
      ['an unknown language', { languages: [{ language: 'Klingon', fluency: 'C1' }] }, 'resume.languages.0.language'],
      ['a link that is not http', { basics: { profiles: [{ network: 'Site', url: 'file:///etc/passwd' }] } }, 'resume.basics.profiles.0.url'],
      ['an end in the future', { work: [{ name: 'X', position: 'Y', startDate: '2024-01', endDate: '2030-01' }] }, 'resume.work.0.endDate'],
    ];
    for (const [what, resume, field] of badResumes) {
      it(`refuses ${what} with BAD_USER_INPUT on ${field}, changing nothing`, async () => {
        const before = await t.gql.ok(`{ myAlumniProfile { ${PROFILE_FIELDS} } }`, {}, other.token);
        const result = await t.gql.request(IMPORT, { r: resume }, other.token);
        expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect((result.errors?.[0].extensions?.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
        expect(await t.gql.ok(`{ myAlumniProfile { ${PROFILE_FIELDS} } }`, {}, other.token)).toEqual(before);
      });
    }

    it('refuses a resume too large to be a CV', async () => {
      const result = await t.gql.request(IMPORT, { r: { basics: { summary: 'x'.repeat(300 * 1024) } } }, other.token);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'resume', constraint: 'maxSize' })],
      });
    });
  });
});
