import { randomBytes } from 'node:crypto';
import { Client, ClientConfig } from 'pg';

const DEFAULT_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

function clientConfig(url: string): ClientConfig {
  // Bounded: never wait forever for a server that is not there.
  return { connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 120_000 };
}

/** The same server and credentials as the admin URL, another database name. */
export function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Hides a password in a URL before printing it. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

export interface BenchDatabase {
  name: string;
  url: string;
  serverVersion: string;
  drop(): Promise<void>;
}

/**
 * Creates `baton_bench_<random>` on the server of DATABASE_URL (or the local default). The name is
 * made here from hex digits only, so it is safe to put in the SQL text.
 */
export async function createBenchDatabase(adminUrl = process.env.DATABASE_URL || DEFAULT_ADMIN_URL): Promise<BenchDatabase> {
  const admin = new Client(clientConfig(adminUrl));
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `No PostgreSQL server reachable at ${redact(adminUrl)} (${(error as Error).message}).\n` +
        'Start one, or set DATABASE_URL to an admin URL of a server where this user may CREATE DATABASE.',
      { cause: error },
    );
  }
  const name = `baton_bench_${randomBytes(5).toString('hex')}`;
  try {
    const { rows } = await admin.query<{ server_version: string }>('SHOW server_version');
    await admin.query(`CREATE DATABASE ${name}`);
    let dropped = false;
    return {
      name,
      url: urlFor(adminUrl, name),
      serverVersion: rows[0].server_version,
      async drop() {
        if (dropped) return;
        dropped = true;
        const client = new Client(clientConfig(adminUrl));
        try {
          await client.connect();
          // FORCE (PostgreSQL 13+) ends connections a killed child may have left behind.
          await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await client.end().catch(() => undefined);
        }
      },
    };
  } finally {
    await admin.end().catch(() => undefined);
  }
}

export interface SeedOptions {
  users: number;
  adminEmail: string;
  adminPassword: string;
  /** how many random user ids to hand to the scenarios */
  sampleSize: number;
}

export interface Seeded {
  adminUserId: string;
  eventId: string;
  sampleUserIds: string[];
  users: number;
}

/**
 * Bench data straight in SQL, after the API's migrations ran: one GAMES-phase event, `users` STAFF
 * members of it, and one admin who can sign in. The staff share the admin's password hash: it is
 * a real argon2id hash, so any of them can sign in too, and hashing once keeps seeding fast.
 */
export async function seed(databaseUrl: string, options: SeedOptions): Promise<Seeded> {
  // Loaded here so the orchestrator starts even if argon2's native build were missing.
  const argon2 = await import('argon2');
  const passwordHash = await argon2.hash(options.adminPassword, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const client = new Client(clientConfig(databaseUrl));
  await client.connect();
  try {
    await client.query('BEGIN');
    const event = await client.query<{ id: string }>(
      `INSERT INTO events (code, name, time_zone, starts_on, ends_on, phase)
       VALUES ('BENCH', 'Benchmark Games', 'Europe/Paris', CURRENT_DATE - 7, CURRENT_DATE + 21, 'GAMES') RETURNING id`,
    );
    const eventId = event.rows[0].id;
    await client.query(
      `INSERT INTO users (email, display_name, password_hash, status)
       SELECT 'bench-staff-' || i || '@example.com', 'Bench Staff ' || i, $2, 'ACTIVE' FROM generate_series(1, $1::int) AS i`,
      [options.users, passwordHash],
    );
    await client.query(`INSERT INTO role_grants (user_id, role, event_id) SELECT id, 'STAFF', $1 FROM users`, [eventId]);
    const admin = await client.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash, status) VALUES (lower($1), 'Bench Admin', $2, 'ACTIVE') RETURNING id`,
      [options.adminEmail, passwordHash],
    );
    const adminUserId = admin.rows[0].id;
    await client.query(`INSERT INTO role_grants (user_id, role, event_id) VALUES ($1, 'ADMIN', NULL)`, [adminUserId]);
    await client.query('COMMIT');
    // Fresh tables have no statistics: let the planner see the real sizes before the load.
    await client.query('ANALYZE');
    const sample = await client.query<{ id: string }>(`SELECT id FROM users WHERE id <> $1 ORDER BY random() LIMIT $2`, [adminUserId, options.sampleSize]);
    return { adminUserId, eventId, sampleUserIds: sample.rows.map((r) => r.id), users: options.users + 1 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
