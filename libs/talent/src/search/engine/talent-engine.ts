import { Bitset } from './bitset';
import { Postings, WordSlab } from './postings';
import { visitTsVector } from './tsvector';
import { trigrams, words } from './trigrams';
import { positiveLexemes, TsQuery } from './tsquery';

export type Visibility = 'PRIVATE' | 'ALUMNI' | 'PARTNERS';

/** One row of talent_documents with what decides who sees it (alumni_profiles, alumni_consents, alumni_organisation_blocks). */
export interface EngineDocument {
  userId: string;
  visibility: Visibility;
  consent: boolean;
  blockedBy: readonly string[];
  /** The tsvector as PostgreSQL prints it (`'lexeme':1A,4 …`). */
  tsvector: string;
  /** Folded display name and skill names (the typo-tolerant part). */
  names: string;
  skillKeys: readonly string[];
  skillLevels: readonly string[];
  languageCodes: readonly string[];
  languageLevels: readonly string[];
  teamCodes: readonly string[];
  venueCodes: readonly string[];
  eventCodes: readonly string[];
  verifiedMinutes: number;
  country: string | null;
  city: string | null;
  openToWork: boolean;
}

export const FACETS = ['skills', 'languages', 'teams', 'venues', 'events', 'countries', 'openToWork'] as const;
export type Facet = (typeof FACETS)[number];
export const FACET_SIZE = 20;

/** Who asks: the same rule as the alumni policy's (visibleProfileSql). */
export interface EngineViewer {
  visibilities: readonly Visibility[];
  /** Recruiters: people who blocked this organisation are left out. */
  organisationId: string | null;
  /** One's own profile is always found. */
  selfUserId: string | null;
}

/** The filter with its terms already folded by PostgreSQL (talent_fold), codes lower-cased. */
export interface EngineQuery {
  /** PostgreSQL's parsed tsquery (English | French); null when the text has no lexeme. */
  tsquery: TsQuery | null;
  /** The folded text, for the typo-tolerant name match; null without text. */
  foldedText: string | null;
  /** Every entry must be held, e.g. `k8s:2`. */
  skillLevels: readonly string[];
  languageLevels: readonly string[];
  teams: readonly string[];
  venues: readonly string[];
  events: readonly string[];
  country: string | null;
  city: string | null;
  openToWork: boolean | null;
  minMinutes: number | null;
}

export interface EnginePage {
  first: number;
  after: { score: number; userId: string } | null;
  facets: boolean;
}

export interface EngineResult {
  total: number;
  /** At most first + 1, best first. */
  hits: Array<{ userId: string; score: number }>;
  facets: Record<Facet, Array<{ value: string; count: number }>>;
}

/** PostgreSQL's default ts_rank weights, D to A. */
const WEIGHTS = [0.1, 0.2, 0.4, 1.0];
/** A query word of fewer letters is not matched approximately (too many near neighbours). */
const MIN_FUZZY_LENGTH = 3;
export const FUZZY_THRESHOLD = 0.5;

/** The facet dimensions a document lists several values of, in the order of their runs in the arena. */
const LISTED = ['skills', 'languages', 'teams', 'venues', 'events'] as const;
const COUNTRIES = FACETS.indexOf('countries');
const OPEN_TO_WORK = FACETS.indexOf('openToWork');

const FILTER_BIT: Record<Facet | 'hours' | 'city', number> = {
  skills: 1,
  languages: 2,
  teams: 4,
  venues: 8,
  events: 16,
  countries: 32,
  openToWork: 64,
  hours: 128,
  city: 256,
};
const LISTED_BIT = LISTED.map((f) => FILTER_BIT[f]);
/** Cached answers (search): a few kilobytes each; recruiters' distinct questions between two changes are far fewer. */
const RESULT_CACHE_SIZE = 256;
/** A posting list this long is at least as large as a bitset of 100k documents (32 ids per word). */
const CACHED_BITS_MIN = 4096;

