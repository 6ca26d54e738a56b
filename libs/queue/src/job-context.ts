import type { JobProgress } from './job-progress';
import type { ThreadTask } from './thread-task';

/** One run of a job, as its handler sees it. */
export interface JobContext<T = Record<string, unknown>> {
  /** The job's id (a uuid), or `direct:…` when a test ran it with `JobQueue.runNow`. */
  readonly id: string;
  readonly name: string;
  /** The payload: ids and small values only, never secrets or personal data. */
  readonly data: T;
  /** 1 for the first run, 2 for the first retry… */
  readonly attempt: number;
  /** Aborts when the job is cancelled, expires, or the process shuts down: check it between batches. */
  readonly signal: AbortSignal;
  /** Reports progress; written to the job at most twice a second. */
  progress(progress: { done: number; total?: number | null; stage?: string | null }): void;
  /** Runs a CPU-heavy function in a worker thread; its progress becomes the job's, cancelling terminates it. */
  runInThread<I, O>(task: ThreadTask<I, O>, input: I): Promise<O>;
  /** The last progress reported. */
  readonly lastProgress: JobProgress | null;
}
