import { Injectable, Logger } from '@nestjs/common';
import { ConflictError } from '@baton/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';

export interface Tx {
  readonly manager: EntityManager;
  /** Runs after the commit succeeded (publish events, enqueue jobs); never if it rolls back. */
  afterCommit(callback: () => void | Promise<void>): void;
}

/** How many times a unit of work is tried when PostgreSQL aborts it as retryable. */
export const TRANSACTION_ATTEMPTS = 4;
/** First backoff, doubled at each retry, with as much again of random jitter (10–20, 20–40, 40–80 ms). */
const BACKOFF_MS = 10;

/** 40P01 deadlock_detected, 40001 serialization_failure: the transaction did nothing, try it again. */
const RETRYABLE = new Set(['40P01', '40001']);

export function retryableCode(error: unknown): string | undefined {
  for (const e of [error, (error as { driverError?: unknown })?.driverError]) {
    const code = (e as { code?: unknown } | undefined)?.code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return code;
  }
  return undefined;
}

/** What a client gets when every attempt was aborted: a conflict it may simply retry. */
export function busyConflict(code: string): ConflictError {
  return new ConflictError('Another change to the same data was being made at the same moment; try again', {
    retryable: true,
    reason: code === '40P01' ? 'DEADLOCK' : 'SERIALIZATION_FAILURE',
  });
}

/**
 * Every service opens its transactions here, in requests, jobs and schedules alike.
 * All queries of a unit of work must use `tx.manager`: on the embedded database a query sent
 * through the pool while a transaction holds its connection would wait forever.
 *
 * Lock order. Whoever locks rows takes them in this order, and within one table in ascending id,
 * so no two transactions can wait for each other in a cycle:
 *   1. staff_members — all records of one person (`assign`, `linkStaffMemberUser`), ORDER BY id;
 *   2. shifts — FOR UPDATE to change a shift or take a place on it (`assign`, `updateShift`,
 *      `publishShifts` in id order, `cancelShift`); FOR NO KEY UPDATE before changing an
 *      assignment's status (`unassign`, `confirm`, `decline`), because the counter trigger then
 *      writes `shifts.active_count`; FOR KEY SHARE before a check-in or check-out, which only
 *      needs the shift to stay as it is (check-ins of one shift do not wait for each other);
 *   3. assignments — FOR UPDATE, after their shift.
 * Then inserts nobody else locks (history, audit, outbox). Triggers keep the order: a status
 * change writes its shift (hence step 2 first), moving a shift writes its assignments (2 → 3),
 * linking a record writes its assignments (1 → 3). The no-show sweep locks assignments alone
 * with SKIP LOCKED: it never waits, so it cannot close a cycle.
 *
 * PostgreSQL may still abort a transaction as a deadlock (40P01) or a serialization failure
 * (40001). Such an attempt changed nothing, so the whole unit of work runs again, up to
 * TRANSACTION_ATTEMPTS times with a small jittered backoff, then answers a retryable CONFLICT,
 * never INTERNAL. The work must therefore keep its side effects in the transaction or in
 * `afterCommit`: callbacks are collected per attempt and only those of the attempt that
 * committed run, once.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const callbacks: Array<() => void | Promise<void>> = [];
      let result: T;
      try {
        result = await this.dataSource.transaction((manager) => work({ manager, afterCommit: (cb) => callbacks.push(cb) }));
      } catch (error) {
        const code = retryableCode(error);
        if (!code) throw error;
        if (attempt >= TRANSACTION_ATTEMPTS) {
          this.logger.warn(`transaction aborted ${attempt} times (${code}); answering a retryable conflict`);
          throw busyConflict(code);
        }
        await sleep(BACKOFF_MS * 2 ** (attempt - 1) * (1 + Math.random()));
        continue;
      }
      for (const callback of callbacks) {
        try {
          await callback();
        } catch (error) {
          // The data is committed; a failed side effect must not turn success into an error.
          this.logger.error({ err: error }, 'after-commit callback failed');
        }
      }
      return result;
    }
  }
}
