import { ProfileViewer, SqlCondition, toPositional, visibleProfileSql } from '@baton/alumni';
import type { TalentSearchFilter } from '../../libs/talent/src/search/dto/talent-search.input';
import { FACETS, Facet, FUZZY_THRESHOLD } from '../../libs/talent/src/search/engine/talent-engine';
import type { SearchPosition } from '../../libs/talent/src/search/talent-cursor';

const LANGUAGE_RANK = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];
const FACET_VALUES: Record<Facet, string> = {
  skills: 'unnest(m.skill_keys)',
  languages: 'unnest(m.language_codes)',
  teams: 'unnest(m.team_codes)',
  venues: 'unnest(m.venue_codes)',
  events: 'unnest(m.event_codes)',
  countries: 'unnest(array_remove(ARRAY[m.country], NULL))',
  openToWork: 'unnest(ARRAY[m.open_to_work::text])',
};
export const FACET_SIZE = 20;

export interface CompiledSearch {
  sql: string;
  values: unknown[];
}

const lower = (list: readonly string[] | null | undefined) => [...new Set((list ?? []).map((t) => t.toLowerCase()))];

/**
 * The talent search engine's semantics in plain SQL, read straight from the tables: the oracle
 * that test/e2e/talent-engine.e2e-spec.ts compares the in-memory engine with (which people
 * match, the total, every facet), and what test/bench/talent-sql.ts times. It ranks with
 * ts_rank_cd, not the engine's score, so only sets and counts are compared. It needs the query
 * words the engine matches approximately (`fuzzyWords`, from positiveWords of the folded text).
 *
 * One statement for a page, its total and every facet. The CTE `m` is the people this viewer may
 * see (the alumni policy's own SQL, visibility, consent and blocks read now) that match the text
 * (GIN on the tsvector, or trigrams on names and skills); each other filter becomes a boolean column
 * of `m`, so a facet counts the rows passing every filter but its own. Filters on the document
 * only see what the person shows: hidden sections never reached the document.
 * `excludeIds`: people already sent by a saved search's alerts.
 */
