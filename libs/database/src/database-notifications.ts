import { Logger } from '@nestjs/common';

/** The one channel Baton's triggers notify on; the payload says which topic (see DatabaseChange). */
export const CHANGES_CHANNEL = 'baton_changes';

/** A notification's payload: JSON with a topic and the transaction that caused it. */
export interface DatabaseChange {
  topic: string;
  tx: string;
  /** Anything may have changed: a bulk write, a TRUNCATE, or a time when nobody was listening. */
  all?: boolean;
  [field: string]: unknown;
}

type Handler = (change: DatabaseChange) => void;

/** Payloads remembered to drop duplicates: a notification reaches every listening connection. */
const REMEMBERED = 1_000;

/**
 * What the database says has changed (pg_notify from triggers), handed to the libs that keep
 * copies in memory. Every connection of the app's pool LISTENs, and PostgreSQL delivers a
 * notification to the session that sent it before answering its statement or COMMIT: a write
 * made through this process has reached the handlers when it returns, on the server and on
 * PGlite alike (measured on both). Writes of other processes (other instances, the worker, the
 * CLI, psql) arrive through every listening connection, and on a server through one more kept
 * open for that (DatabaseChangeFeed): the pool may have closed its idle connections.
 *
 * `live` says whether every change is heard: false on a server while that connection is down.
 * When it comes back, each topic gets `{ all: true }`, since changes may have been missed.
 */
export class DatabaseNotifications {
  private readonly logger = new Logger('DatabaseNotifications');
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly seen = new Set<string>();
  private isLive: boolean;

  /** `live` from the start when no other process can write (the embedded database). */
  constructor(options: { live: boolean }) {
    this.isLive = options.live;
  }

  get live(): boolean {
    return this.isLive;
  }

  get hasHandlers(): boolean {
    return this.handlers.size > 0;
  }

  on(topic: string, handler: Handler): () => void {
    const set = this.handlers.get(topic) ?? new Set<Handler>();
    set.add(handler);
    this.handlers.set(topic, set);
    return () => {
      set.delete(handler);
      if (!set.size) this.handlers.delete(topic);
    };
  }

  /** A NOTIFY payload from any listening connection. */
  receive(payload: string): void {
    if (this.seen.has(payload)) return;
    this.seen.add(payload);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    let change: DatabaseChange;
    try {
      change = JSON.parse(payload) as DatabaseChange;
    } catch {
      this.logger.warn('A database notification that is not JSON was ignored');
      return;
    }
    if (typeof change?.topic === 'string') this.dispatch(change);
  }

  /** The feed connection came or went; coming back, every topic hears "anything may have changed". */
  setLive(live: boolean): void {
    if (live === this.isLive) return;
    this.isLive = live;
    if (live) for (const topic of [...this.handlers.keys()]) this.dispatch({ topic, tx: 'reconnected', all: true });
  }

  private dispatch(change: DatabaseChange): void {
    for (const handler of this.handlers.get(change.topic) ?? []) {
      try {
        handler(change);
      } catch (error) {
        this.logger.error({ err: error }, `A handler of database change "${change.topic}" failed`);
      }
    }
  }
}
