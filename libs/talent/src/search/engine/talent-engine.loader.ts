import { PoolClient, Query } from 'pg';
import { EntityManager } from 'typeorm';
import { EngineDocument, Visibility } from './talent-engine';

interface DocumentRow {
  user_id: string;
  visibility: Visibility;
  consent: boolean;
  blocked_by: string[];
  document: string;
  names: string;
  skill_keys: string[];
  skill_levels: string[];
  language_codes: string[];
  language_levels: string[];
  team_codes: string[];
  venue_codes: string[];
  event_codes: string[];
  verified_minutes: number;
  country: string | null;
  city: string | null;
  open_to_work: boolean;
}

/** The tsvector as text (PostgreSQL's own output, the cheapest form to produce: 5,000 documents in ~0.2 s); parsed here. */
const SELECT = `
  SELECT d.user_id, p.visibility::text AS visibility,
         EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = d.user_id AND c.withdrawn_at IS NULL) AS consent,
         ARRAY(SELECT b.organisation_id::text FROM alumni_organisation_blocks b WHERE b.user_id = d.user_id) AS blocked_by,
         d.document::text AS document,
         d.names, d.skill_keys, d.skill_levels, d.language_codes, d.language_levels, d.team_codes, d.venue_codes, d.event_codes,
         d.verified_minutes, d.country, d.city, d.open_to_work
    FROM talent_documents d JOIN alumni_profiles p ON p.user_id = d.user_id`;

/** Small enough that parsing one batch holds the event loop for tens of milliseconds only. */
export const LOAD_BATCH = 1_000;

/**
 * Documents after a user id, in id order (keyset batches of the first load), each handed to
 * `visit` as its row arrives; resolves with how many came and the last user id. Streamed rather
 * than returned as an array: a batch's rows (~4 KiB of strings each) lived until the whole result
 * had arrived and been put, long enough to survive two scavenges, so V8 promoted nearly every
 * row it loaded (~430 MiB over 100k documents) and the old generation grew to ~200 MiB committed
 * for ~65 MiB live; that peak is what the API's RSS kept after the load. A row put as soon as it
 * is parsed dies young.
 */
export async function loadBatch(
  manager: EntityManager,
  afterUserId: string | null,
  visit: (doc: EngineDocument) => void,
): Promise<{ count: number; lastUserId: string | null }> {
  const runner = manager.connection.createQueryRunner();
  try {
    // TypeORM's pg client: the same pool, connection settings and type parsers as manager.query.
    const client = (await runner.connect()) as PoolClient;
    let count = 0;
    let lastUserId: string | null = null;
    let failed: unknown = null;
    await new Promise<void>((resolve, reject) => {
      // With a 'row' listener and no callback, pg hands each row over and keeps none.
      const query = client.query<Query<DocumentRow>>(
        new Query<DocumentRow>(`${SELECT} WHERE $1::uuid IS NULL OR d.user_id > $1 ORDER BY d.user_id LIMIT ${LOAD_BATCH}`, [afterUserId]),
      );
      query.on('row', (row: DocumentRow) => {
        if (failed !== null) return;
        // A throw here would escape into pg's socket handler: kept, and the batch rejected once the result has been read.
        try {
          visit(toDocument(row));
          count++;
          lastUserId = row.user_id;
        } catch (error) {
          failed = error;
        }
      });
      query.on('error', reject);
      query.on('end', () => (failed === null ? resolve() : reject(failed as Error)));
    });
    return { count, lastUserId };
  } finally {
    await runner.release();
  }
}

/** These people's documents now; someone missing has no document (or no profile) any more. */
export async function loadSome(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, EngineDocument>> {
  const rows = await manager.query<DocumentRow[]>(`${SELECT} WHERE d.user_id = ANY($1::uuid[])`, [userIds]);
  return new Map(rows.map((r) => [r.user_id, toDocument(r)]));
}

/**
 * The current snapshot's xmin (every transaction with a smaller id has ended); the changes at or
 * above it already committed: a load that starts now reads their effect, so they need not be
 * applied again (while a long transaction anywhere holds the xmin back, they would be read by
 * every catch-up after the load); and how many documents a full load is about to read, so the
 * engine is sized for them before the first batch. One statement, as the watermark alone was.
 */
export async function loadStart(manager: EntityManager): Promise<{ watermark: string; committed: string[]; expected: number }> {
  const [row] = await manager.query<Array<{ watermark: string; committed: string[]; expected: number }>>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark,
            ARRAY(SELECT c.id::text FROM talent_search_changes c WHERE c.xid >= pg_snapshot_xmin(pg_current_snapshot())) AS committed,
            (SELECT count(*)::int FROM talent_documents) AS expected`,
  );
  return row;
}

function toDocument(r: DocumentRow): EngineDocument {
  return {
    userId: r.user_id,
    visibility: r.visibility,
    consent: r.consent,
    blockedBy: r.blocked_by,
    tsvector: r.document,
    names: r.names,
    skillKeys: r.skill_keys,
    skillLevels: r.skill_levels,
    languageCodes: r.language_codes,
    languageLevels: r.language_levels,
    teamCodes: r.team_codes,
    venueCodes: r.venue_codes,
    eventCodes: r.event_codes,
    verifiedMinutes: r.verified_minutes,
    country: r.country,
    city: r.city,
    openToWork: r.open_to_work,
  };
}