/**
 * Talent search in memory: an inverted index of the search documents (lexemes with their weight,
 * name words, filter values) over dense document numbers, with bitsets for visibility. Pure: the
 * service loads and refreshes it from PostgreSQL (talent-engine.service.ts), which stays the
 * source of truth. Why in memory: a typical query matches tens of thousands of the 100k profiles,
 * and PostgreSQL visits each matching row several times (rank, seven facets); here a query is one
 * pass over the matches with word-wide bit operations.
 *
 * Semantics (the SQL reference in test/utils/talent-search-reference.sql.ts spells the same):
 * - match: the tsquery matches the document's lexemes (a phrase `<->` counts as AND: positions
 *   are not kept), OR every query word of 3+ letters has a name word with trigram similarity ≥ 0.5;
 * - score: Σ over the query's lexemes found of weight(class) × ln(1 + N / df) (N and df count live documents), plus the mean best
 *   name similarity when the names match; without text, verified minutes;
 * - order: score descending, then user id; facets count every filter but their own.
 *
 * An updated document gets a new number and the old one becomes a tombstone; `deadShare()` tells
 * the service when to rebuild.
 */
export class TalentEngine {
  private capacity: number;
  private next = 0;
  private dead = 0;
  private readonly byUser = new Map<string, number>();
  // Columns by document number, not an object per document (100k of those cost ~100 MiB of heap).
  private userIds: Array<string | null> = [];
  private minutes: Int32Array;
  private countries: Int32Array;
  private cities: Int32Array;
  /** Where a document's facet values start in the arena: five runs `count, value ids…`, in LISTED order. */
  private facetStart: Uint32Array;
  private arena = new Uint32Array(1 << 16);
  private arenaLength = 0;
  private live: Bitset;
  private consenting: Bitset;
  private openToWork: Bitset;
  private readonly byVisibility: Record<Visibility, Bitset>;
  private readonly blocks = new Map<string, Set<number>>();
  private readonly scratch: Array<Float64Array | undefined> = [];
  /** The dense posting lists' words (postings.ts). */
  private readonly slab = new WordSlab();
  private readonly bitsOf = new WeakMap<Postings, { length: number; bits: Bitset }>();
  /** One dictionary for facet values, countries and cities. */
  private readonly valueIds = new Map<string, number>();
  private readonly valueNames: string[] = [];
  private readonly lexemes = new Map<string, Postings>();
  private readonly nameWords = new Map<string, Postings>();
  private readonly wordsByTrigram = new Map<string, string[]>();
  /** How many distinct trigrams each name word has (the other half of a similarity's union). */
  private readonly trigramCounts = new Map<string, number>();
  private readonly values = {
    skillLevels: new Map<string, Postings>(),
    languageLevels: new Map<string, Postings>(),
    teams: new Map<string, Postings>(),
    venues: new Map<string, Postings>(),
    events: new Map<string, Postings>(),
  };

  /** Answers of this state of the index by question (search), least recently asked first. */
  private readonly results = new Map<string, EngineResult>();

  /**
   * `expected`: how many documents a bulk load will put. Sized for them from the start, the columns
   * and the dense posting lists are allocated once instead of doubled up to it (the doubled copies
   * left the allocator's heap fragmented).
   */
  constructor(private readonly expected = 0) {
    const capacity = (this.capacity = Math.max(1024, Math.ceil(expected * 1.05)));
    this.minutes = new Int32Array(capacity);
    this.countries = new Int32Array(capacity);
    this.cities = new Int32Array(capacity);
    this.facetStart = new Uint32Array(capacity);
    this.live = new Bitset(capacity);
    this.consenting = new Bitset(capacity);
    this.openToWork = new Bitset(capacity);
    this.byVisibility = { PRIVATE: new Bitset(capacity), ALUMNI: new Bitset(capacity), PARTNERS: new Bitset(capacity) };
  }

  get size(): number {
    return this.byUser.size;
  }

  deadShare(): number {
    return this.next === 0 ? 0 : this.dead / this.next;
  }

