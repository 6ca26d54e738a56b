import { AlumniVisibility, LanguageLevel } from '@baton/alumni';
import { Role } from '@baton/auth';
import { createMember, login, MemberFixture, refreshGames } from '../factories/alumni';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createOrganisation } from '../factories/events';
import { CREATE_OPPORTUNITY, opportunityInput, postOpportunity } from '../factories/opportunities';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent, TalentSpec } from '../factories/talent';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const CANDIDATES = `query($o: ID!, $first: Int, $after: String) { opportunityCandidates(opportunityId: $o, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
  edges { cursor node { score profile { userId displayName contact { email } }
    skills { skillId name wantedLevel heldLevel meetsLevel } languages { code wantedLevel heldLevel meetsLevel }
    games { eventCode teams roles verified verificationCode } } } } }`;

/**
 * Candidates for an opportunity: ranked and explained from what each person shows, only among the
 * people the posting organisation's recruiters may see, paginated by a keyset cursor.
 */
describe('opportunity candidates', () => {
  let t: TestApp;
  let orgA: string;
  let recruiterA: { id: string; email: string; token: string };
  let recruiterB: string;
  let alumnus: MemberFixture;
  let admin: string;
  let teamCode: string;
  let routing: string;
  let timing: string;
  let opportunity: { id: string };
  const people = {} as Record<'verified' | 'full' | 'fewer' | 'below' | 'colleague', MemberFixture>;
  const hiddenPeople = {} as Record<'private' | 'alumniOnly' | 'withdrawn' | 'blocker' | 'hiddenSkills' | 'nothing', MemberFixture>;

  const list = async (token: string | undefined, vars: Record<string, unknown> = {}) =>
    (await t.gql.ok(CANDIDATES, { o: opportunity.id, ...vars }, token)).opportunityCandidates;
  const code = async (vars: Record<string, unknown>, token: string | undefined) => (await t.gql.error(CANDIDATES, vars, token)).extensions?.code;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-09-01T10:00:00Z', env: { LOGIN_LIMIT_PER_ACCOUNT: '1000', LOGIN_LIMIT_PER_ADDRESS: '10000' } });
    orgA = (await createOrganisation(t.dataSource)).id;
    recruiterA = await createRecruiter(t, orgA);
    recruiterB = (await createRecruiter(t, (await createOrganisation(t.dataSource)).id)).token;
    alumnus = await createMember(t, {}, { displayName: 'Plain Alumnus' });
    admin = await login(t, (await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    routing = (await createSkill(t.dataSource, { name: 'Routing' })).id;
    timing = (await createSkill(t.dataSource, { name: 'Timing' })).id;

    // The verified candidate worked a closed event whose records the committee issued.
    const place = await createPastEvent(t.dataSource);
    teamCode = place.network.code;
    people.verified = await createTalent(t, {
      name: 'Vera Verified',
      skills: [
        { skillId: routing, level: 3 },
        { skillId: timing, level: 4 },
      ],
      languages: [{ code: 'fr', level: LanguageLevel.NATIVE }],
    });
    await createWorkedStaff(t.dataSource, place, [{ start: '2024-07-27T06:00:00Z', roleTitle: 'Venue network technician' }], { userId: people.verified.id });
    await t.gql.ok(`mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`, { e: place.event.id }, admin);
    await refreshGames(t, [people.verified.id]);

    const games = (roleTitles: string[] = []) => [
      { eventId: place.event.id, eventCode: 'OLD23', organisationId: place.organisation.id, teamCode, venueCodes: [], minutes: 600, roleTitles },
    ];
    const full: TalentSpec['skills'] = [
      { skillId: routing, level: 3 },
      { skillId: timing, level: 3 },
    ];
    people.full = await createTalent(t, { name: 'Fay Full', skills: full, languages: [{ code: 'fr', level: LanguageLevel.C1 }], games: games() });
    people.fewer = await createTalent(t, {
      name: 'Finn Fewer',
      skills: [{ skillId: routing, level: 2 }],
      languages: [{ code: 'fr', level: LanguageLevel.B1 }],
    });
    people.below = await createTalent(t, { name: 'Bea Below', skills: [{ skillId: timing, level: 1 }] });
    // A recruiter of the organisation who is also a member with a fitting profile: never their own candidate.
    people.colleague = await createMember(
      t,
      { visibility: AlumniVisibility.PARTNERS },
      { displayName: 'Colin Colleague', grants: [{ role: Role.RECRUITER, organisationId: orgA }] },
    );
    await t.dataSource.query(`INSERT INTO alumni_profile_skills (user_id, skill_id, level, position) VALUES ($1, $2, 4, 0), ($1, $3, 4, 1)`, [
      people.colleague.id,
      routing,
      timing,
    ]);

    const fits = { skills: full, languages: [{ code: 'fr', level: LanguageLevel.NATIVE }], games: games() };
    hiddenPeople.private = await createTalent(t, { name: 'Pia Private', visibility: AlumniVisibility.PRIVATE, ...fits });
    hiddenPeople.alumniOnly = await createTalent(t, { name: 'Al Alumni', visibility: AlumniVisibility.ALUMNI, ...fits });
    hiddenPeople.withdrawn = await createTalent(t, { name: 'Will Withdrawn', ...fits });
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [hiddenPeople.withdrawn.id]);
    hiddenPeople.blocker = await createTalent(t, { name: 'Bo Blocker', ...fits });
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [hiddenPeople.blocker.id, orgA]);
    hiddenPeople.hiddenSkills = await createTalent(t, { name: 'Hal Hidden', skills: full, hidden: ['SKILLS'] });
    hiddenPeople.nothing = await createTalent(t, { name: 'Nat Nothing', skills: [{ name: 'Knitting', level: 4 }] });

    opportunity = await postOpportunity(t, recruiterA.token, orgA, {
      title: 'Network engineer',
      teamCodes: [teamCode],
      skills: [
        { skillId: routing, level: 2 },
        { skillId: timing, level: 3 },
      ],
      languages: [{ code: 'fr', level: 'C1' }],
    });
    // Vera accepted a contact request from the organisation: her details show, nobody else's.
    await t.dataSource.query(
      `INSERT INTO talent_contact_requests (organisation_id, alumnus_id, message, status, expires_at, answered_at) VALUES ($1, $2, 'Hi', 'ACCEPTED', now() + interval '30 days', now())`,
      [orgA, people.verified.id],
    );
  }, 180_000);
  afterAll(() => t?.close());

  it('ranks the candidate with every skill at level above those with fewer, and explains each match', async () => {
    const page = await list(recruiterA.token);
    const ids = page.edges.map((e: any) => e.node.profile.userId);
    expect(ids).toEqual([people.verified.id, people.full.id, people.colleague.id, people.fewer.id, people.below.id]);
    expect(page.totalCount).toBe(5);
    const [vera, fay, colin, finn, bea] = page.edges.map((e: any) => e.node);
    expect(colin).toMatchObject({ score: 4, languages: [], games: [] });
    expect(vera).toEqual({
      score: 2 + 2 + 1 + 2 + 1,
      profile: { userId: people.verified.id, displayName: 'Vera Verified', contact: { email: people.verified.email } },
      skills: [
        { skillId: routing, name: 'Routing', wantedLevel: 2, heldLevel: 3, meetsLevel: true },
        { skillId: timing, name: 'Timing', wantedLevel: 3, heldLevel: 4, meetsLevel: true },
      ],
      languages: [{ code: 'fr', wantedLevel: 'C1', heldLevel: 'NATIVE', meetsLevel: true }],
      games: [
        {
          eventCode: expect.any(String),
          teams: [teamCode],
          roles: ['Venue network technician'],
          verified: true,
          verificationCode: expect.stringMatching(/^.{22}$/),
        },
      ],
    });
    expect(fay).toMatchObject({
      score: 7,
      profile: { contact: null },
      games: [{ eventCode: 'OLD23', teams: [teamCode], roles: [], verified: false, verificationCode: null }],
    });
    expect(finn).toMatchObject({
      score: 2,
      skills: [{ name: 'Routing', wantedLevel: 2, heldLevel: 2, meetsLevel: true }],
      languages: [{ code: 'fr', wantedLevel: 'C1', heldLevel: 'B1', meetsLevel: false }],
      games: [],
    });
    expect(bea).toMatchObject({ score: 1, skills: [{ name: 'Timing', wantedLevel: 3, heldLevel: 1, meetsLevel: false }], languages: [], games: [] });
  });

  it('never shows private, alumni-only, withdrawn or blocking people, nor what a person hides, nor the viewer themself', async () => {
    for (const token of [recruiterA.token, admin, people.colleague.token]) {
      const ids = (await list(token)).edges.map((e: any) => e.node.profile.userId);
      for (const hidden of Object.values(hiddenPeople)) expect(ids).not.toContain(hidden.id);
      expect(ids.includes(people.colleague.id)).toBe(token !== people.colleague.token);
    }
    // An admin sees what the organisation would, without its contact details.
    const support = await list(admin);
    expect(support.edges.map((e: any) => e.node.profile.userId)).toEqual((await list(recruiterA.token)).edges.map((e: any) => e.node.profile.userId));
    expect(support.edges.every((e: any) => e.node.profile.contact === null)).toBe(true);
  });

  it('only the organisation’s recruiters and admins may ask, for an open opportunity', async () => {
    expect(await code({ o: opportunity.id }, undefined)).toBe('UNAUTHENTICATED');
    expect(await code({ o: opportunity.id }, alumnus.token)).toBe('FORBIDDEN');
    expect(await code({ o: opportunity.id }, recruiterB)).toBe('FORBIDDEN');
    const draft = (await t.gql.ok(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgA, { skills: [{ skillId: routing, level: 1 }] }) }, recruiterA.token))
      .createOpportunity;
    const draftError = await t.gql.error(CANDIDATES, { o: draft.id }, recruiterA.token);
    expect(draftError.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'OPPORTUNITY_NOT_OPEN', status: 'DRAFT' }] });
    // Another organisation's draft is not confirmed to exist.
    expect(await code({ o: draft.id }, recruiterB)).toBe('NOT_FOUND');
    const closed = await postOpportunity(t, recruiterA.token, orgA, { skills: [{ skillId: routing, level: 1 }] });
    await t.gql.ok(`mutation($id: ID!) { closeOpportunity(id: $id) { id } }`, { id: closed.id }, recruiterA.token);
    expect((await t.gql.error(CANDIDATES, { o: closed.id }, recruiterA.token)).extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: [{ rule: 'OPPORTUNITY_NOT_OPEN', status: 'CLOSED' }],
    });
  });

  it('refuses bad input with typed errors', async () => {
    expect(await code({ o: '00000000-0000-4000-8000-000000000000' }, recruiterA.token)).toBe('NOT_FOUND');
    expect(await code({ o: 'not-an-id' }, recruiterA.token)).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql.error(CANDIDATES, { o: opportunity.id, after: 'bm90IGEgY3Vyc29y' }, recruiterA.token);
    expect(badCursor.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    const tooMany = await t.gql.error(CANDIDATES, { o: opportunity.id, first: 51 }, recruiterA.token);
    expect(tooMany.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first' })] });
    expect(await code({ o: opportunity.id, first: 0 }, recruiterA.token)).toBe('BAD_USER_INPUT');
  });

  describe('a longer list', () => {
    let bulk: { id: string };
    beforeAll(async () => {
      const skills = await Promise.all([1, 2, 3].map((i) => createSkill(t.dataSource, { name: `Bulk ${i}` })));
      // 30 people over few distinct scores: ties everywhere, so the id must break them.
      for (let i = 0; i < 30; i++) {
        await createTalent(t, {
          name: `Bulk ${i}`,
          skills: skills.slice(0, 1 + (i % 3)).map((s) => ({ skillId: s.id, level: 1 + (i % 4) })),
        });
      }
      bulk = await postOpportunity(t, recruiterA.token, orgA, { title: 'Bulk', skills: skills.map((s) => ({ skillId: s.id, level: 2 })) });
    }, 120_000);

    it('pages without duplicates or gaps, in the order of one big page', async () => {
      const all = await list(recruiterA.token, { o: bulk.id, first: 50 });
      expect(all.totalCount).toBe(30);
      expect(all.edges).toHaveLength(30);
      const scores = all.edges.map((e: any) => e.node.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const paged: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page: any = await list(recruiterA.token, { o: bulk.id, first: 7, after });
        paged.push(...page.edges.map((e: any) => e.node.profile.userId));
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        pages++;
      } while (after);
      expect(pages).toBe(5);
      expect(paged).toEqual(all.edges.map((e: any) => e.node.profile.userId));
      expect(new Set(paged).size).toBe(30);
    });

    it('sends as many SQL statements for 20 candidates as for 5 (no N+1)', async () => {
      const query = `query($o: ID!, $first: Int) { opportunityCandidates(opportunityId: $o, first: $first) { edges { node { score
        profile { userId displayName skills { name level } languages { code } gamesExperiences { eventCode verified } contact { email } }
        skills { name } languages { code } games { eventCode } } } } }`;
      const counter = countSql(t.dataSource);
      try {
        const counts: number[] = [];
        for (const first of [5, 20]) {
          // The session's actor is cached for a few seconds: load it just before each count so both are alike.
          await t.gql.ok('{ me { id } }', {}, recruiterA.token);
          counter.reset();
          const data = await t.gql.ok(query, { o: bulk.id, first }, recruiterA.token);
          expect(data.opportunityCandidates.edges).toHaveLength(first);
          counts.push(counter.count);
        }
        expect(counts[1]).toBe(counts[0]);
      } finally {
        counter.stop();
      }
    });
  });
});
