import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { PUB_SUB, PubSubEngine } from '@baton/pubsub';

/** PubSub channel: every instance drops what it holds of a person or a session. */
export const ACTOR_INVALIDATED = 'identity.actorInvalidated';

/** Who changed: a person (every session of theirs) or one session family. */
export interface ActorInvalidation {
  userId?: string;
  familyId?: string;
}

interface Entry {
  actor: Actor;
  userId: string;
  familyId: string;
  expiresAt: number;
}

/** Enough for every signed-in person of a Games-time peak; the oldest entry goes first. */
const MAX_ENTRIES = 20_000;

/**
 * Seconds during which a changed person or session is never cached again, on every instance.
 * Callers may invalidate inside their transaction, before it commits: a request that reads the
 * old rows in between must not put them back for a whole TTL. Longer than any transaction.
 */
const QUARANTINE_MS = 30_000;

/**
 * The actor of each session for a few seconds, so a request does not reload person, grants and
 * session with one statement each time. Every write that changes what that statement returns
 * calls `invalidate` (logout, session revoke, password change or reset, grant or revoke, disable,
 * erasure); the local copy goes at once and the other instances hear it through the PubSub
 * (Redis when configured). Time here is the process's own clock, not the injectable one: this is
 * a cache lifetime, not a business time.
 */
@Injectable()
export class ActorCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActorCache.name);
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  private readonly quarantined = new Map<string, number>();
  /** Moves on every invalidation: a load that started before one must not be stored. */
  private generation = 0;
  private subscription?: number;

  constructor(
    config: BatonConfig,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {
    this.ttlMs = config.auth.actorCacheSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.ttlMs) return;
    this.subscription = await this.pubSub.subscribe(
      ACTOR_INVALIDATED,
      (message: { [ACTOR_INVALIDATED]: ActorInvalidation }) => this.drop(message[ACTOR_INVALIDATED] ?? {}),
      {},
    );
  }

  onApplicationShutdown(): void {
    if (this.subscription !== undefined) this.pubSub.unsubscribe(this.subscription);
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The marker to hand back to `set`, taken before reading the database. */
  get version(): number {
    return this.generation;
  }

  get(key: string): Actor | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > performance.now()) return entry.actor;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, actor: Actor, familyId: string, version: number): void {
    if (!this.ttlMs || version !== this.generation) return;
    const now = performance.now();
    if (this.isQuarantined(`u:${actor.userId}`, now) || this.isQuarantined(`f:${familyId}`, now)) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { actor, userId: actor.userId, familyId, expiresAt: now + this.ttlMs });
  }

  /** Drops the person's or session's actor here, then tells the other instances. */
  async invalidate(change: ActorInvalidation): Promise<void> {
    if (!this.ttlMs) return;
    this.drop(change);
    try {
      await this.pubSub.publish(ACTOR_INVALIDATED, { [ACTOR_INVALIDATED]: change });
    } catch (error) {
      // The other instances keep a stale actor for at most the TTL; the change itself is committed.
      this.logger.warn(`Could not tell the other instances about an actor change: ${(error as Error).message}`);
    }
  }

  private drop({ userId, familyId }: ActorInvalidation): void {
    this.generation++;
    const now = performance.now();
    if (userId) this.quarantined.set(`u:${userId}`, now + QUARANTINE_MS);
    if (familyId) this.quarantined.set(`f:${familyId}`, now + QUARANTINE_MS);
    for (const [key, entry] of this.entries) {
      if (entry.userId === userId || entry.familyId === familyId) this.entries.delete(key);
    }
    for (const [key, until] of this.quarantined) if (until <= now) this.quarantined.delete(key);
  }

  private isQuarantined(key: string, now: number): boolean {
    const until = this.quarantined.get(key);
    return until !== undefined && until > now;
  }
}