  /** Adds or replaces a person's document; `null` removes it. */
  put(userId: string, doc: EngineDocument | null): void {
    this.results.clear();
    const old = this.byUser.get(userId);
    if (old !== undefined) {
      this.userIds[old] = null;
      this.live.delete(old);
      this.consenting.delete(old);
      for (const set of Object.values(this.byVisibility)) set.delete(old);
      for (const blocked of this.blocks.values()) blocked.delete(old);
      this.byUser.delete(userId);
      this.dead++;
    }
    if (!doc) return;
    const id = this.allocate();
    this.byUser.set(userId, id);
    this.userIds[id] = doc.userId;
    this.minutes[id] = doc.verifiedMinutes;
    this.countries[id] = doc.country === null ? -1 : this.valueId(doc.country);
    this.cities[id] = doc.city === null ? -1 : this.valueId(doc.city);
    if (doc.openToWork) this.openToWork.add(id);
    this.facetStart[id] = this.arenaLength;
    for (const list of [doc.skillKeys, doc.languageCodes, doc.teamCodes, doc.venueCodes, doc.eventCodes]) {
      this.push(list.length);
      for (const v of list) this.push(this.valueId(v));
    }
    this.live.add(id);
    if (doc.consent) this.consenting.add(id);
    this.byVisibility[doc.visibility].add(id);
    for (const organisation of doc.blockedBy) {
      const set = this.blocks.get(organisation) ?? new Set<number>();
      set.add(id);
      this.blocks.set(organisation, set);
    }
    visitTsVector(doc.tsvector, (lexeme, weight) => this.post(this.lexemes, lexeme, id, true, weight));
    for (const word of new Set(words(doc.names))) {
      if (!this.nameWords.has(word)) {
        const own = trigrams(word);
        this.trigramCounts.set(word, own.size);
        for (const t of own) {
          const list = this.wordsByTrigram.get(t);
          if (list) list.push(word);
          else this.wordsByTrigram.set(t, [word]);
        }
      }
      this.post(this.nameWords, word, id, false);
    }
    for (const v of doc.skillLevels) this.post(this.values.skillLevels, v, id, false);
    for (const v of doc.languageLevels) this.post(this.values.languageLevels, v, id, false);
    for (const v of doc.teamCodes) this.post(this.values.teams, v, id, false);
    for (const v of doc.venueCodes) this.post(this.values.venues, v, id, false);
    for (const v of doc.eventCodes) this.post(this.values.events, v, id, false);
  }

  /** After a bulk load: each posting list trimmed to its length (up to half of a doubled list is slack), or made dense when that is smaller. */
  compact(): void {
    this.results.clear();
    for (const map of [this.lexemes, this.nameWords, ...Object.values(this.values)])
      for (const postings of map.values()) postings.compact(this.capacity, this.slab);
    // Copied only when the slack is large: a copy beside the old one is ~10 MiB more until the next full collection.
    if (this.arena.length > this.arenaLength * 1.25 + 1024) this.arena = this.arena.slice(0, Math.max(this.arenaLength * 1.25, 1024));
  }

