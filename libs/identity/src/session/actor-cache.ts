import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { DatabaseChange, DatabaseNotifications } from '@baton/database';

/** The topic of the triggers on users, role_grants and refresh_tokens (migration ActorChangeNotifications). */
export const ACTOR_CHANGED = 'actor';

/** Whose actor changed, as the triggers say it: people (every session of theirs) and session families. */
interface ActorChange extends DatabaseChange {
  users?: string[] | null;
  families?: string[] | null;
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
 * The actor of each session for a few seconds, so a request does not reload person, grants and
 * session with one statement each time. The database says when to drop one: triggers on users,
 * role_grants and refresh_tokens notify the ids whose actor changed, whatever wrote them
 * (a cascade from deleting an event, the CLI, another instance, the worker). A write made
 * through this process has been heard when its statement returns (see DatabaseNotifications),
 * so it takes effect on the next request; other processes' writes arrive on every instance's
 * own listening connections, without a hop through Redis. While the database's change feed is
 * down the cache is not used at all. Time here is the process's own clock, not the injectable
 * one: this is a cache lifetime, not a business time.
 */
@Injectable()
export class ActorCache implements OnModuleDestroy {
  private readonly ttlMs: number;
  private readonly entries = new Map<string, Entry>();
  /** Moves on every change heard: a load that started before one must not be stored. */
  private generation = 0;
  private readonly unsubscribe?: () => void;

  constructor(
    config: BatonConfig,
    private readonly notifications: DatabaseNotifications,
  ) {
    this.ttlMs = config.auth.actorCacheSeconds * 1000;
    if (this.ttlMs) this.unsubscribe = notifications.on(ACTOR_CHANGED, (change) => this.drop(change as ActorChange));
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** False when turned off, or while a change could go unheard. */
  get enabled(): boolean {
    return this.ttlMs > 0 && this.notifications.live;
  }

  /** The marker to hand back to `set`, taken before reading the database. */
  get version(): number {
    return this.generation;
  }

  get(key: string): Actor | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > performance.now() && this.notifications.live) return entry.actor;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, actor: Actor, familyId: string, version: number): void {
    if (!this.enabled || version !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { actor, userId: actor.userId, familyId, expiresAt: performance.now() + this.ttlMs });
  }

  /** How many sessions are cached (tests and metrics). */
  get size(): number {
    return this.entries.size;
  }

  private drop(change: ActorChange): void {
    this.generation++;
    if (change.all) {
      this.entries.clear();
      return;
    }
    const users = new Set(change.users ?? []);
    const families = new Set(change.families ?? []);
    for (const [key, entry] of this.entries) {
      if (users.has(entry.userId) || families.has(entry.familyId)) this.entries.delete(key);
    }
  }
}
