import { rmSync } from 'node:fs';
import { adminQuery, DUMP_ENV, serverUrl, TEMPLATE_ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = serverUrl();
  const template = process.env[TEMPLATE_ENV];
  if (server && template) await adminQuery(server, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  const dump = process.env[DUMP_ENV];
  if (dump) rmSync(dump, { force: true });
}
