/**
 * `npm run bench`: Baton's API against a bare Fastify + pg server doing one primary-key lookup,
 * each in its own process, on a fresh database, loaded by autocannon from a third process.
 * See README.md in this folder for what it measures and the knobs.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { ApiCommand, Child, forkTs, freePort, killAllNow, prepareApi, ROOT, startNode, stopAll, SWC_NODE, waitForHttp } from './children';
import { CpuMeter } from './cpu';
import { BenchDatabase, createBenchDatabase, gatherDemoData, Pair, redact, seedDemo } from './database';
import type { LoadCommand, LoadReply, LoadResult, VerifyResult } from './protocol';
import { failureCount, SkippedScenario, summarise, table } from './report';
import { BenchContext, scenarios as allScenarios } from './scenarios';

// ---------------------------------------------------------------------------------------------
// Settings

function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
  return value;
}

function numberEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name}=${raw}: expected a number from ${min} to ${max}`);
  return value;
}

function readSettings() {
  const apiMode = process.env.BENCH_API_MODE || 'build';
  if (apiMode !== 'build' && apiMode !== 'swc') throw new Error(`BENCH_API_MODE=${apiMode}: expected build or swc`);
  const wanted = (process.env.BENCH_SCENARIOS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((name) => !allScenarios.some((s) => s.name === name));
  if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')}; known: ${allScenarios.map((s) => s.name).join(', ')}`);
  const baselines = allScenarios.filter((s) => s.baseline);
  if (baselines.length !== 1) throw new Error('scenarios.ts must mark exactly one scenario as the baseline');
  // The baseline always runs: every ratio is divided by it.
  const scenarios = wanted.length ? allScenarios.filter((s) => s.baseline || wanted.includes(s.name)) : allScenarios;
  return {
    durationSeconds: intEnv('BENCH_DURATION', 10, 1, 600),
    rounds: intEnv('BENCH_ROUNDS', 3, 1, 50),
    connections: intEnv('BENCH_CONNECTIONS', 50, 1, 1000),
    warmupSeconds: intEnv('BENCH_WARMUP', 3, 0, 120),
    /** demo generator scale: 1 = Paris (5,301 staff records, ~15,000 shifts, ~60,000 assignments) */
    scale: numberEnv('BENCH_SCALE', 1, 0.05, 10),
    poolSize: intEnv('BENCH_POOL_SIZE', 10, 1, 200),
    apiMode: apiMode as 'build' | 'swc',
    resultsDir: process.env.BENCH_RESULTS_DIR || join(tmpdir(), 'baton-bench'),
    /** extra node flags for the API child only, e.g. "--prof" or "--max-old-space-size=512" */
    apiNodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
    scenarios,
    baseline: baselines[0].name,
  };
}

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** Accounts the demo generator creates (libs/demo), all with the same password. */
const DEMO = {
  eventCode: 'PAR24',
  admin: 'admin@baton.demo',
  coordinator: 'coordinator@baton.demo',
  password: 'baton-demo-2024',
} as const;

// ---------------------------------------------------------------------------------------------
// The load process

