import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface Tx {
  readonly manager: EntityManager;
  /** Runs after the commit succeeded (publish events, enqueue jobs); never if it rolls back. */
  afterCommit(callback: () => void | Promise<void>): void;
}

/**
 * Every service opens its transactions here, in requests, jobs and schedules alike.
 * All queries of a unit of work must use `tx.manager`: on the embedded database a query sent
 * through the pool while a transaction holds its connection would wait forever.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const callbacks: Array<() => void | Promise<void>> = [];
    const result = await this.dataSource.transaction((manager) => work({ manager, afterCommit: (cb) => callbacks.push(cb) }));
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
