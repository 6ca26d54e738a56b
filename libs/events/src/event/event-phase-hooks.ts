import { Injectable } from '@nestjs/common';
import type { Tx } from '@baton/database';
import { EventPhase } from './event.entity';

export interface EventPhaseChange {
  eventId: string;
  eventCode: string;
  eventName: string;
  from: EventPhase;
  to: EventPhase;
  /** Who changed the phase (null for jobs and seeds). */
  actorUserId: string | null;
}

/** `tx` is the phase change's transaction: write with `tx.manager`, enqueue jobs with `{ tx }` so they exist only if it commits. */
export type EventPhaseHandler = (tx: Tx, change: EventPhaseChange) => Promise<void>;

/**
 * Later libs react to an event changing phase (alumni invitations when the Games close) without
 * events importing them. Handlers run inside the transaction that changes the phase, in the order
 * they registered, so what they write (outbox messages) commits or rolls back with the change;
 * a handler that throws refuses the phase change.
 */
@Injectable()
export class EventPhaseHooks {
  private readonly handlers: Array<{ name: string; handle: EventPhaseHandler }> = [];

  /** Call from `onModuleInit`. `name` is for errors and tests. */
  register(name: string, handle: EventPhaseHandler): void {
    if (this.handlers.some((h) => h.name === name)) throw new Error(`An event phase hook named ${name} is already registered`);
    this.handlers.push({ name, handle });
  }

  get registered(): readonly string[] {
    return this.handlers.map((h) => h.name);
  }

  async run(tx: Tx, change: EventPhaseChange): Promise<void> {
    for (const { handle } of this.handlers) await handle(tx, change);
  }
}
