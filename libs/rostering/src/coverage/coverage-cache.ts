import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { SharedText } from '@baton/graphql';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { CoverageBucket, CoverageObject } from './coverage.dto';
import type { BoardGrant } from '../access/roster-access';
import { COVERAGE_TOPICS, coverageTouches, CoverageTouch } from './coverage-changes';

/** The question after the viewer's scope narrowed it: the only thing two viewers must share to share an answer. */
export interface CoverageQuestion {
  eventId: string;
  bucket: CoverageBucket;
  from: Date;
  to: Date;
  /** Sorted; null = every venue (or team) of the event. */
  venueIds: string[] | null;
  teamIds: string[] | null;
  /** The viewer's grants pair by pair when the per-axis lists say more (boardGrants); null otherwise. */
  grants: BoardGrant[] | null;
}

/** One computed board, and the texts graphql-js made of it (one per selection set asked). */
export class CoverageEntry {
  /** Set when the answer arrived; until then the entry only shares the computation. */
  expiresAt = Number.POSITIVE_INFINITY;
  /** False once a change touched its scope (or it expired): nothing more is kept in it. */
  live = true;
  readonly texts = new Map<string, SharedText>();
  /** Texts being made by one request: the others asking the same selection meanwhile wait for it instead of completing it too. */
  readonly making = new Map<string, Promise<SharedText | null>>();
  bytes = 0;
  readonly venues: ReadonlySet<string> | null;
  readonly teams: ReadonlySet<string> | null;

  constructor(
    readonly key: string,
    readonly question: CoverageQuestion,
    /** The business time the answer was computed at (gaps leave out shifts already over). */
    readonly nowMs: number,
    readonly answer: Promise<CoverageObject>,
  ) {
    this.venues = question.venueIds && new Set(question.venueIds);
    this.teams = question.teamIds && new Set(question.teamIds);
  }

  covers(touch: CoverageTouch): boolean {
    return touch.eventId === this.question.eventId && (!this.venues || this.venues.has(touch.venueId)) && (!this.teams || this.teams.has(touch.teamId));
  }
}

/** Kept answers and texts together; a whole-event DAY board is ~1.4 MB of text and ~2 MB of objects at Paris scale. */
const MAX_BYTES = 48 * 1024 * 1024;
/** What one cell or gap object of a kept answer holds on the heap, roughly (8 fields, shared Dates). */
const OBJECT_BYTES = 120;
const MAX_ENTRIES = 500;

/**
 * Coverage boards per question (event, bucket, window and the venues and teams left after the
 * viewer's scope narrowed them), so the room of coordinators refreshing the same board at a
 * shift change costs one statement and one serialisation, not one each.
 *
 * Single flight: a question asked while its answer is being computed waits for that answer.
 * Kept `cacheSeconds` after it arrived, unless a message of COVERAGE_TOPICS touches one of its
 * venues and teams first: the entry goes at once, also while it is still being computed (those
 * already waiting get the answer they asked before the change; anyone after starts afresh).
 * The messages travel through the PubSub, Redis across instances, after each write's commit,
 * so every instance drops the same boards; the cache lifetime bounds what a lost message
 * (or a write outside the API) can leave behind. Time here is the process's own clock: a cache
 * lifetime, not a business time; an answer computed at another business time (a test clock
 * moved) is not reused either.
 */
@Injectable()
export class CoverageCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly ttlMs: number;
  private readonly entries = new Map<string, CoverageEntry>();
  private bytes = 0;
  private subscriptions: number[] = [];

  constructor(
    config: BatonConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {
    this.ttlMs = config.coverage.cacheSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.ttlMs) return;
    for (const topic of COVERAGE_TOPICS) {
      this.subscriptions.push(await this.pubSub.subscribe(topic, (message: unknown) => coverageTouches(message).forEach((t) => this.drop(t)), {}));
    }
  }

  onApplicationShutdown(): void {
    for (const id of this.subscriptions.splice(0)) this.pubSub.unsubscribe(id);
  }

  /** The entry answering `question`, computing it with `compute` when there is none to share. */
  entry(question: CoverageQuestion, nowMs: number, compute: () => Promise<CoverageObject>): CoverageEntry {
    const key = JSON.stringify([question.eventId, question.bucket, question.from.getTime(), question.to.getTime(), question.venueIds, question.teamIds, question.grants]);
    const existing = this.entries.get(key);
    if (existing && this.usable(existing, nowMs)) return existing;
    if (existing) this.remove(existing);
    const entry = new CoverageEntry(key, question, nowMs, compute());
    this.entries.set(key, entry);
    entry.answer.then(
      (answer) => {
        if (!entry.live) return;
        if (!this.ttlMs) return this.remove(entry);
        entry.expiresAt = this.monotonicNow() + this.ttlMs;
        this.account(entry, (answer.cells.length + answer.gaps.length) * OBJECT_BYTES);
      },
      () => this.remove(entry),
    );
    this.evict();
    return entry;
  }

  /** Keeps the text graphql-js made of a live entry's answer for one selection set; the text to replay, kept or not. */
  keepText(entry: CoverageEntry, signature: string, text: string): SharedText {
    const kept = entry.texts.get(signature);
    if (kept) return kept;
    const shared = new SharedText(text);
    if (!entry.live || !this.ttlMs) return shared;
    entry.texts.set(signature, shared);
    // The text and, once it is first sent, its UTF-8 bytes.
    this.account(entry, text.length * 2);
    return shared;
  }

  private account(entry: CoverageEntry, bytes: number): void {
    entry.bytes += bytes;
    this.bytes += bytes;
    this.evict();
  }

  /** Drops every board whose scope holds the touched venue and team. */
  drop(touch: CoverageTouch): void {
    for (const entry of this.entries.values()) if (entry.covers(touch)) this.remove(entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cache's clock (unit specs move it by hand). */
  protected monotonicNow(): number {
    return performance.now();
  }

  private usable(entry: CoverageEntry, nowMs: number): boolean {
    if (!entry.live || entry.expiresAt <= this.monotonicNow()) return false;
    return entry.expiresAt === Number.POSITIVE_INFINITY || Math.abs(entry.nowMs - nowMs) < this.ttlMs;
  }

  private remove(entry: CoverageEntry): void {
    entry.live = false;
    if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
    this.bytes -= entry.bytes;
    entry.bytes = 0;
    entry.texts.clear();
    entry.making.clear();
  }

  /** Oldest first (the Map keeps insertion order); an entry still computing keeps its waiters' promise. */
  private evict(): void {
    for (const entry of this.entries.values()) {
      if (this.bytes <= MAX_BYTES && this.entries.size <= MAX_ENTRIES) return;
      this.remove(entry);
    }
  }
}
