import fc from 'fast-check';
import { ProfileViewer } from '@baton/alumni';
import { createOrganisation } from '../factories/events';
import { createSkill } from '../factories/skills';
import { createRecruiter, createTalent } from '../factories/talent';
import { talentStatements } from '../bench/talent-seed';
import { compileSearch } from '../utils/talent-search-reference.sql';
import { startTestApp, TestApp } from '../utils/test-app';
import { TalentSearchService } from '../../libs/talent/src/search/talent-search.service';
import { SearchChangesPruneJob } from '../../libs/talent/src/search/engine/search-changes-prune.job';
import { TalentEngineService } from '../../libs/talent/src/search/engine/talent-engine.service';
import { countSql } from '../utils/sql-counter';
import { serverUrl } from '../utils/test-database';
import { FACETS, fuzzyWords } from '../../libs/talent/src/search/engine/talent-engine';
import { similarity, trigrams } from '../../libs/talent/src/search/engine/trigrams';
import type { TalentSearchFilter } from '../../libs/talent/src/search/dto/talent-search.input';

const PEOPLE = 600;
const ALL = 100_000;

interface ReferenceRow {
  total: number;
  page: Array<[string, number]>;
  [facet: `facet_${number}`]: Array<[string, number]>;
}

/**
 * The in-memory talent search engine against its SQL reference (test/utils/talent-search-reference.sql.ts)
 * over a generated network (the bench's generator, 600 people): for random filters, the same people
 * match, with the same total and the same facet counts. Then freshness: every change committed
 * before a search (consent, block, visibility, profile text, erasure) is in that search.
 */
