import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TalentEngine } from './talent-engine';
import { loadBatch, loadSome, loadStart } from './talent-engine.loader';

/** Past this share of tombstones (updated or removed documents) the engine is rebuilt in the background. */
const REBUILD_DEAD_SHARE = 0.25;
/** The change log keeps a day (talent.search-changes.prune); an engine idle for half of that reloads whole. */
export const STALE_AFTER_MS = 12 * 3600_000;

/** Whose search entry changed; null when anyone's may have (a whole load or rebuild). */
export type EngineChangeListener = (userIds: readonly string[] | null) => void;

interface ChangesRow {
  watermark: string;
  changes: Array<{ id: string; userId: string; keep: boolean }>;
}

/**
 * Holds this process's talent search engine and keeps it exactly as fresh as PostgreSQL: loaded
 * on the first search, then, before every search, caught up with each change committed before
 * that search began (talent_search_changes, read from the last snapshot's xmin). Catching up is
 * serial (applying an older read after a newer one would bring back stale data) and shared: the
 * searches that arrive while one catch-up runs share the next, so 50 concurrent searches cost at
 * most two catch-ups, not fifty.
 */
@Injectable()
export class TalentEngineService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('TalentSearch');
  private engine: TalentEngine | null = null;
  private watermark = '0';
  /**
   * Changes read at or above the watermark, by id. The watermark is the xmin of the whole cluster,
   * so one long transaction anywhere (another database's, even) holds it back, and each catch-up
   * reads the same changes again; applying them again tombstoned those documents every search and
   * set off rebuild after rebuild.
   */
  private applied = new Set<string>();
  private lastSyncAt = 0;
  private loading: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private closing = false;
  private readonly listeners = new Set<EngineChangeListener>();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Heard, before the catch-up that read them resolves, for every change the engine applies: what
   * a caller keeps beside the engine (rows of the same people) is then exactly as fresh as it.
   */
  onChange(listener: EngineChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private tell(userIds: readonly string[] | null): void {
    for (const listener of this.listeners) listener(userIds);
  }

  /** The engine with every change committed before this call applied. */
  async fresh(): Promise<TalentEngine> {
    if (!this.engine || Date.now() - this.lastSyncAt > STALE_AFTER_MS) await this.load();
    await this.catchUp();
    return this.engine!;
  }

  private load(): Promise<void> {
    this.loading ??= this.build()
      .then(({ engine, watermark, committed }) => {
        this.engine = engine;
        this.watermark = watermark;
        this.applied = committed;
        this.lastSyncAt = Date.now();
        this.tell(null);
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }

  private async build(): Promise<{ engine: TalentEngine; watermark: string; committed: Set<string> }> {
    const started = Date.now();
    const manager = this.dataSource.manager;
    // Taken before the first batch: whatever commits while the batches run is caught up afterwards.
    const { watermark, committed, expected } = await loadStart(manager);
    const engine = new TalentEngine(expected);
    let after: string | null = null;
    for (;;) {
      const batch = await loadBatch(manager, after, (doc) => engine.put(doc.userId, doc));
      if (!batch.count) break;
      if (this.closing) throw new Error('the application is shutting down');
      // Parsing 1,000 documents takes tens of milliseconds: let requests through between batches.
      await new Promise((resolve) => setImmediate(resolve));
      after = batch.lastUserId;
    }
    engine.compact();
    this.logger.log(`talent search engine: ${engine.size} documents loaded in ${Date.now() - started} ms`);
    return { engine, watermark, committed: new Set(committed) };
  }

  private catchUp(): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce().finally(() => (this.running = null));
      return this.running;
    }
    // The running catch-up may have read before this search began: wait for the next one.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.catchUp();
      });
    return this.queued;
  }

  private async syncOnce(): Promise<void> {
    if (this.loading) await this.loading;
    const manager = this.dataSource.manager;
    const [row] = await manager.query<ChangesRow[]>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark,
              coalesce(json_agg(json_build_object('id', c.id::text, 'userId', c.user_id, 'keep', c.xid >= pg_snapshot_xmin(pg_current_snapshot()))), '[]') AS changes
         FROM talent_search_changes c WHERE c.xid >= $1::xid8`,
      [this.watermark],
    );
    // A change already applied was read with a document at least as new as it; a later change has a new id.
    const changed = [...new Set(row.changes.filter((c) => !this.applied.has(c.id)).map((c) => c.userId))];
    if (changed.length) {
      // Read after the changes' snapshot, so at least as new as it.
      const docs = await loadSome(manager, changed);
      for (const userId of changed) this.engine!.put(userId, docs.get(userId) ?? null);
      this.tell(changed);
    }
    this.applied = new Set(row.changes.filter((c) => c.keep).map((c) => c.id));
    this.watermark = row.watermark;
    this.lastSyncAt = Date.now();
    if (this.engine!.deadShare() > REBUILD_DEAD_SHARE && !this.rebuilding) this.rebuildInBackground();
  }

  /** Resolves once no load, catch-up or background rebuild is running (tests and shutdown wait on it). */
  async settled(): Promise<void> {
    while (this.loading || this.running || this.queued || this.rebuilding) {
      await Promise.allSettled([this.loading, this.running, this.queued, this.rebuilding]);
    }
  }

  /** A load still reading when the pool closes would fail its queries and hold the process open: stop it at the next batch. */
  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    await this.settled();
  }

  private rebuildInBackground(): void {
    this.rebuilding = this.build()
      .then(async ({ engine, watermark, committed }) => {
        // Swapped between two catch-ups, never during one; the next one starts from the new engine's watermark.
        while (this.running) await this.running.catch(() => undefined);
        this.engine = engine;
        this.watermark = watermark;
        this.applied = committed;
        this.tell(null);
      })
      .catch((error: unknown) => this.logger.warn(`talent search engine rebuild failed: ${String(error)}`))
      .finally(() => (this.rebuilding = null));
  }
}
