import { Injectable } from '@nestjs/common';
import { AlumniProfileObject, ProfileQueryService, ProfileViewer, viewerUserId, VISIBILITIES_SEEN_BY } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { LoaderRegistry, objectText, responseShape, SerialisedField } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { searchViewer } from '../common/talent-viewer';
import { TALENT_MAX_PAGE_SIZE, TalentPageArgs } from './dto/talent-page.args';
import { TalentSearchFilter } from './dto/talent-search.input';
import { TalentFacets, TalentSearchConnection } from './dto/talent-search.object';
import { decodePosition, encodePosition } from './talent-cursor';
import { EngineQuery, EnginePage, EngineViewer, TalentEngine, Visibility } from './engine/talent-engine';
import { TalentEngineService } from './engine/talent-engine.service';
import { parseTsQuery } from './engine/tsquery';
import { TalentPageReader } from './talent-page-reader';

export interface SearchHits {
  totalCount: number;
  hits: Array<{ userId: string; score: number }>;
  hasNextPage: boolean;
  facets: TalentFacets;
}

/** Compiled filters kept (compile): distinct texts and codes recruiters type between two restarts, bounded. */
const COMPILED_CACHE_SIZE = 1000;

/** What graphql-js completes in place of an answer written as text: every non-null field present. */
const STAND_IN: TalentSearchConnection = {
  edges: [],
  totalCount: 0,
  facets: { skills: [], languages: [], teams: [], venues: [], events: [], countries: [], openToWork: [] },
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
};

/**
 * Talent search: the page, its total and its facets from the in-memory engine (kept fresh from
 * PostgreSQL); profiles read by one statement and checked by the alumni policy again. On an HTTP
 * request whose selection reads only plain fields (the search screen), the answer is written as
 * JSON text from those same objects: graphql-js would otherwise walk its few hundred small
 * fields (facet values, edges), which cost more CPU than the search itself.
 */
