import { DataSource } from 'typeorm';

export interface SqlCounter {
  /** Statements sent since the counter started (or since the last reset). */
  readonly count: number;
  readonly statements: readonly string[];
  /** The name of each statement sent as a prepared one (PreparedReads on a server), undefined for the others. */
  readonly names: readonly (string | undefined)[];
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
  let names: (string | undefined)[] = [];
  logger.logQuery = function (query, parameters, queryRunner) {
    // A prepared statement arrives as { name, text }, which reads as its text.
    statements.push(String(query));
    names.push((query as unknown as { name?: string }).name);
    return original.call(this, query, parameters, queryRunner);
  };
  return {
    get count() {
      return statements.length;
    },
    get statements() {
      return statements;
    },
    get names() {
      return names;
    },
    reset() {
      statements = [];
      names = [];
    },
    stop() {
      logger.logQuery = original;
    },
  };
}