  /**
   * The answer to this question in this state of the index. Recruiters ask the same few searches
   * over and over while the index rarely changes; any change (put, compact) empties the cache, so
   * an answer is always the one a fresh computation would give. Frozen: callers share it.
   */
  search(viewer: EngineViewer, query: EngineQuery, page: EnginePage): EngineResult {
    const key = JSON.stringify([viewer.visibilities, viewer.organisationId, viewer.selfUserId, query, page]);
    const known = this.results.get(key);
    if (known) {
      // Least recently asked goes first: move this one to the end.
      this.results.delete(key);
      this.results.set(key, known);
      return known;
    }
    const result = freezeResult(this.compute(viewer, query, page));
    if (this.results.size >= RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
    this.results.set(key, result);
    return result;
  }

  private compute(viewer: EngineViewer, query: EngineQuery, page: EnginePage): EngineResult {
    const seen = this.visibleTo(viewer);
    const text = query.foldedText !== null;
    const scores = text ? this.zeroed(0) : null;
    let matches = seen;
    if (text) {
      const fts = query.tsquery ? this.evaluate(query.tsquery).and(seen) : new Bitset(this.capacity);
      this.rank(query.tsquery, scores!);
      const fuzzy = this.fuzzy(query.foldedText!, seen, scores!);
      matches = fuzzy ? fts.or(fuzzy) : fts;
    }
    const filters = this.filterSets(query);
    // A country or city nobody has matches nobody (-2 is no value id), which is not "no filter".
    const country = query.country === null ? null : (this.valueIds.get(query.country) ?? -2);
    const city = query.city === null ? null : (this.valueIds.get(query.city) ?? -2);
    // Counts by value id: the dictionary is small (a few hundred codes), a Map per facet cost ~half of a search.
    const facetCounts = FACETS.map((f) => new Int32Array(f === 'openToWork' ? 2 : this.valueNames.length));
    const best = new TopK(page.first + 1);
    const after = page.after;
    let total = 0;
    matches.forEach((id) => {
      let fails = 0;
      if (filters.skills && !filters.skills.has(id)) fails |= FILTER_BIT.skills;
      if (filters.languages && !filters.languages.has(id)) fails |= FILTER_BIT.languages;
      if (filters.teams && !filters.teams.has(id)) fails |= FILTER_BIT.teams;
      if (filters.venues && !filters.venues.has(id)) fails |= FILTER_BIT.venues;
      if (filters.events && !filters.events.has(id)) fails |= FILTER_BIT.events;
      if (country !== null && this.countries[id] !== country) fails |= FILTER_BIT.countries;
      if (query.openToWork !== null && this.openToWork.has(id) !== query.openToWork) fails |= FILTER_BIT.openToWork;
      if (query.minMinutes !== null && this.minutes[id] < query.minMinutes) fails |= FILTER_BIT.hours;
      if (city !== null && this.cities[id] !== city) fails |= FILTER_BIT.city;
      // A facet counts the rows that pass every filter but its own: all pass, or only its own fails.
      if (page.facets && (fails & (fails - 1)) === 0) this.countFacets(id, fails, facetCounts);
      if (fails !== 0) return;
      total++;
      const score = scores ? scores[id] : this.minutes[id];
      const user = this.userIds[id]!;
      if (after && !(score < after.score || (score === after.score && user > after.userId))) return;
      best.offer(score, user);
    });
    const facets = Object.fromEntries(FACETS.map((f, i) => [f, this.topValues(f, facetCounts[i])])) as EngineResult['facets'];
    return { total, hits: best.sorted(), facets };
  }

  private visibleTo(viewer: EngineViewer): Bitset {
    const seen = new Bitset(this.capacity);
    for (const v of viewer.visibilities) seen.or(this.byVisibility[v]);
    seen.and(this.consenting);
    if (viewer.organisationId) for (const id of this.blocks.get(viewer.organisationId) ?? []) seen.delete(id);
    const self = viewer.selfUserId === null ? undefined : this.byUser.get(viewer.selfUserId);
    if (self !== undefined) seen.add(self);
    return seen;
  }

  private evaluate(q: TsQuery): Bitset {
    switch (q.op) {
      case 'lexeme': {
        const set = new Bitset(this.capacity);
        for (const postings of this.lexemePostings(q)) {
          if (!postings.dense && postings.length >= CACHED_BITS_MIN) set.or(this.cachedBits(postings));
          else postings.addTo(set);
        }
        return set.and(this.live);
      }
      case 'not':
        return this.live.clone().andNot(this.evaluate(q.arg));
      case 'or':
        return this.evaluate(q.left).or(this.evaluate(q.right));
      default:
        return this.evaluate(q.left).and(this.evaluate(q.right));
    }
  }

  private lexemePostings(q: Extract<TsQuery, { op: 'lexeme' }>): Postings[] {
    if (!q.prefix) {
      const exact = this.lexemes.get(q.lexeme);
      return exact ? [exact] : [];
    }
    return [...this.lexemes].filter(([lexeme]) => lexeme.startsWith(q.lexeme)).map(([, p]) => p);
  }

  /** Σ weight × idf of each distinct lexeme of the query a document holds (a lexeme written twice counts once); df counts live documents only. */
  private rank(q: TsQuery | null, scores: Float64Array): void {
    const n = Math.max(1, this.size);
    const counted = new Set<Postings>();
    for (const lexeme of positiveLexemes(q)) {
      if (lexeme.op !== 'lexeme') continue;
      for (const postings of this.lexemePostings(lexeme)) {
        if (counted.has(postings)) continue;
        counted.add(postings);
        // Tombstones stay in the posting lists until the next rebuild: counted, they made every score drift with edits
        // (and differ from a freshly loaded engine's, so a page's order and cursors depended on the engine's history).
        const df = postings.countIn(this.live);
        if (df === 0) continue;
        const idf = Math.log(1 + n / df);
        postings.addScores(scores, WEIGHTS, idf);
      }
    }
  }

  /** Everyone whose names hold, for each query word, a word close enough; adds the mean best similarity to their score. */
  private fuzzy(folded: string, seen: Bitset, scores: Float64Array): Bitset | null {
    const queryWords = fuzzyWords(folded);
    if (!queryWords.length) return null;
    let all: Bitset | null = null;
    const sums = this.zeroed(1);
    for (const word of queryWords) {
      const mine = trigrams(word);
      // pg_trgm's similarity from the index alone: a word is listed once under each of its distinct
      // trigrams, so how often it turns up here is the number of trigrams it shares with this one.
      const shared = new Map<string, number>();
      for (const t of mine) for (const w of this.wordsByTrigram.get(t) ?? []) shared.set(w, (shared.get(w) ?? 0) + 1);
      const matched = new Bitset(this.capacity);
      // By document number: a common word (a skill name) is held by tens of thousands.
      const bestHere = this.zeroed(2);
      for (const [candidate, common] of shared) {
        const s = common / (mine.size + this.trigramCounts.get(candidate)! - common);
        if (s < FUZZY_THRESHOLD) continue;
        const postings = this.nameWords.get(candidate)!;
        postings.forEach((id) => {
          matched.add(id);
          if (s > bestHere[id]) bestHere[id] = s;
        });
      }
      matched.and(seen);
      matched.forEach((id) => (sums[id] += bestHere[id]));
      all = all ? all.and(matched) : matched;
    }
    all!.forEach((id) => (scores[id] += sums[id] / queryWords.length));
    return all;
  }

  private filterSets(query: EngineQuery) {
    const every = (map: Map<string, Postings>, values: readonly string[]) => {
      if (!values.length) return null;
      let set: Bitset | null = null;
      for (const v of values) {
        const one = this.bits(map.get(v));
        set = set ? set.and(one) : one;
      }
      return set;
    };
    const any = (map: Map<string, Postings>, values: readonly string[]) => {
      if (!values.length) return null;
      const set = new Bitset(this.capacity);
      for (const v of values) set.or(this.bits(map.get(v)));
      return set;
    };
    return {
      skills: every(this.values.skillLevels, query.skillLevels),
      languages: every(this.values.languageLevels, query.languageLevels),
      teams: any(this.values.teams, query.teams),
      venues: any(this.values.venues, query.venues),
      events: any(this.values.events, query.events),
    };
  }

  /** Adds one document's values to the facets it counts in: all of them when it passes every filter, else only the one it fails. */
  private countFacets(id: number, fails: number, counts: Int32Array[]): void {
    let at = this.facetStart[id];
    for (let run = 0; run < LISTED.length; run++) {
      const n = this.arena[at];
      if (fails === 0 || fails === LISTED_BIT[run]) {
        const into = counts[run];
        for (let k = at + 1; k <= at + n; k++) into[this.arena[k]]++;
      }
      at += n + 1;
    }
    if (fails === 0 || fails === FILTER_BIT.countries) {
      const c = this.countries[id];
      if (c >= 0) counts[COUNTRIES]![c]++;
    }
    if (fails === 0 || fails === FILTER_BIT.openToWork) counts[OPEN_TO_WORK]![this.openToWork.has(id) ? 0 : 1]++;
  }

  /** The most frequent values, ties by value in code point order. */
  private topValues(facet: Facet, counts: Int32Array): Array<{ value: string; count: number }> {
    const name = (v: number) => (facet === 'openToWork' ? (v === 0 ? 'true' : 'false') : this.valueNames[v]);
    const out: Array<{ value: string; count: number }> = [];
    for (let v = 0; v < counts.length; v++) if (counts[v] > 0) out.push({ value: name(v), count: counts[v] });
    return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_SIZE);
  }