/** Omit over each member of a union (plain Omit would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

class LoadClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: LoadReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();

  constructor(readonly child: Child) {
    child.process.on('message', (reply: LoadReply) => {
      if (reply.type === 'ready') return;
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      clearTimeout(waiter.timer);
      this.pending.delete(reply.id);
      waiter.resolve(reply);
    });
    void child.exited.then((code) => {
      for (const [id, waiter] of this.pending) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error(`the load process exited (code ${code}):\n${child.output.toString().slice(-2_000)}`));
        this.pending.delete(id);
      }
    });
  }

  static async start(): Promise<LoadClient> {
    const child = forkTs('load', join(ROOT, 'test', 'bench', 'load.ts'), { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' });
    const ready = new Promise<void>((resolve) => child.process.on('message', (m: LoadReply) => m.type === 'ready' && resolve()));
    const timeout = sleep(60_000).then(() => 'timeout' as const);
    const outcome = await Promise.race([ready, child.exited.then(() => 'exited' as const), timeout]);
    if (outcome === 'timeout' || outcome === 'exited')
      throw new Error(`the load process did not start (${outcome}):\n${child.output.toString().slice(-2_000)}`);
    return new LoadClient(child);
  }

  private ask(command: WithoutId<LoadCommand>, timeoutMs: number): Promise<LoadReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`the load process did not answer within ${timeoutMs / 1000}s`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.child.process.send({ ...command, id } as LoadCommand);
    });
  }

  async verify(scenario: string, ctx: BenchContext): Promise<VerifyResult> {
    const reply = await this.ask({ type: 'verify', scenario, ctx }, 30_000);
    if (reply.type === 'failed') throw new Error(`verifying ${scenario}: ${reply.message}`);
    if (reply.type !== 'verified') throw new Error(`verifying ${scenario}: unexpected reply ${reply.type}`);
    return reply.result;
  }

  async run(scenario: string, ctx: BenchContext, connections: number, durationSeconds: number): Promise<LoadResult> {
    const timeoutSeconds = durationSeconds + 30;
    const reply = await this.ask({ type: 'run', scenario, ctx, connections, durationSeconds, timeoutSeconds }, (timeoutSeconds + 10) * 1000);
    if (reply.type === 'failed') throw new Error(`loading ${scenario}: ${reply.message}`);
    if (reply.type !== 'result') throw new Error(`loading ${scenario}: unexpected reply ${reply.type}`);
    return reply.result;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** One GraphQL call from the orchestrator (setup only, never under load); throws on any error. */
async function graphql<T>(apiUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: unknown[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* reported below */
  }
  if (!body.data || body.errors?.length) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return body.data;
}

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  try {
    const data = await graphql<{ login: { accessToken: string } }>(apiUrl, 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password },
    });
    return data.login.accessToken;
  } catch (error) {
    throw new Error(`login as ${email} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** `work` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * assign-mix: per open shift, the best replacementCandidates answer nobody else took (at most one
 * pair per shift and per person, up to `max`), then the overlapping pairs the rules must refuse,
 * one in four. The first request is a valid pair, so the check before the load sees a success.
 */
async function buildAssignPairs(apiUrl: string, token: string, shiftIds: string[], refused: Pair[], max: number): Promise<BenchContext['assignPairs']> {
  const valid: Pair[] = [];
  const taken = new Set(refused.map((p) => p.staffMemberId));
  // In batches, stopping once there are enough: each call costs ~0.1 s of database time.
  for (let start = 0; start < shiftIds.length && valid.length < max; start += 16) {
    const batch = shiftIds.slice(start, start + 16);
    const answers = await mapLimit(batch, 2, (s) =>
      graphql<{ replacementCandidates: { staffMemberId: string }[] }>(
        apiUrl,
        'query R($s: ID!) { replacementCandidates(shiftId: $s, first: 10) { staffMemberId } }',
        { s },
        token,
      ),
    );
    batch.forEach((shiftId, i) => {
      if (valid.length >= max) return;
      const pick = answers[i].replacementCandidates.find((c) => !taken.has(c.staffMemberId));
      if (!pick) return;
      taken.add(pick.staffMemberId);
      valid.push({ shiftId, staffMemberId: pick.staffMemberId });
    });
  }
  const pairs: BenchContext['assignPairs'] = [];
  let r = 0;
  for (let v = 0; v < valid.length; v++) {
    pairs.push({ ...valid[v], expect: 'valid' });
    if (v % 3 === 2 && r < refused.length) pairs.push({ ...refused[r++], expect: 'refused' });
  }
  while (r < refused.length) pairs.push({ ...refused[r++], expect: 'refused' });
  return pairs;
}

/** Resident memory of a child in MiB (Linux /proc), or null elsewhere. */
function rssMiB(child: Child): number | null {
  try {
    const status = readFileSync(`/proc/${child.process.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

/** Everything the API printed at warn or above (LOG_LEVEL=warn), grouped by message. */
function apiProblems(api: Child): { count: number; distinct: { message: string; times: number }[] } {
  const groups = new Map<string, number>();
  let count = 0;
  for (const line of api.lines) {
    let message = line.slice(0, 300);
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; type?: string }; context?: string };
      if (typeof entry.level === 'number' && entry.level < 40) continue;
      message = [entry.context, entry.msg, entry.err?.type, entry.err?.message].filter(Boolean).join(' | ').slice(0, 300);
    } catch {
      /* not JSON: a stack trace or a crash message, count it as is */
    }
    count++;
    groups.set(message, (groups.get(message) ?? 0) + 1);
  }
  const distinct = [...groups]
    .map(([message, times]) => ({ message, times }))
    .sort((a, b) => b.times - a.times)
    .slice(0, 20);
  return { count, distinct };
}

