/** How far a run got, as the handler reports it; shown to admins, stored with the job. */
export interface JobProgress {
  done: number;
  /** Null while the total is unknown. */
  total: number | null;
  /** A short machine-written step name ("loading", "solving"), never personal data. */
  stage: string | null;
}

/** Keeps reported numbers sane whatever a handler passes (NaN, negatives, a long stage text). */
export function normaliseProgress(value: { done: number; total?: number | null; stage?: string | null }): JobProgress {
  const finite = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, n) : null);
  return {
    done: finite(value.done) ?? 0,
    total: finite(value.total),
    stage: typeof value.stage === 'string' ? value.stage.slice(0, 80) : null,
  };
}
