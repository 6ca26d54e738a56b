import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarios as allScenarios } from './scenarios';

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

/** The knobs of `npm run bench` (BENCH_* variables, see README.md), validated before anything starts. */
export function readSettings() {
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
  // So does the second reference of a scenario that has one.
  const references = allScenarios.filter((s) => wanted.includes(s.name)).flatMap((s) => (s.sqlBaseline ? [s.sqlBaseline] : []));
  const scenarios = wanted.length ? allScenarios.filter((s) => s.baseline || wanted.includes(s.name) || references.includes(s.name)) : allScenarios;
  return {
    durationSeconds: intEnv('BENCH_DURATION', 10, 1, 600),
    rounds: intEnv('BENCH_ROUNDS', 3, 1, 50),
    connections: intEnv('BENCH_CONNECTIONS', 50, 1, 1000),
    warmupSeconds: intEnv('BENCH_WARMUP', 3, 0, 120),
    /** demo generator scale: 1 = Paris (5,301 staff records, ~15,000 shifts, ~60,000 assignments) */
    scale: numberEnv('BENCH_SCALE', 1, 0.05, 10),
    poolSize: intEnv('BENCH_POOL_SIZE', 10, 1, 200),
    /** generated alumni profiles for talent-search (bulk SQL after the demo seed; 0 = none) */
    talentProfiles: intEnv('BENCH_TALENT_PROFILES', 100_000, 0, 1_000_000),
    /** generated opportunities of the partner organisations for opportunity-list */
    opportunities: intEnv('BENCH_OPPORTUNITIES', 5_000, 0, 100_000),
    apiMode: apiMode as 'build' | 'swc',
    resultsDir: process.env.BENCH_RESULTS_DIR || join(tmpdir(), 'baton-bench'),
    /** extra node flags for the API child only, e.g. "--prof" or "--max-old-space-size=512" */
    apiNodeArgs: (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean),
    scenarios,
    baseline: baselines[0].name,
  };
}

export const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

/** Accounts the demo generator creates (libs/demo), all with the same password. */
export const DEMO = {
  eventCode: 'PAR24',
  admin: 'admin@baton.demo',
  coordinator: 'coordinator@baton.demo',
  recruiter: 'recruiter@baton.demo',
  alumnus: 'alumnus@baton.demo',
  password: 'baton-demo-2024',
} as const;

export type Settings = ReturnType<typeof readSettings>;
