import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client, ClientConfig } from 'pg';
import { runToEnd, SWC_NODE } from './children';

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

export interface DemoSeedResult {
  /** what the CLI printed (the counts), trimmed */
  output: string;
  seconds: number;
}

/**
 * The Paris 2024 demo through Baton's own CLI (`seed --scale <n>`), after the API's migrations
 * ran: the same generator as `npm run seed`, so the bench loads realistic data (scale 1 = Paris:
 * 5,301 staff records, ~15,000 shifts, ~60,000 assignments, event PAR24 placed around today).
 * `env` must carry DATABASE_URL; the CLI turns migrations, demo bootstrap and jobs off itself.
 */
export async function seedDemo(scale: number, env: NodeJS.ProcessEnv): Promise<DemoSeedResult> {
  const started = Date.now();
  const { code, output } = await runToEnd(
    [...SWC_NODE, join('apps', 'cli', 'src', 'main.ts'), 'seed', '--scale', String(scale)],
    Math.max(300_000, scale * 300_000),
    { env, name: 'seed' },
  );
  if (code !== 0) throw new Error(`the demo seed failed (exit ${code}):\n${output.slice(-3_000)}`);
  return { output: output.trim().slice(-2_000), seconds: (Date.now() - started) / 1000 };
}

export interface Pair {
  shiftId: string;
  staffMemberId: string;
}

/** Ids the staffing scenarios need, read with SQL once the demo is seeded. */
export interface DemoData {
  eventId: string;
  eventCode: string;
  timeZone: string;
  /** event dates, YYYY-MM-DD */
  startsOn: string;
  endsOn: string;
  /** local midnight of startsOn and of the day after endsOn, ISO */
  windowFrom: string;
  windowTo: string;
  adminUserId: string;
  /** random ids from `users`, for the baseline */
  sampleUserIds: string[];
  /** published shifts that have not started and have a place left, for replacementCandidates */
  candidateShiftIds: string[];
  /** other published future shifts with open places: where assign-mix looks for valid pairs */
  assignShiftIds: string[];
  /** pairs the rules must refuse: the person already holds an overlapping shift */
  overlapPairs: Pair[];
  /** the busiest venue on its busiest day (UTC) among future published shifts */
  venueDay: { venueId: string; from: string; to: string; shifts: number };
  /** accounts with a staff record and active assignments in the next 14 days */
  staffEmails: string[];
  /** every venue of the event that has shifts, for nested-roster */
  venueIds: string[];
  counts: { users: number; staffMembers: number; shifts: number; assignments: number };
}

export interface GatherOptions {
  eventCode: string;
  adminEmail: string;
  sampleSize: number;
  candidateShifts: number;
  assignShifts: number;
  overlapPairs: number;
  staffAccounts: number;
}