  /**
   * One of three scratch arrays by document number, zeroed. A search is synchronous, so they can be
   * reused: allocating 800 KB three times a search made the garbage collector pause searches.
   */
  private zeroed(slot: 0 | 1 | 2): Float64Array {
    let buffer = this.scratch[slot];
    if (!buffer || buffer.length < this.next) buffer = this.scratch[slot] = new Float64Array(this.capacity);
    else buffer.fill(0, 0, this.next);
    return buffer;
  }

  /**
   * A long posting list as a bitset, kept until the list grows or the universe does. Setting tens
   * of thousands of bits for a common word was a quarter of a search; a cached one is only listed
   * when it is no larger than the list itself. Tombstones are left in (evaluate ANDs with live).
   */
  private cachedBits(postings: Postings): Bitset {
    const cached = this.bitsOf.get(postings);
    if (cached && cached.length === postings.length && cached.bits.size === this.capacity) return cached.bits;
    const bits = this.bits(postings);
    this.bitsOf.set(postings, { length: postings.length, bits });
    return bits;
  }

  private bits(postings: Postings | undefined): Bitset {
    const set = new Bitset(this.capacity);
    postings?.addTo(set);
    return set;
  }

  private post(map: Map<string, Postings>, key: string, id: number, weighted: boolean, weight = 0): void {
    let postings = map.get(key);
    if (!postings) {
      postings = new Postings(weighted);
      map.set(key, postings);
    }
    postings.append(id, weight, this.capacity, this.slab);
  }

