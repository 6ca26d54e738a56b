import { EngineDocument, EngineQuery, TalentEngine } from './talent-engine';
import { parseTsQuery } from './tsquery';

/**
 * The engine's own bookkeeping at sizes the e2e corpus never reaches: cached bitsets of long
 * posting lists (4,096 ids and more) must follow every append, replacement and growth, and the
 * typed facet counters must count what a plain recount of the documents gives.
 */
const viewer = { visibilities: ['PARTNERS'] as const, organisationId: null, selfUserId: null };
const page = { first: 5, after: null, facets: true };

function doc(n: number, lexemes: string[], extra: Partial<EngineDocument> = {}): EngineDocument {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    visibility: 'PARTNERS',
    consent: true,
    blockedBy: [],
    tsvector: lexemes.map((l, i) => `'${l}':${i + 1}A`).join(' '),
    names: `person${n}`,
    skillKeys: n % 3 === 0 ? ['net', 'sys'] : ['net'],
    skillLevels: [],
    languageCodes: n % 3 === 1 ? ['en'] : ['fr'],
    languageLevels: [],
    teamCodes: [],
    venueCodes: [],
    eventCodes: [],
    verifiedMinutes: n,
    country: n % 5 === 0 ? 'CH' : 'FR',
    city: null,
    openToWork: n % 4 === 0,
    ...extra,
  };
}

function query(tsquery: string, extra: Partial<EngineQuery> = {}): EngineQuery {
  return {
    tsquery: parseTsQuery(tsquery),
    foldedText: tsquery,
    skillLevels: [],
    languageLevels: [],
    teams: [],
    venues: [],
    events: [],
    country: null,
    city: null,
    openToWork: null,
    minMinutes: null,
    ...extra,
  };
}

const facet = (result: ReturnType<TalentEngine['search']>, name: keyof ReturnType<TalentEngine['search']>['facets']) =>
  Object.fromEntries(result.facets[name].map((f) => [f.value, f.count]));

describe('TalentEngine at the size of a long posting list', () => {
  it('a common word is found in every document holding it, after appends, replacements and growth', () => {
    const engine = new TalentEngine();
    for (let n = 0; n < 5_000; n++) engine.put(doc(n, ['network']).userId, doc(n, ['network']));
    expect(engine.search(viewer, query(`'network'`), page).total).toBe(5_000);

    // The cached bitset of 'network' was built at 5,000 ids: ten more must be seen.
    for (let n = 5_000; n < 5_010; n++) engine.put(doc(n, ['network']).userId, doc(n, ['network']));
    expect(engine.search(viewer, query(`'network'`), page).total).toBe(5_010);

    // Three people drop the word: their old numbers stay in the list as tombstones.
    for (const n of [1, 2, 3]) engine.put(doc(n, ['radio']).userId, doc(n, ['radio']));
    expect(engine.search(viewer, query(`'network'`), page).total).toBe(5_007);
    expect(engine.search(viewer, query(`'radio'`), page).total).toBe(3);

    // Past the capacity (8,192 → 16,384 numbers) the universe grows under the cached set.
    for (let n = 5_010; n < 9_000; n++) engine.put(doc(n, ['network']).userId, doc(n, ['network']));
    expect(engine.search(viewer, query(`'network'`), page).total).toBe(8_997);
    expect(engine.search(viewer, query(`'network' & !'radio'`), page).total).toBe(8_997);
    expect(engine.search(viewer, query(`'network' | 'radio'`), page).total).toBe(9_000);
  });

  it('facets count every filter but their own, as a recount of the documents does', () => {
    const engine = new TalentEngine();
    const docs = Array.from({ length: 6_000 }, (_, n) => doc(n, ['network']));
    for (const d of docs) engine.put(d.userId, d);
    const result = engine.search(viewer, query(`'network'`, { country: 'FR', openToWork: true }), page);

    const count = (keep: (d: EngineDocument) => boolean) => docs.filter(keep).length;
    const fr = (d: EngineDocument) => d.country === 'FR';
    const open = (d: EngineDocument) => d.openToWork;
    expect(result.total).toBe(count((d) => fr(d) && open(d)));
    expect(facet(result, 'countries')).toEqual({ FR: count((d) => fr(d) && open(d)), CH: count((d) => !fr(d) && open(d)) });
    expect(facet(result, 'openToWork')).toEqual({ true: count((d) => fr(d) && open(d)), false: count((d) => fr(d) && !open(d)) });
    expect(facet(result, 'skills')).toEqual({
      net: count((d) => fr(d) && open(d)),
      sys: count((d) => fr(d) && open(d) && d.skillKeys.includes('sys')),
    });
    expect(facet(result, 'languages')).toEqual({
      fr: count((d) => fr(d) && open(d) && d.languageCodes.includes('fr')),
      en: count((d) => fr(d) && open(d) && d.languageCodes.includes('en')),
    });
  });

  it('a typo in a name finds the person through the trigram index alone', () => {
    const engine = new TalentEngine();
    const dubreuil = doc(1, ['technician'], { names: 'jeanne dubreuil' });
    engine.put(dubreuil.userId, dubreuil);
    for (let n = 2; n < 50; n++) engine.put(doc(n, ['technician']).userId, doc(n, ['technician']));
    const found = engine.search(viewer, { ...query(`'dubreil'`), foldedText: 'dubreil' }, page);
    expect(found.hits.map((h) => h.userId)).toEqual([dubreuil.userId]);
    // pg_trgm: 'dubreil' and 'dubreuil' share 6 of 11 trigrams.
    expect(found.hits[0].score).toBeCloseTo(6 / 11, 10);
  });
});
