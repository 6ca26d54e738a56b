import { Bitset } from './bitset';
import { Postings } from './postings';
import { similarity, trigrams, words } from './trigrams';
import { positiveLexemes, TsQuery } from './tsquery';

export type Visibility = 'PRIVATE' | 'ALUMNI' | 'PARTNERS';

/** One row of talent_documents with what decides who sees it (alumni_profiles, alumni_consents, alumni_organisation_blocks). */
export interface EngineDocument {
  userId: string;
  visibility: Visibility;
  consent: boolean;
  blockedBy: readonly string[];
  /** Each lexeme of the tsvector with its best weight class: 3 = A … 0 = D. */
  lexemes: ReadonlyArray<readonly [string, number]>;
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

interface StoredDocument extends Omit<EngineDocument, 'lexemes' | 'names'> {
  nameWords: readonly string[];
}

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
 * - score: Σ over the query's lexemes found of weight(class) × ln(1 + N / df), plus the mean best
 *   name similarity when the names match; without text, verified minutes;
 * - order: score descending, then user id; facets count every filter but their own.
 *
 * An updated document gets a new number and the old one becomes a tombstone; `deadShare()` tells
 * the service when to rebuild.
 */
export class TalentEngine {
  private capacity = 1024;
  private next = 0;
  private docs: Array<StoredDocument | null> = [];
  private readonly byUser = new Map<string, number>();
  private live = new Bitset(this.capacity);
  private consenting = new Bitset(this.capacity);
  private readonly byVisibility: Record<Visibility, Bitset> = {
    PRIVATE: new Bitset(this.capacity),
    ALUMNI: new Bitset(this.capacity),
    PARTNERS: new Bitset(this.capacity),
  };
  private readonly blocks = new Map<string, Set<number>>();
  private readonly lexemes = new Map<string, Postings>();
  private readonly nameWords = new Map<string, Postings>();
  private readonly wordsByTrigram = new Map<string, Set<string>>();
  private readonly values = {
    skillLevels: new Map<string, Postings>(),
    languageLevels: new Map<string, Postings>(),
    teams: new Map<string, Postings>(),
    venues: new Map<string, Postings>(),
    events: new Map<string, Postings>(),
  };
  private readonly strings = new Map<string, string>();
  private dead = 0;

  get size(): number {
    return this.byUser.size;
  }

