import { AlumniVisibility, LanguageLevel } from '@baton/alumni';
import { Role } from '@baton/auth';
import { DatabaseEndpoint } from '@baton/database';
import { consentText, login, MemberFixture, PROFILE_FIELDS } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent } from '../factories/talent';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';
import { TALENT_SEARCH } from '../bench/talent-queries';
import { TalentSearchService } from '../../libs/talent/src/search/talent-search.service';
import { TalentEngineService } from '../../libs/talent/src/search/engine/talent-engine.service';

type Data = Record<string, any>;

// Every plain field of the search, with aliases, a fragment and __typename: what the text path writes itself.
const WRITTEN = `query W($f: TalentSearchFilter, $first: Int, $after: String) {
  talentSearch(filter: $f, first: $first, after: $after) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      __typename cursor score
      node { ...P location { city country countryName } desiredRoles createdAt updatedAt again: displayName }
    }
    facets { __typename skills { value count } langs: languages { count value } teams { value count } venues { value count } events { value count } countries { value count } openToWork { __typename value count } }
    total: totalCount
  }
}
fragment P on AlumniProfile { __typename userId displayName headline openToWork isMine visibility hiddenSections summary }`;

// Fields with resolvers of their own (sections through loaders, contact details after an accepted request): graphql-js answers.
const CONTACT = `query C($f: TalentSearchFilter) { talentSearch(filter: $f) { totalCount edges { node { userId displayName contact { email } } } } }`;
const FULL = `query F($f: TalentSearchFilter) { talentSearch(filter: $f, first: 10) { totalCount edges { score node { ${PROFILE_FIELDS} } } } }`;

/**
 * The talent search written as JSON text (objectText) gives the answers graphql-js gives from the
 * loaders' objects, key by key and in the same order, for each kind of viewer that may search:
 * a recruiter, a recruiter blocked by some, a recruiter with an accepted contact request, an admin.
 */