  private valueId(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.valueNames.length;
      this.valueNames.push(value);
      this.valueIds.set(value, id);
    }
    return id;
  }

  private push(n: number): void {
    if (this.arenaLength === this.arena.length) {
      // In a bulk load, sized for the documents still expected at the average so far (+10 %) rather than doubled:
      // each doubling left the previous copy (up to 16 MiB at 100k documents) as garbage until a full collection.
      const projected = this.next < this.expected ? Math.ceil((this.arenaLength / Math.max(1, this.next)) * this.expected * 1.1) : 0;
      const grown = new Uint32Array(Math.max(this.arena.length * (projected > 0 ? 1.25 : 2), projected));
      grown.set(this.arena);
      this.arena = grown;
    }
    this.arena[this.arenaLength++] = n;
  }

  private allocate(): number {
    if (this.next === this.capacity) {
      this.capacity *= 2;
      this.live = this.live.grown(this.capacity);
      this.consenting = this.consenting.grown(this.capacity);
      this.openToWork = this.openToWork.grown(this.capacity);
      for (const v of Object.keys(this.byVisibility) as Visibility[]) this.byVisibility[v] = this.byVisibility[v].grown(this.capacity);
      this.minutes = grownInts(this.minutes, this.capacity);
      this.countries = grownInts(this.countries, this.capacity);
      this.cities = grownInts(this.cities, this.capacity);
      const start = new Uint32Array(this.capacity);
      start.set(this.facetStart);
      this.facetStart = start;
    }
    this.userIds.push(null);
    return this.next++;
  }
}

function freezeResult(result: EngineResult): EngineResult {
  for (const hit of result.hits) Object.freeze(hit);
  Object.freeze(result.hits);
  for (const values of Object.values(result.facets)) {
    for (const value of values) Object.freeze(value);
    Object.freeze(values);
  }
  Object.freeze(result.facets);
  return Object.freeze(result);
}

function grownInts(values: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(size);
  grown.set(values);
  return grown;
}

/** Words of the folded text that a match needs: not negated with `-`, not the `or` keyword. */
export function positiveWords(folded: string): string[] {
  const out: string[] = [];
  for (const token of folded.split(/\s+/)) {
    if (!token || token.startsWith('-') || token === 'or') continue;
    out.push(...words(token));
  }
  return out;
}

/** The query words matched approximately against names: positive, of 3 letters or more. */
export function fuzzyWords(folded: string): string[] {
  return [...new Set(positiveWords(folded).filter((w) => [...w].length >= MIN_FUZZY_LENGTH))];
}

/** The best k by score descending, then user id ascending. */
class TopK {
  private readonly items: Array<{ score: number; userId: string }> = [];

  constructor(private readonly k: number) {}

  offer(score: number, userId: string): void {
    const items = this.items;
    if (items.length === this.k) {
      const worst = items[items.length - 1];
      if (!better(score, userId, worst.score, worst.userId)) return;
      items.pop();
    }
    let i = items.length;
    while (i > 0 && better(score, userId, items[i - 1].score, items[i - 1].userId)) i--;
    items.splice(i, 0, { score, userId });
  }

  sorted(): Array<{ score: number; userId: string }> {
    return this.items;
  }
}

function better(score: number, userId: string, otherScore: number, otherUserId: string): boolean {
  return score > otherScore || (score === otherScore && userId < otherUserId);
}