export function compileSearch(
  viewer: ProfileViewer,
  filter: TalentSearchFilter,
  page: { first: number; after: SearchPosition | null; facets: boolean; fuzzyWords?: string[] },
): CompiledSearch {
  const params: Record<string, unknown> = {};
  const visible: SqlCondition = visibleProfileSql(viewer, 'p', 'v');
  Object.assign(params, visible.params);
  const text = filter.text?.trim() ? filter.text.trim() : null;
  let match = 'TRUE';
  let score = 'd.verified_minutes::float8';
  let textCtes = '';
  let textJoin = '';
  if (text) {
    params.text = text;
    // The query and the folded text once (one-row CTE q); trigram matches from the GIN index (CTE t),
    // so word similarity is computed for the names that pass `<%` only, never for every document.
    params.fuzzyWords = page.fuzzyWords ?? [];
    params.threshold = FUZZY_THRESHOLD;
    textCtes = `q AS (SELECT (websearch_to_tsquery('english', talent_fold(:text)) || websearch_to_tsquery('french', talent_fold(:text))) AS query),
      t AS MATERIALIZED (SELECT d.user_id, 0::float8 AS similarity FROM talent_documents d
                          WHERE cardinality(CAST(:fuzzyWords AS text[])) > 0
                            AND NOT EXISTS (SELECT 1 FROM unnest(CAST(:fuzzyWords AS text[])) w
                                             WHERE NOT EXISTS (SELECT 1 FROM regexp_split_to_table(d.names, '[^[:alnum:]]+') nw
                                                                WHERE nw <> '' AND similarity(w, nw) >= CAST(:threshold AS float8)))),`;
    textJoin = 'CROSS JOIN q LEFT JOIN t ON t.user_id = d.user_id';
    match = `(d.document @@ q.query OR t.user_id IS NOT NULL)`;
    score = `(ts_rank_cd(d.document, q.query) + coalesce(t.similarity, 0))::float8`;
  }
  const flags: Record<Facet | 'hours' | 'city', string> = {
    skills: 'TRUE',
    languages: 'TRUE',
    teams: 'TRUE',
    venues: 'TRUE',
    events: 'TRUE',
    countries: 'TRUE',
    openToWork: 'TRUE',
    hours: 'TRUE',
    city: 'TRUE',
  };
  if (filter.skills?.length) {
    params.skillTerms = filter.skills.map((s) => s.skill);
    params.skillLevels = filter.skills.map((s) => s.minLevel ?? 1);
    flags.skills = `d.skill_levels @> ARRAY(SELECT talent_fold(t) || ':' || l FROM unnest(CAST(:skillTerms AS text[]), CAST(:skillLevels AS int[])) AS u(t, l))`;
  }
  if (filter.languages?.length) {
    params.languageLevels = filter.languages.map((l) => `${l.code}:${LANGUAGE_RANK.indexOf(l.minLevel ?? 'A1') + 1}`);
    flags.languages = `d.language_levels @> CAST(:languageLevels AS text[])`;
  }
  for (const [facet, column] of [
    ['teams', 'team_codes'],
    ['venues', 'venue_codes'],
    ['events', 'event_codes'],
  ] as const) {
    const codes = lower(filter[facet]);
    if (codes.length) {
      params[facet] = codes;
      flags[facet] = `d.${column} && CAST(:${facet} AS text[])`;
    }
  }
  if (filter.country) {
    params.country = filter.country;
    flags.countries = 'd.country = :country';
  }
  if (filter.openToWork !== undefined && filter.openToWork !== null) {
    params.openToWork = filter.openToWork;
    flags.openToWork = 'd.open_to_work = :openToWork';
  }
  if (filter.minVerifiedHours) {
    params.minMinutes = Math.ceil(filter.minVerifiedHours * 60);
    flags.hours = 'd.verified_minutes >= :minMinutes';
  }
  if (filter.city) {
    params.city = filter.city;
    flags.city = 'd.city = talent_fold(:city)';
  }
  const names = Object.keys(flags) as Array<keyof typeof flags>;
  const all = names.map((n) => `m.f_${n.toLowerCase()}`).join(' AND ');
  const allBut = (facet: Facet) =>
    names
      .filter((n) => n !== facet)
      .map((n) => `m.f_${n.toLowerCase()}`)
      .join(' AND ');
  params.limit = page.first + 1;
  let after = 'TRUE';
  if (page.after) {
    params.afterScore = page.after.score;
    params.afterId = page.after.userId;
    after = '(m.score < CAST(:afterScore AS float8) OR (m.score = CAST(:afterScore AS float8) AND m.user_id > CAST(:afterId AS uuid)))';
  }
  const facetSql = page.facets
    ? FACETS.map(
        (facet, i) =>
          `(SELECT coalesce(json_agg(json_build_array(f.value, f.n)), '[]') FROM (
              SELECT value, count(*)::int AS n FROM m, ${FACET_VALUES[facet]} AS value WHERE ${allBut(facet)}
               GROUP BY value ORDER BY n DESC, value COLLATE "C" LIMIT ${FACET_SIZE}) f) AS facet_${i}`,
      ).join(',\n')
    : FACETS.map((_, i) => `'[]'::json AS facet_${i}`).join(', ');
  const flagSql = names.map((n) => `${flags[n]} AS f_${n.toLowerCase()}`).join(', ');
  // The rank is dear (the whole tsvector read again, similarity): only rows passing every filter need it.
  const everyFilter = names.map((n) => flags[n]).join(' AND ');
  const sql = `WITH ${textCtes}
    m AS MATERIALIZED (
      SELECT d.user_id, d.skill_keys, d.language_codes, d.team_codes, d.venue_codes, d.event_codes, d.country, d.open_to_work,
             CASE WHEN ${everyFilter} THEN ${score} END AS score, ${flagSql}
        FROM talent_documents d JOIN alumni_profiles p ON p.user_id = d.user_id ${textJoin}
       WHERE ${visible.sql} AND ${match}
    )
    SELECT (SELECT count(*)::int FROM m WHERE ${all}) AS total,
           (SELECT coalesce(json_agg(json_build_array(r.user_id, r.score)), '[]') FROM (
              SELECT m.user_id, m.score FROM m WHERE ${all} AND ${after} ORDER BY m.score DESC, m.user_id LIMIT :limit) r) AS page,
           ${facetSql}`;
  return toPositional(sql, params);
}