describe('talent search engine', () => {
  let t: TestApp;
  let viewer: ProfileViewer;
  let search: TalentSearchService;
  const vocabulary = { skills: [] as string[], teams: [] as string[], venues: [] as string[], events: [] as string[], cities: [] as string[] };

  beforeAll(async () => {
    t = await startTestApp();
    const atlantec = await createOrganisation(t.dataSource, { code: 'ATLANTEC', name: 'Atlantec' });
    await createOrganisation(t.dataSource, { code: 'NORDIS', name: 'Nordis' });
    for (const [code, name] of [
      ['NET-WIFI', 'Wi-Fi networks'],
      ['SYS-LINUX', 'Linux administration'],
      ['SYS-VIRT', 'Virtualisation'],
      ['TSC-TIMING', 'Chronométrage'],
      ['SEC-INCIDENT', 'Incident response'],
      // The generator gives a person up to a dozen distinct catalogue skills: a catalogue of 45, as the demo's.
      ...Array.from({ length: 40 }, (_, i) => [`GEN-${i}`, `Générique ${i}`]),
    ])
      await createSkill(t.dataSource, { code, name });
    const recruiter = await createRecruiter(t, atlantec.id);
    // One person through the factory: it publishes the consent text the generator's consents point at.
    await createTalent(t, { name: 'Zélie Factory', headline: 'Ingénieure réseau' });
    await t.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(`SELECT setseed(0.5)`);
      for (const statement of talentStatements(PEOPLE, 0)) await m.query(statement);
    });
    await t.dataSource.query(
      `SELECT talent_refresh_documents(ARRAY(SELECT user_id FROM alumni_profiles p WHERE NOT EXISTS (SELECT 1 FROM talent_documents d WHERE d.user_id = p.user_id)))`,
    );
    viewer = { kind: 'RECRUITER', userId: recruiter.id, organisationId: atlantec.id };
    search = t.app.get(TalentSearchService);
    const [v] = await t.dataSource.query(`
      SELECT ARRAY(SELECT DISTINCT unnest(skill_keys) FROM talent_documents) AS skills,
             ARRAY(SELECT DISTINCT unnest(team_codes) FROM talent_documents) AS teams,
             ARRAY(SELECT DISTINCT unnest(venue_codes) FROM talent_documents) AS venues,
             ARRAY(SELECT DISTINCT unnest(event_codes) FROM talent_documents) AS events,
             ARRAY(SELECT DISTINCT city FROM talent_documents WHERE city IS NOT NULL) AS cities`);
    Object.assign(vocabulary, v);
  }, 300_000);
  afterAll(() => t?.close());

  const reference = async (filter: TalentSearchFilter) => {
    const text = filter.text?.trim() || null;
    const [{ folded }] = await t.dataSource.query(`SELECT talent_fold($1) AS folded`, [text]);
    const { sql, values } = compileSearch(viewer, filter, { first: ALL, after: null, facets: true, fuzzyWords: text ? fuzzyWords(folded) : [] });
    const [row]: ReferenceRow[] = await t.dataSource.query(sql, values);
    return {
      total: row.total,
      ids: row.page.map(([id]) => id).sort(),
      facets: Object.fromEntries(FACETS.map((f, i) => [f, (row[`facet_${i}`] ?? []).map(([value, count]) => ({ value, count }))])),
    };
  };
  const engine = async (filter: TalentSearchFilter) => {
    const found = await search.hits(viewer, filter, { first: ALL, after: null, facets: true });
    return { total: found.totalCount, ids: found.hits.map((h) => h.userId).sort(), facets: found.facets, hits: found.hits };
  };

  it('matches the SQL reference: the same people, total and facets, for random filters', async () => {
    const words = [
      'réseau',
      'reseau',
      'network',
      'engineer',
      'ingénieur',
      'securite',
      'incident',
      'linux',
      'virtualisation',
      'chronométrage',
      'timing',
      'radio',
    ];
    const typos = ['Lefevre', 'Sebastien', 'Mercier', 'Kubernets', 'Dubreil', 'netwrk'];
    const text = fc.oneof(
      fc.constant(undefined),
      fc.array(fc.constantFrom(...words, ...typos), { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} or ${b}`),
      fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} -${b}`),
    );
    // Each filter in about one draw of four: with all of them at once nobody would match.
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight: 1 });
    const some = (list: string[]) => maybe(fc.subarray(list, { minLength: 1, maxLength: 2 }));
    const filter = fc.record(
      {
        text,
        skills: maybe(
          fc.array(fc.record({ skill: fc.constantFrom(...vocabulary.skills), minLevel: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 2 }),
        ),
        languages: maybe(fc.array(fc.record({ code: fc.constantFrom('fr', 'en', 'es', 'de'), minLevel: fc.constantFrom('A2', 'B2', 'C1') }), { maxLength: 2 })),
        teams: some(vocabulary.teams.map((c) => c.toUpperCase())),
        venues: some(vocabulary.venues),
        events: some(vocabulary.events),
        minVerifiedHours: maybe(fc.constantFrom(10, 40, 120)),
        country: maybe(fc.constantFrom('FR', 'CH', 'GB', 'BE')),
        city: maybe(fc.constantFrom(...vocabulary.cities.slice(0, 5), 'Saint-Étienne', 'nowhere')),
        openToWork: maybe(fc.boolean()),
      },
      { requiredKeys: [] },
    );
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(filter, async (f) => {
        const [mine, theirs] = await Promise.all([engine(f as TalentSearchFilter), reference(f as TalentSearchFilter)]);
        expect({ total: mine.total, ids: mine.ids }).toEqual({ total: theirs.total, ids: theirs.ids });
        expect(mine.facets).toEqual(theirs.facets);
        if (mine.total > 0) nonEmpty++;
      }),
      { numRuns: 60, seed: 20261202 },
    );
    // The property is only worth something if most filters found people.
    expect(nonEmpty).toBeGreaterThan(20);
  }, 300_000);

  it('orders by score then user id, and a text search ranks what it matched', async () => {
    const { hits } = await engine({ text: 'network engineer' });
    expect(hits.length).toBeGreaterThan(5);
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1], hits[i]];
      expect(a.score > b.score || (a.score === b.score && a.userId < b.userId)).toBe(true);
    }
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it("forgives typos word by word with pg_trgm's own similarity", async () => {
    const pairs = [
      ['dubreil', 'dubreuil'],
      ['kubernets', 'kubernetes'],
      ['lefevre', 'lefebvre'],
      ['sebastien', 'sebastian'],
      ['netwrk', 'network'],
      ['abc', 'xyz'],
      ['chronometrage', 'chronometreur'],
      ['élodie', 'elodie'],
    ];
    const [{ sims }] = await t.dataSource.query(
      `SELECT array_agg(similarity(a, b) ORDER BY n) AS sims FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(a, b, n)`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    pairs.forEach(([a, b], i) => expect(similarity(trigrams(a), trigrams(b))).toBeCloseTo(Number(sims[i]), 5));
  });

  it('sees every change committed before the search: consent, block, visibility, text, erasure', async () => {
    const person = await createTalent(t, { name: 'Quentin Fraîcheur', headline: 'Ingénieur fibre optique' });
    const find = async () => (await engine({ text: 'Fraicheur' })).ids;
    expect(await find()).toEqual([person.id]);
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [person.id]);
    expect(await find()).toEqual([]);
    await t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = NULL WHERE user_id = $1`, [person.id]);
    expect(await find()).toEqual([person.id]);
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [
      person.id,
      (viewer as { organisationId: string }).organisationId,
    ]);
    expect(await find()).toEqual([]);
    await t.dataSource.query(`DELETE FROM alumni_organisation_blocks WHERE user_id = $1`, [person.id]);
    expect(await find()).toEqual([person.id]);
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'ALUMNI' WHERE user_id = $1`, [person.id]);
    expect(await find()).toEqual([]);
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'PARTNERS', headline = 'Chef de projet' WHERE user_id = $1`, [person.id]);
    expect((await engine({ text: 'fibre optique', country: undefined })).ids).not.toContain(person.id);
    expect((await engine({ text: 'chef projet' })).ids).toContain(person.id);
    await t.dataSource.query(`DELETE FROM alumni_profiles WHERE user_id = $1`, [person.id]);
    expect(await find()).toEqual([]);
  });

  it('stays exact while writes and searches run at the same time', async () => {
    const ids: string[] = (await t.dataSource.query(`SELECT user_id FROM alumni_consents WHERE withdrawn_at IS NULL ORDER BY user_id LIMIT 40`)).map(
      (r: { user_id: string }) => r.user_id,
    );
    await Promise.all(
      ids.flatMap((id, i) => [
        t.dataSource.query(`UPDATE alumni_profiles SET open_to_work = NOT open_to_work, headline = $2 WHERE user_id = $1`, [id, `Concurrent headline ${i}`]),
        engine({ openToWork: true }),
        i % 3 === 0 ? t.dataSource.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1`, [id]) : Promise.resolve(),
      ]),
    );
    for (const f of [{ openToWork: true }, { text: 'concurrent headline' }, {}] as TalentSearchFilter[]) {
      const [mine, theirs] = [await engine(f), await reference(f)];
      expect({ total: mine.total, ids: mine.ids, facets: mine.facets }).toEqual({ total: theirs.total, ids: theirs.ids, facets: theirs.facets });
    }
  });

  // A transaction left open anywhere holds the cluster's xmin, the engine's watermark, back: every
  // catch-up then reads the same changes again. Applying them again tombstoned those documents on
  // each search and set off rebuild after rebuild. Two connections: the server database only.
  (serverUrl() ? it : it.skip)('applies each change once while a long transaction holds the watermark back', async () => {
    const person = await createTalent(t, { name: 'Ursule Patiente', headline: 'Technicienne radio' });
    const holder = t.dataSource.createQueryRunner();
    await holder.connect();
    const service = t.app.get(TalentEngineService);
    try {
      await holder.startTransaction();
      await holder.query(`SELECT pg_current_xact_id()`);
      await t.dataSource.query(`UPDATE alumni_profiles SET headline = 'Technicienne fibre' WHERE user_id = $1`, [person.id]);
      expect((await engine({ text: 'Patiente' })).hits.length).toBe(1);
      await service.settled();
      const counter = countSql(t.dataSource);
      try {
        for (let i = 0; i < 3; i++) expect((await engine({ text: 'technicienne fibre' })).ids).toContain(person.id);
        // Per search: the catch-up and the text's folding, no reload of the person already caught up.
        expect(counter.statements.filter((q) => q.includes('talent_documents d'))).toEqual([]);
      } finally {
        counter.stop();
      }
      const dead = (await service.fresh()).deadShare();
      await engine({ text: 'Patiente' });
      expect((await service.fresh()).deadShare()).toBe(dead);
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
  });

  it('prunes the change log after a day, keeping what is recent', async () => {
    const [old] = await t.dataSource.query(
      `INSERT INTO talent_search_changes (user_id, changed_at) VALUES (gen_random_uuid(), now() - interval '25 hours') RETURNING id`,
    );
    const [recent] = await t.dataSource.query(`INSERT INTO talent_search_changes (user_id) VALUES (gen_random_uuid()) RETURNING id`);
    const { deleted } = await t.app.get(SearchChangesPruneJob).run();
    expect(deleted).toBeGreaterThanOrEqual(1);
    const left = (await t.dataSource.query(`SELECT id FROM talent_search_changes WHERE id = ANY($1::bigint[])`, [[old.id, recent.id]])).map(
      (r: { id: string }) => r.id,
    );
    expect(left).toEqual([recent.id]);
  });
});
