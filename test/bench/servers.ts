import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ApiCommand, Child, freePort, startNode, SWC_NODE, waitForHttp } from './children';
import type { BenchDatabase } from './database';
import { productionStart } from './production-start';
import { log, Settings } from './settings';

const baseEnv = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR });

export interface StartedApi {
  api: Child;
  apiUrl: string;
  /** The API's environment, reused by the demo seed (same database and secrets). */
  apiEnv: NodeJS.ProcessEnv;
  startedAt: number;
}

/** Baton's API as a production child on a free port; migrations run as it starts. */
export async function startApi(settings: Settings, database: BenchDatabase, apiCommand: ApiCommand): Promise<StartedApi> {
  // Long enough that the token outlives the whole run (config allows up to a day).
  const plannedSeconds = settings.scenarios.length * (settings.warmupSeconds + settings.rounds * (settings.durationSeconds + 2));
  const accessTtl = Math.min(86_400, Math.max(3_600, plannedSeconds * 2 + 600));
  const production = productionStart();
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const apiEnv = {
    ...baseEnv(),
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    DATABASE_URL: database.url,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // As npm run start:prod (MALLOC_MMAP_THRESHOLD_ and the rest; README, Runtime).
    ...production.env,
    SEED_DEMO: 'false',
    // No outbox delivery or no-show sweep running in the middle of a measurement.
    JOBS: 'off',
    // ~52 logins from one address before the load; the defaults (10/100 per 15 min) would refuse them.
    LOGIN_LIMIT_PER_ACCOUNT: '1000',
    LOGIN_LIMIT_PER_ADDRESS: '100000',
    DB_POOL_SIZE: String(settings.poolSize),
    JWT_ACCESS_TTL_SECONDS: String(accessTtl),
    // COVERAGE_CACHE_SECONDS=0 measures the boards computed for every request (the cache's miss path).
    ...(process.env.COVERAGE_CACHE_SECONDS ? { COVERAGE_CACHE_SECONDS: process.env.COVERAGE_CACHE_SECONDS } : {}),
  };
  const api = startNode('api', [...production.nodeArgs, ...settings.apiNodeArgs, ...apiCommand.args], apiEnv);
  const startedAt = Date.now();
  await waitForHttp(api, `${apiUrl}/health/ready`, 120_000);
  log(`API ready (${apiCommand.note}) on ${apiUrl} in ${((Date.now() - startedAt) / 1000).toFixed(1)}s; migrations ran`);
  return { api, apiUrl, apiEnv, startedAt };
}

/** The bare Fastify + pg server every ratio is divided by (baseline-server.ts). */
export async function startBaseline(settings: Settings, database: BenchDatabase): Promise<{ baseline: Child; baselineUrl: string }> {
  const port = await freePort();
  const baseline = startNode('baseline', [...SWC_NODE, join('test', 'bench', 'baseline-server.ts')], {
    ...baseEnv(),
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    PORT: String(port),
    POOL_SIZE: String(settings.poolSize),
  });
  const baselineUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(baseline, `${baselineUrl}/health`, 60_000);
  log(`baseline ready on ${baselineUrl}`);
  return { baseline, baselineUrl };
}