/** Reads what the scenarios need; ANALYZE first so the planner sees the real sizes. */
export async function gatherDemoData(databaseUrl: string, options: GatherOptions): Promise<DemoData> {
  const client = new Client(clientConfig(databaseUrl));
  await client.connect();
  try {
    await client.query('ANALYZE');
    const event = await client.query<{ id: string; code: string; time_zone: string; starts_on: string; ends_on: string; window_from: Date; window_to: Date }>(
      `SELECT id, code, time_zone, starts_on::text AS starts_on, ends_on::text AS ends_on,
              starts_on::timestamp AT TIME ZONE time_zone AS window_from,
              (ends_on + 1)::timestamp AT TIME ZONE time_zone AS window_to
         FROM events WHERE code = $1`,
      [options.eventCode],
    );
    if (!event.rows[0]) throw new Error(`no event ${options.eventCode} after the demo seed`);
    const e = event.rows[0];
    const admin = await client.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [options.adminEmail]);
    if (!admin.rows[0]) throw new Error(`no user ${options.adminEmail} after the demo seed`);
    const sample = await client.query<{ id: string }>(`SELECT id FROM users ORDER BY random() LIMIT $1`, [options.sampleSize]);
    // Not starting within the next hour, so they stay "future" during the whole run; with a place
    // left, since the search answers CAPACITY for a full shift (as assign would).
    const candidates = await client.query<{ id: string }>(
      `SELECT id FROM shifts WHERE event_id = $1 AND status = 'PUBLISHED' AND starts_at > now() + interval '1 hour' AND active_count < headcount
        ORDER BY random() LIMIT $2`,
      [e.id, options.candidateShifts],
    );
    const candidateIds = candidates.rows.map((r) => r.id);
    const assignable = await client.query<{ id: string }>(
      `SELECT id FROM shifts WHERE event_id = $1 AND status = 'PUBLISHED' AND starts_at > now() + interval '1 hour'
          AND active_count < headcount AND NOT (id = ANY($2::uuid[]))
        ORDER BY random() LIMIT $3`,
      [e.id, candidateIds, options.assignShifts],
    );
    const overlaps = await client.query<{ shift_id: string; staff_member_id: string }>(
      `SELECT DISTINCT ON (a.staff_member_id) s.id AS shift_id, a.staff_member_id
         FROM assignments a
         JOIN shifts s ON s.event_id = a.event_id AND s.id <> a.shift_id AND s.status = 'PUBLISHED'
                      AND s.active_count < s.headcount AND s.starts_at > now() + interval '1 hour'
                      AND tstzrange(s.starts_at, s.ends_at) && tstzrange(a.starts_at, a.ends_at)
        WHERE a.event_id = $1 AND a.status IN ('ASSIGNED', 'CONFIRMED') AND a.starts_at > now() + interval '1 hour'
        ORDER BY a.staff_member_id, s.id
        LIMIT $2`,
      [e.id, options.overlapPairs],
    );
    const venueDay = await client.query<{ venue_id: string; day: Date; shifts: string }>(
      `SELECT venue_id, date_trunc('day', starts_at, 'UTC') AS day, count(*) AS shifts
         FROM shifts WHERE event_id = $1 AND status = 'PUBLISHED' AND starts_at > now()
        GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT 1`,
      [e.id],
    );
    if (!venueDay.rows[0]) throw new Error('no published future shift in the demo event');
    const staff = await client.query<{ email: string }>(
      `SELECT u.email FROM staff_members sm JOIN users u ON u.id = sm.user_id
        WHERE sm.event_id = $1 AND u.status = 'ACTIVE'
          AND EXISTS (SELECT 1 FROM assignments a WHERE a.staff_member_id = sm.id AND a.status IN ('ASSIGNED', 'CONFIRMED')
                         AND a.starts_at >= now() AND a.starts_at < now() + interval '14 days')
        ORDER BY random() LIMIT $2`,
      [e.id, options.staffAccounts],
    );
    const venues = await client.query<{ venue_id: string }>(`SELECT DISTINCT venue_id FROM shifts WHERE event_id = $1 ORDER BY venue_id`, [e.id]);
    const counts = await client.query<{ users: string; staff_members: string; shifts: string; assignments: string }>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM staff_members) AS staff_members,
              (SELECT count(*) FROM shifts) AS shifts, (SELECT count(*) FROM assignments) AS assignments`,
    );
    const day = venueDay.rows[0].day;
    return {
      eventId: e.id,
      eventCode: e.code,
      timeZone: e.time_zone,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      windowFrom: e.window_from.toISOString(),
      windowTo: e.window_to.toISOString(),
      adminUserId: admin.rows[0].id,
      sampleUserIds: sample.rows.map((r) => r.id),
      candidateShiftIds: candidateIds,
      assignShiftIds: assignable.rows.map((r) => r.id),
      overlapPairs: overlaps.rows.map((r) => ({ shiftId: r.shift_id, staffMemberId: r.staff_member_id })),
      venueDay: {
        venueId: venueDay.rows[0].venue_id,
        from: day.toISOString(),
        to: new Date(day.getTime() + 86_400_000).toISOString(),
        shifts: Number(venueDay.rows[0].shifts),
      },
      staffEmails: staff.rows.map((r) => r.email),
      venueIds: venues.rows.map((r) => r.venue_id),
      counts: {
        users: Number(counts.rows[0].users),
        staffMembers: Number(counts.rows[0].staff_members),
        shifts: Number(counts.rows[0].shifts),
        assignments: Number(counts.rows[0].assignments),
      },
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
