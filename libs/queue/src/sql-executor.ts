import type { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/** The one method pg-boss needs from a database (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * pg-boss runs on the app's own pool instead of opening one: on the embedded database the app
 * has exactly one connection (see EMBEDDED_POOL_SIZE) and a second pool would break it. Raw
 * `pg` semantics are kept because pg-boss sends multi-statement scripts (BEGIN; …; COMMIT).
 */
export function poolExecutor(dataSource: DataSource): SqlExecutor {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return {
    executeSql: async (text, values) => {
      const result = await pool.query<Record<string, unknown>>(text, values as unknown[]);
      return { rows: result.rows ?? [] };
    },
  };
}

/** Runs pg-boss's insert on the caller's transaction: the job exists if and only if the change commits. */
export function transactionExecutor(manager: EntityManager): SqlExecutor {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('JobQueue.enqueue({ tx }) must be called inside a transaction');
  return {
    executeSql: async (text, values) => {
      const result = await runner.query(text, values as unknown[], true);
      return { rows: (result.records ?? []) as Array<Record<string, unknown>> };
    },
  };
}
