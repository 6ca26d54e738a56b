import { EmbeddedPostgres } from '@baton/database';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Opens the same data folder from another process, as a second `npm start` would. */
function openFromAnotherProcess(dataDir: string): Promise<{ code: number | null; output: string }> {
  const script = `require('${join(ROOT, 'libs/database/src/embedded-postgres.ts')}').EmbeddedPostgres.start({ dataDir: ${JSON.stringify(dataDir)}, maxConnections: 1 })
    .then((db) => db.stop().then(() => process.exit(0)), (e) => { console.error(e.message); process.exit(3); });`;
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('embedded PostgreSQL (PGlite)', () => {
  // One folder per test: a test that failed half-way must not leave its lock or its tables to the next.
  const dataDirs: string[] = [];
  const freshDataDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-embedded-'));
    dataDirs.push(dir);
    return dir;
  };
  afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps its data across a restart, with btree_gist and pg_trgm available', async () => {
    const dataDir = freshDataDir();
    const first = await EmbeddedPostgres.start({ dataDir, maxConnections: 2 });
    await query(
      first.url,
      `CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE TABLE kept (id int NOT NULL, during tstzrange, EXCLUDE USING gist (id WITH =, during WITH &&));
      INSERT INTO kept VALUES (1, tstzrange('2024-07-26 10:00+02', '2024-07-26 18:00+02'))`,
    );
    await first.stop();

    const second = await EmbeddedPostgres.start({ dataDir, maxConnections: 2 });
    try {
      expect(await query(second.url, 'SELECT id FROM kept')).toEqual([{ id: 1 }]);
      // The exclusion constraint survived the restart too: an overlapping range is refused.
      await expect(query(second.url, `INSERT INTO kept VALUES (1, tstzrange('2024-07-26 17:00+02', '2024-07-26 20:00+02'))`)).rejects.toMatchObject({
        code: '23P01',
      });
      expect(await query(second.url, `SELECT similarity('Teahupoo', 'Teahupo''o') > 0.3 AS close`)).toEqual([{ close: true }]);
    } finally {
      await second.stop();
    }
  });

  it('refuses a second process on the same data folder, then lets it in once the first is gone', async () => {
    const dataDir = freshDataDir();
    const holder = await EmbeddedPostgres.start({ dataDir, maxConnections: 2 });
    try {
      const refused = await openFromAnotherProcess(dataDir);
      expect(refused.code).toBe(3);
      expect(refused.output).toMatch(/already used by process \d+/);
    } finally {
      await holder.stop();
    }
    expect((await openFromAnotherProcess(dataDir)).code).toBe(0);
  });
});