/**
 * Watches the bench database from its own connection: waits until the API's in-flight work is
 * done (autocannon stops sending, but the server still answers what it received: with slow
 * scenarios that backlog would bleed into the next one), and samples the slowest running
 * statements during the load, for the report.
 */
class DatabaseWatch {
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

/** Until the API answers /health/live within 50 ms twice in a row (it may still be writing big answers), 60 s at most. */
async function apiResponsive(apiUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const started = Date.now();
    try {
      await (await fetch(`${apiUrl}/health/live`, { signal: AbortSignal.timeout(10_000) })).text();
      fast = Date.now() - started < 50 ? fast + 1 : 0;
    } catch {
      fast = 0;
    }
    if (fast < 2) await sleep(100);
  }
}

function gitCommit(): string | null {
  try {
    const head = readFileSync(join(ROOT, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    return readFileSync(join(ROOT, '.git', head.slice(5)), 'utf8').trim();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: runs once, on success, failure, Ctrl-C or SIGTERM.

let database: BenchDatabase | undefined;
let apiCommand: ApiCommand | undefined;
let cleaning: Promise<void> | undefined;
let stopMeter: (() => Promise<void>) | undefined;
let watch: DatabaseWatch | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopMeter?.().catch(() => undefined);
    await watch?.close().catch(() => undefined);
    await stopAll().catch(() => undefined);
    try {
      apiCommand?.cleanup();
    } catch {
      /* a leftover cache folder is harmless */
    }
    if (database) {
      try {
        await database.drop();
        log(`dropped database ${database.name}`);
      } catch (error) {
        process.stderr.write(`[bench] could not drop database ${database.name}: ${(error as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

async function cleanupAndExit(code: number): Promise<never> {
  const bound = setTimeout(() => {
    killAllNow();
    process.exit(code);
  }, 30_000);
  bound.unref();
  await cleanup();
  killAllNow();
  process.exit(code);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n[bench] ${signal}: stopping the servers and dropping the database …\n`);
    void cleanupAndExit(130);
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let settings: ReturnType<typeof readSettings>;
  try {
    settings = readSettings();
  } catch (error) {
    process.stderr.write(`[bench] ${(error as Error).message}\n`);
    return 1;
  }
  const names = settings.scenarios.map((s) => s.name);
  log(
    `${names.join(', ')} | ${settings.rounds} round(s) × ${settings.durationSeconds}s, ${settings.connections} connections, ` +
      `warm-up ${settings.warmupSeconds}s, demo scale ${settings.scale}, pool ${settings.poolSize}`,
  );

  // The database first: without a server there is nothing to build for.
  try {
    database = await createBenchDatabase();
  } catch (error) {
    process.stderr.write(`[bench] ${(error as Error).message}\n`);
    return 1;
  }
  log(`created database ${database.name} (PostgreSQL ${database.serverVersion}) at ${redact(database.url)}`);

  apiCommand = await prepareApi(settings.apiMode, log);

  // Long enough that the token outlives the whole run (config allows up to a day).
  const plannedSeconds = names.length * (settings.warmupSeconds + settings.rounds * (settings.durationSeconds + 2));
  const accessTtl = Math.min(86_400, Math.max(3_600, plannedSeconds * 2 + 600));

  const [apiPort, baselinePort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR };
  const apiEnv = {
    ...baseEnv,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATABASE_URL: database.url,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    // No outbox delivery or no-show sweep running in the middle of a measurement.
    JOBS: 'off',
    // ~52 logins from one address before the load; the defaults (10/100 per 15 min) would refuse them.
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    DB_POOL_SIZE: String(settings.poolSize),
    JWT_ACCESS_TTL_SECONDS: String(accessTtl),
  };
  const api = startNode('api', [...settings.apiNodeArgs, ...apiCommand.args], apiEnv);
  const apiStarted = Date.now();
  await waitForHttp(api, `${apiUrl}/health/ready`, 120_000);
  log(`API ready (${apiCommand.note}) on ${apiUrl} in ${((Date.now() - apiStarted) / 1000).toFixed(1)}s; migrations ran`);

  // The demo through Baton's own CLI, into the migrated database (same env as the API, no port).
  const seeded = await seedDemo(settings.scale, { ...apiEnv, PORT: undefined, HOST: undefined, LOG_LEVEL: 'warn' });
  log(`seeded the demo at scale ${settings.scale} in ${seeded.seconds.toFixed(1)}s`);
  const data = await gatherDemoData(database.url, {
    eventCode: DEMO.eventCode,
    adminEmail: DEMO.admin,
    sampleSize: 500,
    candidateShifts: 200,
    assignShifts: 450,
    overlapPairs: 100,
    staffAccounts: 50,
  });
  log(
    `${data.eventCode} ${data.startsOn}..${data.endsOn} (${data.timeZone}): ${data.counts.users} users, ${data.counts.staffMembers} staff records, ` +
      `${data.counts.shifts} shifts, ${data.counts.assignments} assignments`,
  );
  if (data.staffEmails.length < 50) log(`only ${data.staffEmails.length} staff accounts have assignments in the next 14 days`);

  const accessToken = await login(apiUrl, DEMO.admin, DEMO.password);
  const coordinatorToken = await login(apiUrl, DEMO.coordinator, DEMO.password);
  const wants = (name: string) => names.includes(name);
  const staffTokens = wants('my-shifts') ? await mapLimit(data.staffEmails, 2, (email) => login(apiUrl, email, DEMO.password)) : [];
  log(`signed in as ${DEMO.admin}, ${DEMO.coordinator} and ${staffTokens.length} staff accounts (one login each, tokens reused)`);

  const pairsStarted = Date.now();
  const assignPairs = wants('assign-mix') ? await buildAssignPairs(apiUrl, coordinatorToken, data.assignShiftIds, data.overlapPairs, 300) : [];
  const validPairs = assignPairs.filter((p) => p.expect === 'valid').length;
  log(
    `assign-mix: ${validPairs} valid pairs from replacementCandidates on ${data.assignShiftIds.length} open shifts + ` +
      `${assignPairs.length - validPairs} overlapping pairs (${((Date.now() - pairsStarted) / 1000).toFixed(1)}s)`,
  );

  const baseline = startNode('baseline', [...SWC_NODE, join('test', 'bench', 'baseline-server.ts')], {
    ...baseEnv,
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PORT: String(baselinePort),
    POOL_SIZE: String(settings.poolSize),
  });
  const baselineUrl = `http://127.0.0.1:${baselinePort}`;
  await waitForHttp(baseline, `${baselineUrl}/health`, 60_000);
  log(`baseline ready on ${baselineUrl}`);

  const loader = await LoadClient.start();
  const ctx: BenchContext = {
    apiUrl,
    baselineUrl,
    accessToken,
    adminUserId: data.adminUserId,
    eventId: data.eventId,
    sampleUserIds: data.sampleUserIds,
    coordinatorToken,
    candidateShiftIds: data.candidateShiftIds,
    eventWindow: { from: data.windowFrom, to: data.windowTo },
    venueDay: data.venueDay,
    staffTokens,
    assignPairs,
  };

  // A benchmark of error responses measures nothing: check one real answer per scenario first.
  const skipped: SkippedScenario[] = [];
  for (const scenario of settings.scenarios) {
    const result = await loader.verify(scenario.name, ctx);
    if (result.problems.length && scenario.optionalFeature && result.errorCodes.includes('GRAPHQL_VALIDATION_FAILED')) {
      const reason = `${scenario.optionalFeature} is not in this API's schema yet`;
      skipped.push({ scenario: scenario.name, reason });
      log(`SKIPPED ${scenario.name}: ${reason} (${result.problems.join('; ').slice(0, 200)})`);
      continue;
    }
    if (result.problems.length) {
      throw new Error(`scenario ${scenario.name} does not answer correctly: ${result.problems.join('; ')}\nresponse: ${result.sample}`);
    }
    log(`verified ${scenario.name}: HTTP ${result.status}${result.outcome ? ` (${result.outcome})` : ''} ${result.sample.slice(0, 120)}`);
  }
  const running = settings.scenarios.filter((s) => !skipped.some((k) => k.scenario === s.name));

  const rssAfterStart = rssMiB(api);
  const meter = await CpuMeter.open({ api, baseline, load: loader.child }, database.url);
  stopMeter = () => meter.close();
  const dbWatch = await DatabaseWatch.open(database.url);
  watch = dbWatch;
  const settle = async (after: string) => {
    const started = Date.now();
    await dbWatch.settle();
    await apiResponsive(apiUrl);
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 1) log(`  waited ${seconds.toFixed(1)}s for the API to finish the requests of ${after} still running after the load stopped`);
  };
  const checkAlive = () => {
    for (const child of [api, baseline]) {
      if (child.hasExited()) throw new Error(`${child.name} exited during the load:\n${child.output.toString().slice(-4_000)}`);
    }
  };

  if (settings.warmupSeconds > 0) {
    for (const scenario of running) {
      const warm = await loader.run(scenario.name, ctx, settings.connections, settings.warmupSeconds);
      checkAlive();
      await settle(scenario.name);
      log(`warm-up ${scenario.name}: ${warm.requestsPerSecond.toFixed(0)} req/s (not counted)`);
    }
  }

  const rounds: Map<string, LoadResult>[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    // Interleaved, and the order rotates each round so no scenario always runs first.
    const order = running.map((_, i) => running[(i + round) % running.length]);
    const results = new Map<string, LoadResult>();
    for (const scenario of order) {
      await settle('the previous scenario');
      await sleep(500);
      const before = await meter.snapshot();
      dbWatch.startSampling(scenario.name);
      const result = await loader.run(scenario.name, ctx, settings.connections, settings.durationSeconds);
      dbWatch.stopSampling();
      const cpu = meter.cores(before, await meter.snapshot());
      result.cpuCores = cpu;
      checkAlive();
      results.set(scenario.name, result);
      const bad = result.non2xx + result.errors + result.timeouts + result.mismatches;
      for (const sample of result.refusedSamples ?? []) log(`  refused answer: ${sample.slice(0, 300)}`);
      log(
        `round ${round + 1}/${settings.rounds} ${scenario.name.padEnd(22)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  ` +
          `cores: server ${cpu.server ?? '?'} db ${cpu.db ?? '?'} load ${cpu.load ?? '?'} other ${cpu.other ?? '?'}` +
          `${bad ? `  FAILURES ${bad}` : ''}`,
      );
    }
    rounds.push(results);
  }

  const summaries = summarise(running, settings.baseline, rounds);
  const problems = apiProblems(api);
  const rssAtEnd = rssMiB(api);

  process.stdout.write(`\n${table(summaries, skipped)}\n\n`);
  process.stdout.write(
    `medians over ${settings.rounds} round(s) of ${settings.durationSeconds}s, ${settings.connections} connections; ` +
      `ratio = req/s ÷ ${settings.baseline} req/s. API: ${apiCommand.note}, RSS ${rssAfterStart ?? '?'} → ${rssAtEnd ?? '?'} MiB.\n`,
  );
  for (const s of summaries) {
    if (!s.outcomes) continue;
    const total = Object.values(s.outcomes).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${s.scenario} answers over all rounds (${total}): ${Object.entries(s.outcomes)
        .map(([o, n]) => `${o} ${n}`)
        .join(', ')}\n`,
    );
  }

  const report = {
    startedAt: new Date(apiStarted).toISOString(),
    commit: gitCommit(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryMiB: Math.round(totalmem() / 2 ** 20),
      postgres: database.serverVersion,
    },
    settings: { ...settings, scenarios: names, apiMode: apiCommand.mode },
    data: {
      scale: settings.scale,
      event: { code: data.eventCode, startsOn: data.startsOn, endsOn: data.endsOn, timeZone: data.timeZone },
      ...data.counts,
      seedSeconds: seeded.seconds,
      candidateShifts: data.candidateShiftIds.length,
      coverageWindow: ctx.eventWindow,
      coverageVenueDay: data.venueDay,
      staffAccounts: staffTokens.length,
      assignPairs: { valid: validPairs, refused: assignPairs.length - validPairs },
    },
    skipped,
    summaries,
    rounds: rounds.map((round) => Object.fromEntries(round)),
    api: { rssMiBAfterStart: rssAfterStart, rssMiBAtEnd: rssAtEnd, warnOrErrorLines: problems.count, messages: problems.distinct },
    /** statements seen running for ≥ 100 ms (pg_stat_activity, sampled every second during the rounds) */
    slowStatements: dbWatch.slowest(),
  };
  mkdirSync(settings.resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(settings.resultsDir, `bench-${stamp}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(join(settings.resultsDir, 'latest.json'), JSON.stringify(report, null, 2));
  log(`results: ${file} (also ${join(settings.resultsDir, 'latest.json')})`);

  const noisy = summaries.filter((s) => (s.cpuCores.other ?? 0) > 0.25);
  if (noisy.length) {
    log(
      `other processes on this machine used ${noisy.map((s) => `${s.cpuCores.other} cores during ${s.scenario}`).join(', ')}: ` +
        'the numbers are noisy, compare them with care or rerun on a quiet machine.',
    );
  }
  let code = 0;
  const slowest = dbWatch.slowest(5);
  if (slowest.length) {
    log('slowest statements seen running during the rounds (pg_stat_activity, sampled each second):');
    for (const s of slowest) log(`  ${s.maxMs} ms (${s.samples}×) ${s.statement}`);
  }
  if (problems.count) {
    log(`the API printed ${problems.count} warning/error line(s) during the run:`);
    for (const { message, times } of problems.distinct) log(`  ${times}× ${message}`);
  }
  const failing = summaries.filter((s) => failureCount(s) > 0);
  if (failing.length) {
    for (const s of failing) log(`FAILED responses in ${s.scenario}: ${JSON.stringify(s.failures)}`);
    code = 1;
  }
  return code;
}

main()
  .then((code) => cleanupAndExit(code))
  .catch((error: Error) => {
    // After Ctrl-C the children go away and pending steps fail: that is not news.
    if (!interrupted) process.stderr.write(`[bench] failed: ${error.stack ?? error.message}\n`);
    return cleanupAndExit(1);
  });
