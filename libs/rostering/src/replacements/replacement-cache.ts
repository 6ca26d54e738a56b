import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { DatabaseNotifications } from '@baton/database';
import type { ReplacementCandidateObject } from './replacement.dto';

/** The topic of the triggers of migration ReplacementChangeNotifications. */
export const REPLACEMENTS_CHANGED = 'replacements';

/** Far more than the open shifts a room of coordinators works on at once; the oldest entry goes first. */
const MAX_ENTRIES = 2_000;
/** Not what keeps an answer right (the notifications do): a bound on what a write path the triggers miss could leave. */
const TTL_MS = 60_000;

interface Entry {
  candidates: readonly ReplacementCandidateObject[];
  expiresAt: number;
}

/**
 * Replacement answers per question: the shift's values that the search reads, its rules and the
 * page size make the key (ReplacementService), so an edit of the shift or of the rules asks a new
 * question. Everything else the ranking and the verdicts read (assignments and working days of
 * every event, staff records, skills, availability, venues) is watched by triggers that notify on
 * any write, and the cache is emptied whole: one assignment moves the workload score of the whole
 * ranking. A write made through this process has been heard when its statement returns (see
 * DatabaseNotifications), so the next request computes afresh; other processes' writes arrive on
 * every instance's own listening connections. While a change could go unheard (the database's
 * change feed down) the cache is not used. Time here is the process's own clock: a cache
 * lifetime, not a business time (the rules that depend on the time, the shift being over, are
 * judged on every request before the cache is asked).
 *
 * Single flight: a question asked while its answer is being computed waits for that answer. A
 * change empties that too: those already waiting get the answer they asked before the change,
 * anyone after starts afresh.
 */
@Injectable()
export class ReplacementCache implements OnModuleDestroy {
  private readonly entries = new Map<string, Entry>();
  private readonly computing = new Map<string, Promise<readonly ReplacementCandidateObject[]>>();
  /** Moves on every change heard: an answer computed across one must not be stored. */
  private generation = 0;
  private readonly unsubscribe: () => void;

  constructor(private readonly notifications: DatabaseNotifications) {
    this.unsubscribe = notifications.on(REPLACEMENTS_CHANGED, () => this.clear());
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  /** The marker to hand back to `set`, taken before reading the database. */
  get version(): number {
    return this.generation;
  }

  get(key: string): readonly ReplacementCandidateObject[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > performance.now() && this.notifications.live) return entry.candidates;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, candidates: readonly ReplacementCandidateObject[], version: number): void {
    if (!this.notifications.live || version !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { candidates, expiresAt: performance.now() + TTL_MS });
  }

  /**
   * The kept answer, or the one being computed, or `compute()`'s, kept if no change was heard since
   * `version` was taken.
   */
  async answer(key: string, version: number, compute: () => Promise<ReplacementCandidateObject[]>): Promise<readonly ReplacementCandidateObject[]> {
    const kept = this.get(key);
    if (kept) return kept;
    if (!this.notifications.live || version !== this.generation) return compute();
    const pending = this.computing.get(key);
    if (pending) return pending;
    const computed = compute().then(
      (candidates) => {
        if (this.computing.get(key) === computed) this.computing.delete(key);
        this.set(key, candidates, version);
        return candidates;
      },
      (error: unknown) => {
        if (this.computing.get(key) === computed) this.computing.delete(key);
        throw error;
      },
    );
    this.computing.set(key, computed);
    return computed;
  }

  /** How many answers are kept (tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
    this.computing.clear();
  }
}
