import { AlumniVisibility, LanguageLevel } from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { login, MemberFixture, PROFILE_FIELDS } from '../factories/alumni';
import { createEvent, createOrganisation } from '../factories/events';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent } from '../factories/talent';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { TalentEngineService } from '../../libs/talent/src/search/engine/talent-engine.service';
import { startTestApp, TestApp } from '../utils/test-app';

const SEARCH = `query($f: TalentSearchFilter, $first: Int, $after: String) {
  talentSearch(filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor score node { userId displayName } }
    facets { skills { value count } languages { value count } teams { value count } venues { value count } events { value count } countries { value count } openToWork { value count } }
  } }`;

/**
 * Talent search over GraphQL against the real database: full text in English and French with
 * accents ignored, typos through trigrams, weights, every filter, facets given the other filters,
 * keyset pages, and the visibility rule (PARTNERS, consent, blocks, hidden sections) in SQL.
 */
describe('talent search', () => {
  let t: TestApp;
  let recruiter: { id: string; token: string };
  let otherRecruiter: { id: string; token: string };
  let organisationId: string;
  const people: Record<string, MemberFixture> = {};

  const search = async (filter: Record<string, unknown>, token = recruiter.token, first = 50) =>
    (await t.gql.ok(SEARCH, { f: filter, first }, token)).talentSearch;
  const names = (result: { edges: Array<{ node: { displayName: string } }> }) => result.edges.map((e) => e.node.displayName).sort();

  beforeAll(async () => {
    t = await startTestApp();
    const organisation = await createOrganisation(t.dataSource);
    organisationId = organisation.id;
    const other = await createOrganisation(t.dataSource);
    recruiter = await createRecruiter(t, organisation.id);
    otherRecruiter = await createRecruiter(t, other.id);
    const event = await createEvent(t.dataSource, { code: 'PAR24', phase: EventPhase.CLOSED });
    const kube = await createSkill(t.dataSource, { code: 'K8S', name: 'Kubernetes' });
    const timing = await createSkill(t.dataSource, { code: 'TIMING', name: 'Timing systems' });
    const games = (teamCode: string, venueCodes: string[], hours: number) => [
      { eventId: event.id, eventCode: 'PAR24', organisationId: organisation.id, teamCode, venueCodes, minutes: hours * 60, roleTitles: ['Technician'] },
    ];
    people.amelie = await createTalent(t, {
      name: 'Amélie Dubreuil',
      headline: 'Ingénieure réseau',
      summary: 'Réseaux des sites olympiques',
      country: 'FR',
      city: 'Saint-Denis',
      openToWork: true,
      skills: [{ skillId: kube.id, level: 3 }],
      languages: [
        { code: 'fr', level: LanguageLevel.NATIVE },
        { code: 'en', level: LanguageLevel.B2 },
      ],
      games: games('NET', ['STF', 'AQC'], 120),
    });
    people.bastien = await createTalent(t, {
      name: 'Bastien Roux',
      headline: 'Network engineer',
      country: 'FR',
      city: 'Paris',
      skills: [
        { skillId: kube.id, level: 1 },
        { skillId: timing.id, level: 4 },
      ],
      languages: [{ code: 'en', level: LanguageLevel.C1 }],
      games: games('TIM', ['STF'], 40),
    });
    people.chloe = await createTalent(t, {
      name: 'Chloé Martin',
      headline: 'Project manager',
      summary: 'Led the network operations centre rollout',
      country: 'GB',
      city: 'London',
      openToWork: true,
      skills: [{ name: 'Cisco routing', level: 2 }],
      languages: [{ code: 'en', level: LanguageLevel.NATIVE }],
      games: games('NET', ['AQC'], 300),
    });
    // Not to be found by recruiters, each for one reason.
    people.alumniOnly = await createTalent(t, { name: 'Damien Alumni', headline: 'Network engineer', visibility: AlumniVisibility.ALUMNI });
    people.private = await createTalent(t, { name: 'Élodie Private', headline: 'Network engineer', visibility: AlumniVisibility.PRIVATE });
    people.withdrawn = await createTalent(t, { name: 'Fabien Withdrawn', headline: 'Network engineer' });
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [people.withdrawn.id]);
    people.blocker = await createTalent(t, { name: 'Gaëlle Blocker', headline: 'Network engineer' });
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [people.blocker.id, organisation.id]);
    people.hidden = await createTalent(t, {
      name: 'Hugo Hidden',
      headline: 'Engineer',
      hidden: ['SKILLS', 'GAMES', 'LOCATION'],
      country: 'FR',
      skills: [{ skillId: kube.id, level: 4 }],
      games: games('NET', ['STF'], 500),
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('finds French text with or without accents, and English stems', async () => {
    expect(names(await search({ text: 'ingenieur reseau' }))).toEqual(['Amélie Dubreuil']);
    expect(names(await search({ text: 'Ingénieure' }))).toEqual(['Amélie Dubreuil']);
    // "engineers" stems to "engin": both the network engineer and the plain engineer (skills hidden, headline shown).
    expect(names(await search({ text: 'network engineers' }))).toEqual(['Bastien Roux']);
    expect(names(await search({ text: 'engineers' }))).toEqual(['Bastien Roux', 'Hugo Hidden']);
  });

  it('forgives typos in names and skills through trigrams', async () => {
    expect(names(await search({ text: 'Dubreil' }))).toEqual(['Amélie Dubreuil']);
    expect(names(await search({ text: 'Kubernets' }))).toEqual(['Amélie Dubreuil', 'Bastien Roux']);
  });

  it('ranks a headline match above a summary match (weights A over C)', async () => {
    const result = await search({ text: 'network' });
    expect(result.edges.map((e: any) => e.node.displayName)).toEqual(['Bastien Roux', 'Chloé Martin']);
    expect(result.edges[0].score).toBeGreaterThan(result.edges[1].score);
  });

  it('never shows ALUMNI, PRIVATE, withdrawn or blocking people; another organisation sees the blocker', async () => {
    const mine = names(await search({ text: 'network engineer' }));
    expect(mine).toEqual(['Bastien Roux']);
    expect(names(await search({ text: 'network engineer' }, otherRecruiter.token))).toEqual(['Bastien Roux', 'Gaëlle Blocker']);
    const all = names(await search({}));
    for (const hidden of ['Damien Alumni', 'Élodie Private', 'Fabien Withdrawn', 'Gaëlle Blocker']) expect(all).not.toContain(hidden);
    expect(all).toEqual(['Amélie Dubreuil', 'Bastien Roux', 'Chloé Martin', 'Hugo Hidden']);
  });

  it('filters by skill level, language level, team, venue, event, hours, location and open to work', async () => {
    expect(names(await search({ skills: [{ skill: 'k8s', minLevel: 2 }] }))).toEqual(['Amélie Dubreuil']);
    expect(names(await search({ skills: [{ skill: 'kubernetes' }] }))).toEqual(['Amélie Dubreuil', 'Bastien Roux']);
    expect(names(await search({ skills: [{ skill: 'K8S' }, { skill: 'Timing systems', minLevel: 4 }] }))).toEqual(['Bastien Roux']);
    expect(names(await search({ skills: [{ skill: 'cisco routing', minLevel: 2 }] }))).toEqual(['Chloé Martin']);
    expect(names(await search({ languages: [{ code: 'en', minLevel: 'C1' }] }))).toEqual(['Bastien Roux', 'Chloé Martin']);
    expect(names(await search({ languages: [{ code: 'fr', minLevel: 'C2' }, { code: 'en' }] }))).toEqual(['Amélie Dubreuil']);
    expect(names(await search({ teams: ['net'] }))).toEqual(['Amélie Dubreuil', 'Chloé Martin']);
    expect(names(await search({ venues: ['STF'] }))).toEqual(['Amélie Dubreuil', 'Bastien Roux']);
    expect(names(await search({ events: ['PAR24'], minVerifiedHours: 100 }))).toEqual(['Amélie Dubreuil', 'Chloé Martin']);
    expect(names(await search({ country: 'FR', city: 'saint denis' }))).toEqual([]);
    expect(names(await search({ country: 'FR', city: 'SAINT-DÉNIS' }))).toEqual(['Amélie Dubreuil']);
    expect(names(await search({ country: 'FR' }))).toEqual(['Amélie Dubreuil', 'Bastien Roux']);
    expect(names(await search({ openToWork: true }))).toEqual(['Amélie Dubreuil', 'Chloé Martin']);
  });

  it('a hidden section is neither searched nor filtered on', async () => {
    const hidden = names(await search({ skills: [{ skill: 'K8S', minLevel: 4 }] }));
    expect(hidden).toEqual([]);
    expect(names(await search({ minVerifiedHours: 400 }))).toEqual([]);
  });

  it('counts each facet value given the other filters, not its own', async () => {
    const result = await search({ teams: ['NET'], country: 'FR' });
    expect(names(result)).toEqual(['Amélie Dubreuil']);
    const facet = (list: Array<{ value: string; count: number }>) => Object.fromEntries(list.map((v) => [v.value, v.count]));
    // Teams ignore the team filter: French people, by team.
    expect(facet(result.facets.teams)).toEqual({ net: 1, tim: 1 });
    // Countries ignore the country filter: NET people, by country.
    expect(facet(result.facets.countries)).toEqual({ FR: 1, GB: 1 });
    expect(facet(result.facets.skills)).toEqual({ k8s: 1 });
    expect(facet(result.facets.openToWork)).toEqual({ true: 1 });
    expect(facet(result.facets.venues)).toEqual({ aqc: 1, stf: 1 });
  });

  it('pages with opaque cursors, in a stable order, with typed errors for bad cursors and pages too big', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: any = (await t.gql.ok(SEARCH, { f: {}, first: 1, after }, recruiter.token)).talentSearch;
      seen.push(...page.edges.map((e: any) => e.node.displayName));
      expect(page.totalCount).toBe(4);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Without text, most verified hours first.
    expect(seen).toEqual(['Chloé Martin', 'Amélie Dubreuil', 'Bastien Roux', 'Hugo Hidden']);
    const bad = await t.gql.request(SEARCH, { f: {}, after: 'not-a-cursor' }, recruiter.token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'after' }] });
    const big = await t.gql.request(SEARCH, { f: {}, first: 51 }, recruiter.token);
    expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
    const badLanguage = await t.gql.request(SEARCH, { f: { languages: [{ code: 'FRA' }] } }, recruiter.token);
    expect(badLanguage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('follows profile changes in the same transaction (triggers keep the document)', async () => {
    await t.dataSource.query(`UPDATE alumni_profiles SET headline = 'Chronométreur officiel' WHERE user_id = $1`, [people.chloe.id]);
    expect(names(await search({ text: 'chronometreur' }))).toEqual(['Chloé Martin']);
    await t.dataSource.query(`UPDATE skills SET name = 'Container orchestration' WHERE code = 'K8S'`);
    expect(names(await search({ skills: [{ skill: 'container orchestration' }] }))).toEqual(['Amélie Dubreuil', 'Bastien Roux']);
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'ALUMNI' WHERE user_id = $1`, [people.bastien.id]);
    expect(names(await search({ text: 'network engineer' }))).toEqual([]);
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'PARTNERS' WHERE user_id = $1`, [people.bastien.id]);
  });

  it('a page with full profiles costs a constant number of statements (loaders, no N+1)', async () => {
    const query = (first: number) => `query { talentSearch(first: ${first}) { edges { node { ${PROFILE_FIELDS} } } } }`;
    // The previous test changed profiles: the engine's catch-up reloads them on the next search (one statement more, once).
    await search({});
    // Those changes also tombstoned enough of this small index to start a rebuild in the background: not this page's cost.
    await t.app.get(TalentEngineService).settled();
    // The page's profile rows are remembered once read: read them before counting, so both pages count the same way.
    await t.gql.ok(query(4), {}, recruiter.token);
    const counter = countSql(t.dataSource);
    try {
      const four = (await t.gql.ok(query(4), {}, recruiter.token)).talentSearch.edges.length;
      expect(four).toBe(4);
      const statements = counter.count;
      // Search (the engine's catch-up: one statement when nothing changed), then one loader per nested field
      // (skills, languages, experiences, Games, verified records, endorsements…).
      expect(statements).toBeLessThanOrEqual(14);
      counter.reset();
      // Both pages hold a catalogue skill, so the same loaders run: one statement each, whatever the page size.
      await t.gql.ok(query(2), {}, recruiter.token);
      expect(counter.count).toBe(statements);
    } finally {
      counter.stop();
    }
  });

  it('is for recruiters and admins: members and staff are refused, admins see members’ view', async () => {
    const member = people.amelie;
    expect((await t.gql.request(SEARCH, { f: {} }, member.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    const adminResult = await search({ text: 'network engineer' }, await login(t, admin.email));
    expect(names(adminResult)).toEqual(['Bastien Roux', 'Damien Alumni', 'Gaëlle Blocker']);
    expect(organisationId).toBeDefined();
  });
});