  deadShare(): number {
    return this.next === 0 ? 0 : this.dead / this.next;
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  /** Adds or replaces a person's document; `null` removes it. */
  put(userId: string, doc: EngineDocument | null): void {
    const old = this.byUser.get(userId);
    if (old !== undefined) {
      this.docs[old] = null;
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
    const nameWords = [...new Set(words(doc.names))].map((w) => this.intern(w));
    this.docs[id] = {
      userId: doc.userId,
      visibility: doc.visibility,
      consent: doc.consent,
      blockedBy: doc.blockedBy,
      nameWords,
      skillKeys: doc.skillKeys.map((v) => this.intern(v)),
      skillLevels: doc.skillLevels,
      languageCodes: doc.languageCodes.map((v) => this.intern(v)),
      languageLevels: doc.languageLevels,
      teamCodes: doc.teamCodes.map((v) => this.intern(v)),
      venueCodes: doc.venueCodes.map((v) => this.intern(v)),
      eventCodes: doc.eventCodes.map((v) => this.intern(v)),
      verifiedMinutes: doc.verifiedMinutes,
      country: doc.country === null ? null : this.intern(doc.country),
      city: doc.city === null ? null : this.intern(doc.city),
      openToWork: doc.openToWork,
    };
    this.live.add(id);
    if (doc.consent) this.consenting.add(id);
    this.byVisibility[doc.visibility].add(id);
    for (const organisation of doc.blockedBy) {
      const set = this.blocks.get(organisation) ?? new Set<number>();
      set.add(id);
      this.blocks.set(organisation, set);
    }
    for (const [lexeme, weight] of doc.lexemes) this.post(this.lexemes, lexeme, id, true, weight);
    for (const word of nameWords) {
      if (!this.nameWords.has(word)) for (const t of trigrams(word)) this.wordsByTrigram.set(t, (this.wordsByTrigram.get(t) ?? new Set()).add(word));
      this.post(this.nameWords, word, id, false);
    }
    for (const v of doc.skillLevels) this.post(this.values.skillLevels, v, id, false);
    for (const v of doc.languageLevels) this.post(this.values.languageLevels, v, id, false);
    for (const v of doc.teamCodes) this.post(this.values.teams, v, id, false);
    for (const v of doc.venueCodes) this.post(this.values.venues, v, id, false);
    for (const v of doc.eventCodes) this.post(this.values.events, v, id, false);
  }

  search(viewer: EngineViewer, query: EngineQuery, page: EnginePage): EngineResult {
    const seen = this.visibleTo(viewer);
    const text = query.foldedText !== null;
    const scores = text ? new Float64Array(this.next) : null;
    let matches = seen;
    if (text) {
      const fts = query.tsquery ? this.evaluate(query.tsquery).and(seen) : new Bitset(this.capacity);
      this.rank(query.tsquery, scores!);
      const fuzzy = this.fuzzy(query.foldedText!, seen, scores!);
      matches = fuzzy ? fts.or(fuzzy) : fts;
    }
    const filters = this.filterSets(query);
    const facetCounts = FACETS.map(() => new Map<string, number>());
    const best = new TopK(page.first + 1);
    const after = page.after;
    let total = 0;
    matches.forEach((id) => {
      const doc = this.docs[id]!;
      let fails = 0;
      if (filters.skills && !filters.skills.has(id)) fails |= FILTER_BIT.skills;
      if (filters.languages && !filters.languages.has(id)) fails |= FILTER_BIT.languages;
      if (filters.teams && !filters.teams.has(id)) fails |= FILTER_BIT.teams;
      if (filters.venues && !filters.venues.has(id)) fails |= FILTER_BIT.venues;
      if (filters.events && !filters.events.has(id)) fails |= FILTER_BIT.events;
      if (query.country !== null && doc.country !== query.country) fails |= FILTER_BIT.countries;
      if (query.openToWork !== null && doc.openToWork !== query.openToWork) fails |= FILTER_BIT.openToWork;
      if (query.minMinutes !== null && doc.verifiedMinutes < query.minMinutes) fails |= FILTER_BIT.hours;
      if (query.city !== null && doc.city !== query.city) fails |= FILTER_BIT.city;
      if (page.facets && (fails & (fails - 1)) === 0) {
        for (let f = 0; f < FACETS.length; f++) {
          const bit = FILTER_BIT[FACETS[f]];
          if (fails !== 0 && fails !== bit) continue;
          const counts = facetCounts[f];
          for (const value of facetValues(doc, FACETS[f])) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
      }
      if (fails !== 0) return;
      total++;
      const score = scores ? scores[id] : doc.verifiedMinutes;
      if (after && !(score < after.score || (score === after.score && doc.userId > after.userId))) return;
      best.offer(score, doc.userId);
    });
    const facets = Object.fromEntries(FACETS.map((f, i) => [f, topValues(facetCounts[i])])) as EngineResult['facets'];
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
        for (const postings of this.lexemePostings(q)) for (let i = 0; i < postings.length; i++) set.add(postings.ids[i]);
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

  private rank(q: TsQuery | null, scores: Float64Array): void {
    const n = Math.max(1, this.size);
    const counted = new Set<string>();
    for (const lexeme of positiveLexemes(q)) {
      if (lexeme.op !== 'lexeme') continue;
      for (const postings of this.lexemePostings(lexeme)) {
        const key = `${lexeme.prefix}:${lexeme.lexeme}:${postings.ids[0]}`;
        if (counted.has(key)) continue;
        counted.add(key);
        const idf = Math.log(1 + n / postings.length);
        for (let i = 0; i < postings.length; i++) scores[postings.ids[i]] += WEIGHTS[postings.weights![i]] * idf;
      }
    }
  }

  /** Everyone whose names hold, for each query word, a word close enough; adds the mean best similarity to their score. */
  private fuzzy(folded: string, seen: Bitset, scores: Float64Array): Bitset | null {
    const queryWords = fuzzyWords(folded);
    if (!queryWords.length) return null;
    let all: Bitset | null = null;
    const sums = new Float64Array(this.next);
    for (const word of queryWords) {
      const mine = trigrams(word);
      const candidates = new Set<string>();
      for (const t of mine) for (const w of this.wordsByTrigram.get(t) ?? []) candidates.add(w);
      const matched = new Bitset(this.capacity);
      const bestHere = new Float64Array(this.next);
      for (const candidate of candidates) {
        const s = similarity(mine, trigrams(candidate));
        if (s < FUZZY_THRESHOLD) continue;
        const postings = this.nameWords.get(candidate)!;
        for (let i = 0; i < postings.length; i++) {
          const id = postings.ids[i];
          matched.add(id);
          if (s > bestHere[id]) bestHere[id] = s;
        }
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

  private bits(postings: Postings | undefined): Bitset {
    const set = new Bitset(this.capacity);
    if (postings) for (let i = 0; i < postings.length; i++) set.add(postings.ids[i]);
    return set;
  }

  private post(map: Map<string, Postings>, key: string, id: number, weighted: boolean, weight = 0): Postings {
    let postings = map.get(key);
    if (!postings) {
      postings = new Postings(weighted);
      map.set(this.intern(key), postings);
    }
    postings.append(id, weight);
    return postings;
  }

  private intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  private allocate(): number {
    if (this.next === this.capacity) {
      this.capacity *= 2;
      this.live = this.live.grown(this.capacity);
      this.consenting = this.consenting.grown(this.capacity);
      for (const v of Object.keys(this.byVisibility) as Visibility[]) this.byVisibility[v] = this.byVisibility[v].grown(this.capacity);
    }
    this.docs.push(null);
    return this.next++;
  }
}

function facetValues(doc: StoredDocument, facet: Facet): readonly string[] {
  switch (facet) {
    case 'skills':
      return doc.skillKeys;
    case 'languages':
      return doc.languageCodes;
    case 'teams':
      return doc.teamCodes;
    case 'venues':
      return doc.venueCodes;
    case 'events':
      return doc.eventCodes;
    case 'countries':
      return doc.country === null ? [] : [doc.country];
    case 'openToWork':
      return [doc.openToWork ? 'true' : 'false'];
  }
}

/** The most frequent values, ties by value in code point order. */
function topValues(counts: Map<string, number>): Array<{ value: string; count: number }> {
  return [...counts]
    .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, FACET_SIZE)
    .map(([value, count]) => ({ value, count }));
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
