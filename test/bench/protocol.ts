import type { BenchContext } from './scenarios';

/** Messages from run.ts to the load process (load.ts) over the IPC channel of `fork`. */
export type LoadCommand =
  | { type: 'verify'; id: number; scenario: string; ctx: BenchContext }
  | {
      type: 'run';
      id: number;
      scenario: string;
      ctx: BenchContext;
      connections: number;
      durationSeconds: number;
      timeoutSeconds: number;
      keepLatencies?: boolean;
    };

/** One autocannon run, reduced to what the report needs. */
export interface LoadResult {
  scenario: string;
  durationSeconds: number;
  requestsTotal: number;
  /** autocannon's req/s: mean of the per-second samples */
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  /** responses refused by the scenario's verifyBody (e.g. a GraphQL `errors` member) */
  mismatches: number;
  /** per-outcome counts, for scenarios with `classify` (e.g. assign-mix: assigned vs refused:<rule>) */
  outcomes?: Record<string, number>;
  /** how many load processes shared the connections (split-load.ts); absent: one */
  loadProcesses?: number;
  /** every answer's latency in ms, when the run was asked to keep them (one share of a run split between load processes) */
  latencies?: number[];
  /** the beginning of the first (at most 3) answers the scenario's check refused */
  refusedSamples?: string[];
  /** measured by run.ts (cpu.ts), not by the load process */
  cpuCores?: CpuCores;
  /** the API's RSS in MiB, the highest sampled during the run and at its end (memory.ts, run.ts) */
  apiRssMiB?: { peak: number | null; end: number | null };
}

/**
 * Cores busy on average during a run (1.0 = one core), from /proc; null where unavailable.
 * server: API + baseline processes; db: PostgreSQL backends of the bench database; load: the
 * autocannon process; other: the rest of the machine (other jobs: noise); machine: everything.
 */
export interface CpuCores {
  server: number | null;
  db: number | null;
  load: number | null;
  other: number | null;
  machine: number | null;
}

export interface VerifyResult {
  scenario: string;
  status: number;
  problems: string[];
  /** beginning of the response, for the report */
  sample: string;
  /** GraphQL error codes of the answer (accepted ones too) */
  errorCodes: string[];
  /** the scenario's classification of the answer, when it has `classify` */
  outcome?: string;
}

export type LoadReply =
  | { type: 'ready' }
  | { type: 'verified'; id: number; result: VerifyResult }
  | { type: 'result'; id: number; result: LoadResult }
  | { type: 'failed'; id: number; message: string };
