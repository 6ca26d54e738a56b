import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Child } from './children';
import type { CpuCores } from './protocol';

/**
 * Where the CPU went during a run, from /proc (Linux only; null elsewhere). On a two-core machine
 * the server, PostgreSQL and the load generator compete for the same cores, and other people's
 * jobs may too: `other` shows that noise, so a surprising number can be explained.
 */

/** USER_HZ: 100 on every Linux build Node supports. */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process used so far. */
function processSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

function sumSeconds(values: Array<number | null>): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((total, v) => total + (v ?? 0), 0);
}

/** Busy CPU seconds of the whole machine. */
function machineSeconds(): number | null {
  try {
    const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
    const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

interface Snapshot {
  at: number;
  api: number | null;
  baseline: number | null;
  load: number | null;
  machine: number | null;
  /** CPU seconds per PostgreSQL backend connected to the bench database */
  backends: Map<number, number>;
}

export class CpuMeter {
  private constructor(
    private readonly children: { api: Child; baseline: Child; load: Child[] },
    private readonly db: Client | null,
  ) {}

  /** `databaseUrl`: the bench database, to find its backends (only meaningful on a local server). */
  /** `load`: every load process (a scenario with big answers runs two). */
  static async open(children: { api: Child; baseline: Child; load: Child[] }, databaseUrl: string): Promise<CpuMeter> {
    let db: Client | null = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    try {
      await db.connect();
      db.on('error', () => undefined);
    } catch {
      db = null;
    }
    return new CpuMeter(children, db);
  }

  async snapshot(): Promise<Snapshot> {
    const backends = new Map<number, number>();
    if (this.db) {
      try {
        const { rows } = await this.db.query<{ pid: number }>(
          'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        for (const { pid } of rows) {
          const seconds = processSeconds(pid);
          if (seconds !== null) backends.set(pid, seconds);
        }
      } catch {
        /* measuring is best effort */
      }
    }
    return {
      at: Date.now(),
      api: processSeconds(this.children.api.process.pid),
      baseline: processSeconds(this.children.baseline.process.pid),
      load: sumSeconds(this.children.load.map((child) => processSeconds(child.process.pid))),
      machine: machineSeconds(),
      backends,
    };
  }

  /** Cores busy on average between two snapshots (1.0 = one core fully busy). */
  cores(before: Snapshot, after: Snapshot): CpuCores {
    const seconds = (after.at - before.at) / 1000;
    const round = (v: number) => Math.round(v * 100) / 100;
    const rate = (a: number | null, b: number | null) => (a === null || b === null || seconds <= 0 ? null : round((b - a) / seconds));
    const api = rate(before.api, after.api);
    const baseline = rate(before.baseline, after.baseline);
    const server = api === null || baseline === null ? null : round(api + baseline);
    const load = rate(before.load, after.load);
    const machine = rate(before.machine, after.machine);
    // A backend opened during the run counts whole; one closed during it is lost (pools keep theirs).
    let dbSeconds = 0;
    for (const [pid, total] of after.backends) dbSeconds += total - (before.backends.get(pid) ?? 0);
    const db = after.backends.size && seconds > 0 ? round(dbSeconds / seconds) : null;
    const other = server === null || load === null || machine === null || db === null ? null : round(Math.max(0, machine - server - load - db));
    return { server, load, db, other, machine };
  }

  async close(): Promise<void> {
    await this.db?.end().catch(() => undefined);
  }
}
