import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

/**
 * Watches the bench database from its own connection: waits until the API's in-flight work is
 * done (autocannon stops sending, but the server still answers what it received: with slow
 * scenarios that backlog would bleed into the next one), and samples the slowest running
 * statements during the load, for the report.
 */
export class DatabaseWatch {
  private readonly slow = new Map<string, { maxMs: number; seen: number }>();
  private timer: NodeJS.Timeout | undefined;
  private busy = false;

  private constructor(private readonly client: Client) {}

  static async open(url: string): Promise<DatabaseWatch> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000, query_timeout: 10_000, application_name: 'bench-watch' });
    await client.connect();
    return new DatabaseWatch(client);
  }

  private async active(): Promise<{ query: string; ms: number }[]> {
    const { rows } = await this.client.query<{ query: string; ms: number }>(
      `SELECT query, extract(epoch FROM clock_timestamp() - query_start) * 1000 AS ms FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`,
    );
    return rows;
  }

  /** Until no statement of the bench database runs, twice in a row; the seconds it took. */
  async settle(maxMs = 120_000): Promise<number> {
    const started = Date.now();
    let quiet = 0;
    while (Date.now() - started < maxMs && quiet < 2) {
      quiet = (await this.active()).length === 0 ? quiet + 1 : 0;
      if (quiet < 2) await sleep(200);
    }
    return (Date.now() - started) / 1000;
  }

  /** Samples statements running for 100 ms or more, every second, until stopSampling. */
  startSampling(scenario: string): void {
    this.stopSampling();
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      void this.active()
        .then((rows) => {
          for (const row of rows) {
            if (row.ms < 100) continue;
            const key = `${scenario} | ${row.query.replace(/\s+/g, ' ').slice(0, 160)}`;
            const entry = this.slow.get(key) ?? { maxMs: 0, seen: 0 };
            entry.maxMs = Math.max(entry.maxMs, Math.round(row.ms));
            entry.seen++;
            this.slow.set(key, entry);
          }
        })
        .catch(() => undefined)
        .finally(() => (this.busy = false));
    }, 1_000);
  }

  stopSampling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  slowest(limit = 15): { statement: string; maxMs: number; samples: number }[] {
    return [...this.slow]
      .map(([statement, { maxMs, seen }]) => ({ statement, maxMs, samples: seen }))
      .sort((a, b) => b.maxMs - a.maxMs)
      .slice(0, limit);
  }

  async close(): Promise<void> {
    this.stopSampling();
    await this.client.end().catch(() => undefined);
  }
}