describe('talent search written as text gives the object path’s answers', () => {
  let t: TestApp;
  let service: TalentSearchService;
  const tokens: Record<string, string> = {};
  const people: Record<string, MemberFixture> = {};
  let textAnswers = 0;
  let withResults = 0;

  /** The loader path, the new objects through graphql-js, then the text: all equal, the text down to the order of keys. */
  const both = async (query: string, variables: Record<string, unknown>, token: string): Promise<Data> => {
    service.enabled = false;
    const loaders = await t.gql.ok(query, variables, token).finally(() => (service.enabled = true));
    service.writeText = false;
    const objects = await t.gql.ok(query, variables, token).finally(() => (service.writeText = true));
    expect(JSON.stringify(objects)).toBe(JSON.stringify(loaders));
    const spy = jest.spyOn(service, 'search');
    try {
      const text = await t.gql.ok(query, variables, token);
      expect(JSON.stringify(text)).toBe(JSON.stringify(loaders));
      // The stand-in graphql-js completed instead of the answer: written as text.
      const returned = await spy.mock.results[0].value;
      if (text.talentSearch.totalCount > 0) withResults++;
      if (returned.edges.length === 0 && returned.totalCount === 0 && text.talentSearch.totalCount > 0) textAnswers++;
      return text;
    } finally {
      spy.mockRestore();
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    service = t.app.get(TalentSearchService);
    const mine = await createOrganisation(t.dataSource);
    const blocked = await createOrganisation(t.dataSource);
    const contacted = await createOrganisation(t.dataSource);
    tokens.recruiter = (await createRecruiter(t, mine.id)).token;
    tokens.blockedRecruiter = (await createRecruiter(t, blocked.id)).token;
    tokens.contactedRecruiter = (await createRecruiter(t, contacted.id)).token;
    tokens.admin = await login(t, (await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    const wifi = await createSkill(t.dataSource, { code: 'NET-WIFI', name: 'Wi-Fi networks' });
    const specs = [
      { key: 'amelie', name: 'Amélie Dubreuil', country: 'FR', city: 'Lyon', openToWork: true, hidden: [] as string[] },
      { key: 'bastien', name: 'Bastien Roux', country: 'FR', city: 'Paris', openToWork: false, hidden: ['LOCATION', 'SUMMARY'] },
      { key: 'chloe', name: 'Chloé Martin', country: 'CH', city: 'Genève', openToWork: true, hidden: ['DESIRED_ROLES'] },
      { key: 'dora', name: 'Dora Alumni', country: 'BE', city: null, openToWork: true, hidden: [], visibility: AlumniVisibility.ALUMNI },
      { key: 'emil', name: 'Emil Private', country: 'FR', city: null, openToWork: true, hidden: [], visibility: AlumniVisibility.PRIVATE },
      { key: 'farah', name: 'Farah Blocker', country: null, city: null, openToWork: false, hidden: [] },
      { key: 'gael', name: 'Gaël Withdrawn', country: 'FR', city: 'Lille', openToWork: true, hidden: [] },
    ];
    for (const [i, s] of specs.entries()) {
      people[s.key] = await createTalent(t, {
        name: s.name,
        visibility: s.visibility ?? AlumniVisibility.PARTNERS,
        headline: i % 2 ? 'Ingénieur réseau "Wi-Fi" \\ radio' : 'Network engineer',
        summary: `Summary of ${s.name}, with “quotes” and a\nnew line`,
        desiredRoles: i % 3 ? ['Network lead', 'Technicien'] : [],
        country: s.country ?? undefined,
        city: s.city ?? undefined,
        openToWork: s.openToWork,
        hidden: s.hidden,
        skills: [
          { skillId: wifi.id, level: 1 + (i % 4) },
          { name: `Radio ${i % 2}`, level: 2 },
        ],
        languages: [{ code: i % 2 ? 'fr' : 'en', level: LanguageLevel.C1 }],
      });
    }
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [people.farah.id, blocked.id]);
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [people.gael.id]);
    for (const p of [people.amelie, people.bastien]) {
      await t.dataSource.query(
        `INSERT INTO talent_contact_requests (organisation_id, alumnus_id, message, status, expires_at, answered_at) VALUES ($1, $2, 'Hi', 'ACCEPTED', now() + interval '30 days', now())`,
        [contacted.id, p.id],
      );
    }
  }, 300_000); // four sign-ins and seven profiles on the embedded database of a shared machine
  afterAll(() => t?.close());

  const filters: Array<Record<string, unknown> | null> = [
    null,
    { text: 'network engineer' },
    { text: 'ingenieur reseau', openToWork: true },
    { skills: [{ skill: 'NET-WIFI', minLevel: 2 }], country: 'FR' },
    { text: 'Amelie Dubreil' },
    { languages: [{ code: 'fr', minLevel: 'B2' }] },
    { text: 'nobody matches this' },
  ];
  const viewers = ['recruiter', 'blockedRecruiter', 'contactedRecruiter', 'admin'];

  it('the search screen and every plain field, page after page, for each kind of viewer', async () => {
    textAnswers = 0;
    withResults = 0;
    let compared = 0;
    for (const viewer of viewers) {
      for (const f of filters) {
        await both(TALENT_SEARCH, { f }, tokens[viewer]);
        let after: string | null = null;
        do {
          const page: Data = await both(WRITTEN, { f, first: 2, after }, tokens[viewer]);
          compared++;
          after = page.talentSearch.pageInfo.hasNextPage ? page.talentSearch.pageInfo.endCursor : null;
        } while (after);
      }
    }
    expect(compared).toBeGreaterThan(25);
    // Every answer with results came as text (an empty one proves nothing either way).
    expect(withResults).toBeGreaterThan(25);
    expect(textAnswers).toBe(withResults);
    const all = (await both(WRITTEN, { f: null, first: 50 }, tokens.recruiter)).talentSearch;
    // PARTNERS with consent only; Farah blocked another organisation, not this one.
    expect(all.edges.map((e: Data) => e.node.displayName).sort()).toEqual(['Amélie Dubreuil', 'Bastien Roux', 'Chloé Martin', 'Farah Blocker']);
    const bastien = all.edges.find((e: Data) => e.node.displayName === 'Bastien Roux').node;
    expect(bastien).toMatchObject({ location: null, summary: null, isMine: false, visibility: null, hiddenSections: null });
    expect(all.edges.find((e: Data) => e.node.displayName === 'Amélie Dubreuil').node.location).toEqual({ city: 'Lyon', country: 'FR', countryName: 'France' });
    expect(all.edges[0].node.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const blocked = (await both(WRITTEN, { f: null, first: 50 }, tokens.blockedRecruiter)).talentSearch;
    expect(blocked.edges.map((e: Data) => e.node.displayName)).not.toContain('Farah Blocker');
    expect(blocked.totalCount).toBe(3);
    const admin = (await both(WRITTEN, { f: null, first: 50 }, tokens.admin)).talentSearch;
    expect(admin.edges.map((e: Data) => e.node.displayName)).toContain('Dora Alumni');
    expect(admin.facets.countries.length).toBeGreaterThan(1);
  });

  it('contact details and sections come from their resolvers, with their rules', async () => {
    textAnswers = 0;
    for (const viewer of viewers) {
      const contact = (await both(CONTACT, { f: null }, tokens[viewer])).talentSearch;
      const shown = contact.edges.filter((e: Data) => e.node.contact !== null).map((e: Data) => e.node.displayName);
      // Only after an accepted contact request, and only for that organisation's recruiters.
      expect(shown.sort()).toEqual(viewer === 'contactedRecruiter' ? ['Amélie Dubreuil', 'Bastien Roux'] : []);
      const full = (await both(FULL, { f: null }, tokens[viewer])).talentSearch;
      expect(full.edges[0].node.skills.length).toBeGreaterThan(0);
    }
    expect(textAnswers).toBe(0);
  });

  const kind = (s: string) =>
    s.includes('FROM alumni_consents WHERE')
      ? 'viewer'
      : s.includes('talent_search_changes')
        ? 'changes'
        : s.includes('FROM alumni_profiles p')
          ? 'profiles'
          : s;
  const counted = async (run: () => Promise<unknown>) => {
    await t.app.get(TalentEngineService).settled();
    const counter = countSql(t.dataSource);
    try {
      await run();
    } finally {
      counter.stop();
    }
    return counter;
  };

  it('a repeated search reads only the engine’s changes: the viewer and the page’s profiles are remembered until they change', async () => {
    const recruiter = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
    const run = () => t.gql.ok(TALENT_SEARCH, { f: { text: 'network engineer', openToWork: true } }, recruiter.token);
    // A searcher not seen yet: their membership is read once.
    expect((await counted(run)).statements.map(kind)).toContain('viewer');
    const repeated = await counted(async () => {
      for (let i = 0; i < 3; i++) await run();
    });
    expect(repeated.statements.map(kind)).toEqual(['changes', 'changes', 'changes']);
    // The filter is folded by PostgreSQL once, then remembered.
    expect(repeated.statements.some((s) => s.includes('talent_fold'))).toBe(false);
    // A change of one person on the page reads that person again (the engine's document, then the profile row), and only them.
    const shown = (await run()).talentSearch.edges.map((e: Data) => e.node.userId);
    expect(shown.length).toBeGreaterThan(1);
    await t.dataSource.query(`UPDATE alumni_profiles SET updated_at = updated_at WHERE user_id = $1`, [shown[0]]);
    const after = await counted(run);
    expect(after.statements.map(kind)).toEqual(['changes', expect.stringContaining('FROM talent_documents d'), 'profiles']);
    const server = t.app.get(DatabaseEndpoint).kind === 'server';
    // The profiles' statement is prepared on a server (PreparedReads), plain on the embedded database.
    expect(after.names[2]).toEqual(server ? expect.stringMatching(/^baton_[0-9a-f]{20}$/) : undefined);
    expect(after.statements.filter((s) => s.includes('FROM talent_documents d'))).toEqual([expect.stringContaining('d.user_id = ANY($1::uuid[])')]);
  });

  it('a remembered profile follows its changes on the very next search, while the page stays the same', async () => {
    const query = `query($f: TalentSearchFilter) { talentSearch(filter: $f) { totalCount edges { node { userId displayName headline summary location { city } } } } }`;
    const f = { skills: [{ skill: 'NET-WIFI' }] };
    const nodeOf = async (token: string, userId: string) =>
      (await t.gql.ok(query, { f }, token)).talentSearch.edges.map((e: Data) => e.node).find((n: Data) => n.userId === userId) ?? null;
    const amelie = people.amelie.id;
    expect(await nodeOf(tokens.recruiter, amelie)).toMatchObject({ displayName: 'Amélie Dubreuil', location: { city: 'Lyon' } });
    await t.dataSource.query(`UPDATE alumni_profiles SET display_name = 'Amélie Renamed', city = 'Grenoble', summary = 'New summary' WHERE user_id = $1`, [
      amelie,
    ]);
    expect(await nodeOf(tokens.recruiter, amelie)).toMatchObject({ displayName: 'Amélie Renamed', summary: 'New summary', location: { city: 'Grenoble' } });
    // A section hidden: the same person on the same page, without it.
    await t.dataSource.query(`UPDATE alumni_profiles SET hidden_sections = '{LOCATION,SUMMARY}' WHERE user_id = $1`, [amelie]);
    expect(await nodeOf(tokens.recruiter, amelie)).toMatchObject({ displayName: 'Amélie Renamed', summary: null, location: null });
    // Blocked by her: gone for that organisation at once, still there for another.
    expect(await nodeOf(tokens.blockedRecruiter, amelie)).not.toBeNull();
    const blockedOrganisation = (
      await t.dataSource.query<Array<{ organisation_id: string }>>(`SELECT organisation_id FROM alumni_organisation_blocks WHERE user_id = $1`, [
        people.farah.id,
      ])
    )[0].organisation_id;
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [amelie, blockedOrganisation]);
    expect(await nodeOf(tokens.blockedRecruiter, amelie)).toBeNull();
    expect(await nodeOf(tokens.recruiter, amelie)).not.toBeNull();
    await t.dataSource.query(`DELETE FROM alumni_organisation_blocks WHERE user_id = $1 AND organisation_id = $2`, [amelie, blockedOrganisation]);
    // Consent withdrawn, then given again.
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [amelie]);
    expect(await nodeOf(tokens.recruiter, amelie)).toBeNull();
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = NULL WHERE user_id = $1`, [amelie]);
    await t.dataSource.query(
      `UPDATE alumni_profiles SET display_name = 'Amélie Dubreuil', city = 'Lyon', hidden_sections = '{}', summary = $2 WHERE user_id = $1`,
      [amelie, 'Summary of Amélie Dubreuil, with “quotes” and a\nnew line'],
    );
    expect(await nodeOf(tokens.recruiter, amelie)).toMatchObject({ displayName: 'Amélie Dubreuil', location: { city: 'Lyon' } });
  });

  it('a remembered searcher follows their own consent: a recruiter who joins the network is refused on the next search', async () => {
    const recruiter = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
    const search = () => t.gql.request(TALENT_SEARCH, { f: { text: 'network engineer' } }, recruiter.token);
    expect((await search()).errors).toBeUndefined();
    expect((await search()).errors).toBeUndefined();
    const text = await consentText(t.dataSource);
    await t.dataSource.query(`INSERT INTO alumni_consents (user_id, consent_text_id, purpose, given_at) VALUES ($1, $2, 'ALUMNI_NETWORK', now())`, [
      recruiter.id,
      text.id,
    ]);
    expect((await search()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [recruiter.id]);
    expect((await search()).errors).toBeUndefined();
  });

  it('a remembered answer follows the index: a profile changed after a search is seen by the next one', async () => {
    const query = `query($f: TalentSearchFilter) { talentSearch(filter: $f) { totalCount edges { node { displayName headline } } } }`;
    const before = (await t.gql.ok(query, { f: { text: 'network engineer' } }, tokens.recruiter)).talentSearch;
    expect(before.edges.map((e: Data) => e.node.displayName)).toContain('Chloé Martin');
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'ALUMNI' WHERE user_id = $1`, [people.chloe.id]);
    const after = (await t.gql.ok(query, { f: { text: 'network engineer' } }, tokens.recruiter)).talentSearch;
    expect(after.edges.map((e: Data) => e.node.displayName)).not.toContain('Chloé Martin');
    expect(after.totalCount).toBe(before.totalCount - 1);
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'PARTNERS' WHERE user_id = $1`, [people.chloe.id]);
    const again = (await t.gql.ok(query, { f: { text: 'network engineer' } }, tokens.recruiter)).talentSearch;
    expect(again.totalCount).toBe(before.totalCount);
  });
});