@Injectable()
export class TalentSearchService {
  /** Off: profiles through the alumni loaders and every answer through graphql-js (the comparison tests). */
  enabled = true;
  /** Off: the same objects, completed by graphql-js (the comparison tests). */
  writeText = true;
  private readonly compiled = new Map<string, Promise<EngineQuery>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfileQueryService,
    private readonly engine: TalentEngineService,
    private readonly reader: TalentPageReader,
  ) {}

  async search(
    actor: Actor,
    filter: TalentSearchFilter,
    page: TalentPageArgs,
    loaders: LoaderRegistry,
    info: GraphQLResolveInfo | null = null,
    field: SerialisedField | null = null,
  ): Promise<TalentSearchConnection> {
    if (!this.enabled) return this.searchByLoaders(actor, filter, page, loaders);
    // First the catch-up: the remembered viewer and rows are then as fresh as the engine.
    const [engine, query] = await Promise.all([this.engine.fresh(), this.compile(filter)]);
    const viewer = await this.reader.viewer(actor, loaders);
    const position = pagePosition(page);
    const found = this.hitsOn(engine, viewer, query, { ...position, facets: true });
    // The policy checks each profile again (belt and braces); the engine already applied the same rule.
    const nodes = await this.reader.page(
      viewer,
      found.hits.map((h) => h.userId),
    );
    const connection = this.connection(found, nodes, position.after);
    const shape = this.writeText && info && field ? responseShape(info) : null;
    const text = shape && objectText(info!.schema, shape, connection);
    if (!text) return connection;
    field!.replay(text);
    return STAND_IN;
  }

  /** The path before the remembered rows and the text: profiles through the alumni loaders (the comparison tests). */
  private async searchByLoaders(actor: Actor, filter: TalentSearchFilter, page: TalentPageArgs, loaders: LoaderRegistry): Promise<TalentSearchConnection> {
    const viewer = await searchViewer(actor, loaders);
    const position = pagePosition(page);
    const found = await this.hits(viewer, filter, { ...position, facets: true });
    const nodes = await this.profiles.many(
      actor,
      found.hits.map((h) => h.userId),
      loaders,
    );
    return this.connection(found, nodes, position.after);
  }

  private connection(found: SearchHits, profiles: AlumniProfileObject[], after: unknown): TalentSearchConnection {
    const nodes = new Map(profiles.map((p) => [p.userId, p]));
    const edges = found.hits.flatMap((h) => {
      const node = nodes.get(h.userId);
      return node ? [{ cursor: cursorOf(h), score: h.score, node }] : [];
    });
    const connection: TalentSearchConnection = {
      edges,
      totalCount: found.totalCount,
      facets: found.facets,
      pageInfo: { hasNextPage: found.hasNextPage, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
    return connection;
  }

  /** The ids, scores, total and facets for this viewer; saved-search alerts use it too. */
  async hits(viewer: ProfileViewer, filter: TalentSearchFilter, page: EnginePage): Promise<SearchHits> {
    const [engine, query] = await Promise.all([this.engine.fresh(), this.compile(filter)]);
    return this.hitsOn(engine, viewer, query, page);
  }

  private hitsOn(engine: TalentEngine, viewer: ProfileViewer, query: EngineQuery, page: EnginePage): SearchHits {
    const after = page.after ? { score: page.after.score, userId: page.after.userId.toLowerCase() } : null;
    const found = engine.search(engineViewer(viewer), query, { ...page, after });
    return {
      totalCount: found.total,
      hits: found.hits.slice(0, page.first),
      hasNextPage: found.hits.length > page.first,
      facets: found.facets as TalentFacets,
    };
  }

  /**
   * compileInDatabase, remembered by filter: folding and parsing depend on the text and on the
   * database's functions and dictionaries only (talent_fold, the text search configurations), which
   * change by migration, not while the process runs. A failed compile is not kept.
   */
  private compile(filter: TalentSearchFilter): Promise<EngineQuery> {
    const key = compileKey(filter);
    let query = this.compiled.get(key);
    if (query) {
      this.compiled.delete(key);
    } else {
      query = this.compileInDatabase(filter);
      void query.catch(() => this.compiled.get(key) === query && this.compiled.delete(key));
      if (this.compiled.size >= COMPILED_CACHE_SIZE) this.compiled.delete(this.compiled.keys().next().value!);
    }
    this.compiled.set(key, query);
    return query;
  }

  /** The filter as the engine reads it; PostgreSQL folds the words (unaccent, lower) and parses the text (stemming, stop words). */
  private async compileInDatabase(filter: TalentSearchFilter): Promise<EngineQuery> {
    const text = filter.text?.trim() ? filter.text.trim() : null;
    const skills = filter.skills ?? [];
    const codes = (list: string[] | null | undefined) => list ?? [];
    const query: EngineQuery = {
      tsquery: null,
      foldedText: null,
      skillLevels: [],
      languageLevels: [...new Set((filter.languages ?? []).map((l) => `${l.code}:${LANGUAGE_RANK.indexOf(l.minLevel ?? 'A1') + 1}`))],
      teams: [],
      venues: [],
      events: [],
      country: filter.country ?? null,
      city: null,
      openToWork: filter.openToWork ?? null,
      minMinutes: filter.minVerifiedHours ? Math.ceil(filter.minVerifiedHours * 60) : null,
    };
    const needsDatabase = text || skills.length || filter.city || filter.teams?.length || filter.venues?.length || filter.events?.length;
    if (!needsDatabase) return query;
    const [row] = await this.dataSource.query<FoldedRow[]>(
      `SELECT CASE WHEN $1::text IS NULL THEN NULL ELSE talent_fold($1) END AS folded,
              CASE WHEN $1::text IS NULL THEN NULL
                   ELSE (websearch_to_tsquery('english', talent_fold($1)) || websearch_to_tsquery('french', talent_fold($1)))::text END AS tsquery,
              ARRAY(SELECT DISTINCT talent_fold(t) || ':' || l FROM unnest($2::text[], $3::int[]) AS u(t, l)) AS skill_levels,
              CASE WHEN $4::text IS NULL THEN NULL ELSE talent_fold($4) END AS city,
              ARRAY(SELECT DISTINCT lower(c) FROM unnest($5::text[]) c) AS teams,
              ARRAY(SELECT DISTINCT lower(c) FROM unnest($6::text[]) c) AS venues,
              ARRAY(SELECT DISTINCT lower(c) FROM unnest($7::text[]) c) AS events`,
      [
        text,
        skills.map((s) => s.skill),
        skills.map((s) => s.minLevel ?? 1),
        filter.city ?? null,
        codes(filter.teams),
        codes(filter.venues),
        codes(filter.events),
      ],
    );
    return {
      ...query,
      foldedText: row.folded,
      tsquery: row.tsquery ? parseTsQuery(row.tsquery) : null,
      skillLevels: row.skill_levels,
      city: row.city,
      teams: row.teams,
      venues: row.venues,
      events: row.events,
    };
  }
}

interface FoldedRow {
  folded: string | null;
  tsquery: string | null;
  skill_levels: string[];
  city: string | null;
  teams: string[];
  venues: string[];
  events: string[];
}

const LANGUAGE_RANK = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];

