import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedPostgres } from '../../libs/database/src/embedded-postgres';
import { adminQuery, DUMP_ENV, migrate, serverUrl, TEMPLATE_ENV, uniqueName, withDatabase } from './test-database';

/** Migrates once: a template database on the server, or a dump of an embedded one. */
export default async function globalSetup(): Promise<void> {
  const server = serverUrl();
  if (server) {
    const template = uniqueName('baton_tpl');
    await adminQuery(server, `CREATE DATABASE "${template}"`);
    await migrate(withDatabase(server, template));
    process.env[TEMPLATE_ENV] = template;
    console.log(`\ne2e: PostgreSQL server, template database ${template}`);
    return;
  }
  const embedded = await EmbeddedPostgres.start({ maxConnections: 4 });
  try {
    await migrate(embedded.url);
    const dump = await embedded.dumpDataDir();
    const file = join(tmpdir(), `${uniqueName('baton-test-dump')}.tar.gz`);
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env[DUMP_ENV] = file;
    console.log(`\ne2e: no DATABASE_URL, embedded PostgreSQL (PGlite) cloned from ${file}`);
  } finally {
    await embedded.stop();
  }
}
