// No @baton/* aliases here: Jest's globalSetup does not apply moduleNameMapper.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { EmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { migrations } from '../../migrations';

/**
 * Each test file gets a database of its own, cloned from a template that was migrated once:
 * on a server with CREATE DATABASE … TEMPLATE (fast, real PostgreSQL); without a server,
 * an in-memory embedded PostgreSQL loaded from a dump of the migrated template.
 */
export const TEMPLATE_ENV = 'BATON_TEST_TEMPLATE';
export const DUMP_ENV = 'BATON_TEST_DUMP';

export function serverUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, poolSize: 2, runMigrations: false, entities: [], migrations, applicationName: 'baton-test-setup' }),
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export interface TestDatabase {
  url: string;
  kind: 'server' | 'embedded';
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const server = serverUrl();
  if (server) {
    const name = uniqueName('baton_test');
    const template = options.empty ? 'template0' : process.env[TEMPLATE_ENV];
    if (!template) throw new Error('The e2e global setup did not run (no template database)');
    await adminQuery(server, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    // Durability is pointless for a database that lives for one test file.
    await adminQuery(server, `ALTER DATABASE "${name}" SET synchronous_commit = off`);
    return {
      url: withDatabase(server, name),
      kind: 'server',
      name,
      drop: () => adminQuery(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dump = process.env[DUMP_ENV];
  const embedded = await EmbeddedPostgres.start({
    maxConnections: 30,
    ...(dump && !options.empty ? { loadDataDir: new Blob([readFileSync(dump)]) } : {}),
  });
  return { url: embedded.url, kind: 'embedded', name: 'postgres', drop: () => embedded.stop() };
}
