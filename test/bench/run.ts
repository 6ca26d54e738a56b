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
import { ApiCommand, Child, forkTs, freePort, killAllNow, prepareApi, ROOT, startNode, stopAll, SWC_NODE, waitForHttp } from './children';
import { CpuMeter } from './cpu';
import { BenchDatabase, createBenchDatabase, redact, seed } from './database';
import type { LoadCommand, LoadReply, LoadResult, VerifyResult } from './protocol';
import { failureCount, summarise, table } from './report';
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

function readSettings() {
  const apiMode = process.env.BENCH_API_MODE || 'build';
  if (apiMode !== 'build' && apiMode !== 'swc') throw new Error(`BENCH_API_MODE=${apiMode}: expected build or swc`);
  const wanted = (process.env.BENCH_SCENARIOS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
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
    users: intEnv('BENCH_USERS', 5300, 1, 1_000_000),
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
    if (outcome === 'timeout' || outcome === 'exited') throw new Error(`the load process did not start (${outcome}):\n${child.output.toString().slice(-2_000)}`);
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

async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { email, password } },
    }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: { data?: { login?: { accessToken?: string } }; errors?: unknown[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* reported below */
  }
  const token = body.data?.login?.accessToken;
  if (!token || body.errors?.length) throw new Error(`login failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
  return token;
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
  const distinct = [...groups].map(([message, times]) => ({ message, times })).sort((a, b) => b.times - a.times).slice(0, 20);
  return { count, distinct };
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

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopMeter?.().catch(() => undefined);
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
      `warm-up ${settings.warmupSeconds}s, ${settings.users} staff, pool ${settings.poolSize}`,
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
  const api = startNode('api', [...settings.apiNodeArgs, ...apiCommand.args], {
    ...baseEnv,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATABASE_URL: database.url,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    DB_POOL_SIZE: String(settings.poolSize),
    JWT_ACCESS_TTL_SECONDS: String(accessTtl),
  });
  const apiStarted = Date.now();
  await waitForHttp(api, `${apiUrl}/health/ready`, 120_000);
  log(`API ready (${apiCommand.note}) on ${apiUrl} in ${((Date.now() - apiStarted) / 1000).toFixed(1)}s; migrations ran`);

  const adminEmail = 'bench-admin@example.com';
  const adminPassword = randomBytes(18).toString('base64url');
  const seeded = await seed(database.url, { users: settings.users, adminEmail, adminPassword, sampleSize: 500 });
  log(`seeded ${seeded.users} users, 1 event, ${settings.users} STAFF grants + 1 ADMIN grant`);

  const accessToken = await login(apiUrl, adminEmail, adminPassword);
  log('signed in as the bench admin (one login, token reused)');

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
  const ctx: BenchContext = { apiUrl, baselineUrl, accessToken, adminUserId: seeded.adminUserId, eventId: seeded.eventId, sampleUserIds: seeded.sampleUserIds };

  // A benchmark of error responses measures nothing: check one real answer per scenario first.
  for (const scenario of settings.scenarios) {
    const result = await loader.verify(scenario.name, ctx);
    if (result.problems.length) {
      throw new Error(`scenario ${scenario.name} does not answer correctly: ${result.problems.join('; ')}\nresponse: ${result.sample}`);
    }
    log(`verified ${scenario.name}: HTTP ${result.status} ${result.sample.slice(0, 120)}`);
  }

  const rssAfterStart = rssMiB(api);
  const meter = await CpuMeter.open({ api, baseline, load: loader.child }, database.url);
  stopMeter = () => meter.close();
  const checkAlive = () => {
    for (const child of [api, baseline]) {
      if (child.hasExited()) throw new Error(`${child.name} exited during the load:\n${child.output.toString().slice(-4_000)}`);
    }
  };

  if (settings.warmupSeconds > 0) {
    for (const scenario of settings.scenarios) {
      const warm = await loader.run(scenario.name, ctx, settings.connections, settings.warmupSeconds);
      checkAlive();
      log(`warm-up ${scenario.name}: ${warm.requestsPerSecond.toFixed(0)} req/s (not counted)`);
    }
  }

  const rounds: Map<string, LoadResult>[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    // Interleaved, and the order rotates each round so no scenario always runs first.
    const order = settings.scenarios.map((_, i) => settings.scenarios[(i + round) % settings.scenarios.length]);
    const results = new Map<string, LoadResult>();
    for (const scenario of order) {
      await sleep(500);
      const before = await meter.snapshot();
      const result = await loader.run(scenario.name, ctx, settings.connections, settings.durationSeconds);
      const cpu = meter.cores(before, await meter.snapshot());
      result.cpuCores = cpu;
      checkAlive();
      results.set(scenario.name, result);
      const bad = result.non2xx + result.errors + result.timeouts + result.mismatches;
      log(
        `round ${round + 1}/${settings.rounds} ${scenario.name.padEnd(14)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${result.latencyMs.p50} ms  p99 ${result.latencyMs.p99} ms  ` +
          `cores: server ${cpu.server ?? '?'} db ${cpu.db ?? '?'} load ${cpu.load ?? '?'} other ${cpu.other ?? '?'}` +
          `${bad ? `  FAILURES ${bad}` : ''}`,
      );
    }
    rounds.push(results);
  }

  const summaries = summarise(settings.scenarios, settings.baseline, rounds);
  const problems = apiProblems(api);
  const rssAtEnd = rssMiB(api);

  process.stdout.write(`\n${table(summaries)}\n\n`);
  process.stdout.write(
    `medians over ${settings.rounds} round(s) of ${settings.durationSeconds}s, ${settings.connections} connections; ` +
      `ratio = req/s ÷ ${settings.baseline} req/s. API: ${apiCommand.note}, RSS ${rssAfterStart ?? '?'} → ${rssAtEnd ?? '?'} MiB.\n`,
  );

  const report = {
    startedAt: new Date(apiStarted).toISOString(),
    commit: gitCommit(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryMiB: Math.round(totalmem() / 2 ** 20), postgres: database.serverVersion },
    settings: { ...settings, scenarios: names, apiMode: apiCommand.mode },
    data: { users: seeded.users, staffGrants: settings.users },
    summaries,
    rounds: rounds.map((round) => Object.fromEntries(round)),
    api: { rssMiBAfterStart: rssAfterStart, rssMiBAtEnd: rssAtEnd, warnOrErrorLines: problems.count, messages: problems.distinct },
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
