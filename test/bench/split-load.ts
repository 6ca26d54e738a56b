import type { LoadClient } from './load-client';
import type { LoadResult } from './protocol';
import { percentile, sumOutcomes } from './report';
import type { BenchContext, Scenario } from './scenarios';

/**
 * One run of a scenario, its connections shared between `loadProcesses` load processes when the
 * scenario asks for more than one (megabyte answers), merged into one result: the same number of
 * connections in all, so the load on the API is the scenario's; only the client has more cores.
 */
export async function runScenario(
  loaders: LoadClient[],
  scenario: Scenario,
  ctx: BenchContext,
  connections: number,
  durationSeconds: number,
): Promise<LoadResult> {
  const processes = Math.max(1, Math.min(scenario.loadProcesses ?? 1, loaders.length, connections));
  if (processes === 1) return loaders[0].run(scenario.name, ctx, connections, durationSeconds);
  const shares = Array.from({ length: processes }, (_, i) => Math.floor(connections / processes) + (i < connections % processes ? 1 : 0));
  const parts = await Promise.all(shares.map((share, i) => loaders[i].run(scenario.name, ctx, share, durationSeconds, true)));
  return mergeResults(parts);
}

/** Sums the counts; the latency percentiles come from every answer's latency (nearest rank, like autocannon's whole milliseconds). */
export function mergeResults(parts: LoadResult[]): LoadResult {
  const latencies = parts.flatMap((p) => p.latencies ?? []);
  const at = (p: number) => percentile(latencies, p);
  const sum = (pick: (r: LoadResult) => number) => parts.reduce((total, r) => total + pick(r), 0);
  const refusedSamples = parts.flatMap((p) => p.refusedSamples ?? []).slice(0, 3);
  const requestsTotal = sum((r) => r.requestsTotal);
  return {
    scenario: parts[0].scenario,
    durationSeconds: Math.max(...parts.map((p) => p.durationSeconds)),
    requestsTotal,
    requestsPerSecond: sum((r) => r.requestsPerSecond),
    latencyMs: {
      p50: at(0.5),
      p90: at(0.9),
      p95: at(0.95),
      p99: at(0.99),
      max: Math.max(...parts.map((p) => p.latencyMs.max)),
      mean: requestsTotal ? sum((r) => r.latencyMs.mean * r.requestsTotal) / requestsTotal : NaN,
    },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    mismatches: sum((r) => r.mismatches),
    ...(parts.some((p) => p.outcomes) ? { outcomes: sumOutcomes(parts) } : {}),
    ...(refusedSamples.length ? { refusedSamples } : {}),
    loadProcesses: parts.length,
  };
}
