import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface BatonDataSourceOptions {
  url: string;
  poolSize: number;
  runMigrations: boolean;
  entities: DataSourceOptions['entities'];
  applicationName?: string;
}

/** The one place TypeORM is configured; the API, the CLI and the tests all come through here. */
export function dataSourceOptions(options: BatonDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations,
    migrationsRun: options.runMigrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; extensions are created by migrations only.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: false,
    extra: {
      max: options.poolSize,
      // Without these a dead server leaves requests waiting forever instead of failing cleanly.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 30_000,
      application_name: options.applicationName ?? 'baton',
    },
  };
}
