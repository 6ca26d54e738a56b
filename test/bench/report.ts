import type { CpuCores, LoadResult } from './protocol';

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile, in whole milliseconds like autocannon's. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
}

export interface ScenarioSummary {
  scenario: string;
  description: string;
  rounds: number;
  /** medians over rounds */
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number | null;
  p99Ms: number;
  /** median req/s ÷ median baseline req/s */
  ratioToBaseline: number;
  /** req/s ÷ baseline req/s of the same round, one per round */
  ratioPerRound: number[];
  /** for a scenario with a second reference (`sqlBaseline`): median req/s ÷ its median req/s */
  ratioToSqlBaseline?: number;
  /** the same, round by round */
  ratioToSqlBaselinePerRound?: number[];
  requestsPerSecondPerRound: number[];
  /** median over rounds of the cores each part used */
  cpuCores: CpuCores;
  /** summed over rounds */
  failures: { non2xx: number; errors: number; timeouts: number; mismatches: number };
  /** per-outcome counts summed over rounds, for scenarios that classify their answers */
  outcomes?: Record<string, number>;
  /** the highest API RSS sampled during any of its rounds, MiB */
  apiRssPeakMiB: number | null;
}

/** A scenario that could not run (e.g. a feature not in the API yet), shown in the table. */
export interface SkippedScenario {
  scenario: string;
  reason: string;
}

const rpsOf = (round: Map<string, LoadResult>, name: string) => round.get(name)?.requestsPerSecond ?? NaN;
const ratioPerRound = (rounds: Map<string, LoadResult>[], name: string, reference: string) =>
  rounds.map((round) => Math.round((rpsOf(round, name) / rpsOf(round, reference)) * 1000) / 1000);

export function summarise(
  scenarios: { name: string; description: string; sqlBaseline?: string }[],
  baseline: string,
  rounds: Map<string, LoadResult>[],
): ScenarioSummary[] {
  const baselineRps = median(rounds.map((round) => round.get(baseline)?.requestsPerSecond ?? NaN));
  return scenarios.map(({ name, description, sqlBaseline }) => {
    const results = rounds.map((round) => round.get(name)).filter((r): r is LoadResult => !!r);
    const rps = median(results.map((r) => r.requestsPerSecond));
    const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
    return {
      scenario: name,
      description,
      rounds: results.length,
      requestsPerSecond: rps,
      p50Ms: median(results.map((r) => r.latencyMs.p50)),
      p95Ms: median(results.map((r) => r.latencyMs.p95)),
      p99Ms: median(results.map((r) => r.latencyMs.p99)),
      ratioToBaseline: rps / baselineRps,
      cpuCores: {
        server: cpuMedian(results, 'server'),
        db: cpuMedian(results, 'db'),
        load: cpuMedian(results, 'load'),
        other: cpuMedian(results, 'other'),
        machine: cpuMedian(results, 'machine'),
      },
      ratioPerRound: ratioPerRound(rounds, name, baseline),
      ...(sqlBaseline
        ? {
            ratioToSqlBaseline: rps / median(rounds.map((round) => rpsOf(round, sqlBaseline))),
            ratioToSqlBaselinePerRound: ratioPerRound(rounds, name, sqlBaseline),
          }
        : {}),
      requestsPerSecondPerRound: results.map((r) => r.requestsPerSecond),
      apiRssPeakMiB: highest(results.map((r) => r.apiRssMiB?.peak)),
      failures: { non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), mismatches: sum((r) => r.mismatches) },
      ...(results.some((r) => r.outcomes) ? { outcomes: sumOutcomes(results) } : {}),
    };
  });
}

export function sumOutcomes(results: LoadResult[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const r of results) for (const [outcome, n] of Object.entries(r.outcomes ?? {})) total[outcome] = (total[outcome] ?? 0) + n;
  return Object.fromEntries(Object.entries(total).sort((a, b) => b[1] - a[1]));
}

function highest(values: Array<number | null | undefined>): number | null {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length ? Math.max(...known) : null;
}

function cpuMedian(results: LoadResult[], key: keyof CpuCores): number | null {
  const values = results.map((r) => r.cpuCores?.[key]).filter((v): v is number => typeof v === 'number');
  return values.length ? median(values) : null;
}

export function failureCount(summary: ScenarioSummary): number {
  const f = summary.failures;
  return f.non2xx + f.errors + f.timeouts + f.mismatches;
}

/** A plain-text table that reads well in a terminal and pastes into a pull request. */
export function table(summaries: ScenarioSummary[], skipped: SkippedScenario[] = []): string {
  const header = [
    'scenario',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'ratio',
    'ratio sql',
    'failures',
    'cores srv/db/load/other',
    'RSS peak MiB',
    'req/s per round',
  ];
  const cores = (v: number | null) => (v === null ? '?' : v.toFixed(2));
  // A run where no answer came back within the duration has no latencies (NaN, null once in JSON).
  const ms = (v: number | null) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(0) : '—');
  const rows = summaries.map((s) => [
    s.scenario,
    s.requestsPerSecond.toFixed(0),
    ms(s.p50Ms),
    ms(s.p95Ms),
    ms(s.p99Ms),
    s.ratioToBaseline.toFixed(2),
    s.ratioToSqlBaseline === undefined ? '—' : s.ratioToSqlBaseline.toFixed(2),
    String(failureCount(s)),
    [s.cpuCores.server, s.cpuCores.db, s.cpuCores.load, s.cpuCores.other].map(cores).join(' / '),
    s.apiRssPeakMiB === null ? '?' : String(s.apiRssPeakMiB),
    s.requestsPerSecondPerRound.map((v) => v.toFixed(0)).join(' / '),
  ]);
  for (const { scenario, reason } of skipped) rows.push([scenario, '—', '—', '—', '—', '—', '—', '—', `skipped: ${reason}`, '—', '—']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 9]);
  const line = (cells: string[]) => `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