/** The engine's remembered hits are frozen and shared by every request asking the same: each one's cursor, written once. */
const cursors = new WeakMap<object, string>();
function cursorOf(hit: { userId: string; score: number }): string {
  if (!Object.isFrozen(hit)) return encodePosition(hit);
  let cursor = cursors.get(hit);
  if (cursor === undefined) cursors.set(hit, (cursor = encodePosition(hit)));
  return cursor;
}

/** The page size and position asked for; the arguments' validation refuses a bad size already, a caller inside the process gets the same answer. */
function pagePosition(page: TalentPageArgs): Pick<EnginePage, 'first' | 'after'> {
  const first = page.first ?? TALENT_MAX_PAGE_SIZE;
  if (first < 1 || first > TALENT_MAX_PAGE_SIZE) throw BadInputError.field('first', `From 1 to ${TALENT_MAX_PAGE_SIZE} results a page`, 'max');
  return { first, after: page.after ? decodePosition(page.after) : null };
}

/** The alumni policy's rule (visibleProfileSql) in the engine's terms. */
function engineViewer(viewer: ProfileViewer): EngineViewer {
  return {
    visibilities: VISIBILITIES_SEEN_BY[viewer.kind] as readonly Visibility[],
    organisationId: viewer.kind === 'RECRUITER' ? viewer.organisationId : null,
    selfUserId: viewerUserId(viewer),
  };
}

/**
 * The compiled-filter cache's key. A filter validated once (@ValidatedOnce) is deep-frozen and the
 * same object for every request sending it: its key is written once.
 */
const compileKeys = new WeakMap<object, string>();
function compileKey(filter: TalentSearchFilter): string {
  const known = compileKeys.get(filter);
  if (known !== undefined) return known;
  const key = JSON.stringify([
    filter.text ?? null,
    filter.skills?.map((s) => [s.skill, s.minLevel ?? null]) ?? null,
    filter.languages?.map((l) => [l.code, l.minLevel ?? null]) ?? null,
    filter.teams ?? null,
    filter.venues ?? null,
    filter.events ?? null,
    filter.minVerifiedHours ?? null,
    filter.country ?? null,
    filter.city ?? null,
    filter.openToWork ?? null,
  ]);
  if (deeplyFrozen(filter)) compileKeys.set(filter, key);
  return key;
}

function deeplyFrozen(value: unknown): boolean {
  return typeof value !== 'object' || value === null || (Object.isFrozen(value) && Object.values(value).every(deeplyFrozen));
}
