import { DataSource } from 'typeorm';

export interface SqlCounter {
  /** Statements sent since the counter started (or since the last reset). */
  readonly count: number;
  readonly statements: readonly string[];
  reset(): void;
  /** Stops counting and puts the logger back. */
  stop(): void;
}

/**
 * Counts the SQL statements the app sends through TypeORM, for N+1 tests. Every statement of
 * the Postgres driver (query builder, repository, `dataSource.query`, BEGIN/COMMIT) goes
 * through `logger.logQuery` before it runs, whatever the logging option, so wrapping that
 * method sees them all, on a server and on the embedded database alike. Only statements of
 * this app's DataSource are counted; keep other requests quiet while measuring.
 */
export function countSql(dataSource: DataSource): SqlCounter {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  let statements: string[] = [];
  logger.logQuery = function (query, parameters, queryRunner) {
    statements.push(query);
    return original.call(this, query, parameters, queryRunner);
  };
  return {
    get count() {
      return statements.length;
    },
    get statements() {
      return statements;
    },
    reset() {
      statements = [];
    },
    stop() {
      logger.logQuery = original;
    },
  };
}
