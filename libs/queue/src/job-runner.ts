import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JobContext } from './job-context';
import { JobDefinition } from './job-definition';
import { JobProgress, normaliseProgress } from './job-progress';
import { QUEUE_SCHEMA } from './queue-boss';
import { poolExecutor, SqlExecutor } from './sql-executor';
import { ThreadPool } from './thread-pool';
import type { ThreadTask } from './thread-task';

/** How often a running job looks whether it was cancelled (besides each progress write). */
export const CANCEL_CHECK_MS = 1000;
const PROGRESS_WRITE_MS = 500;

export interface RunRequest {
  id: string;
  data: Record<string, unknown>;
  attempt: number;
  /** Stored jobs report progress into their row and watch it for cancellation; direct runs do neither. */
  stored: boolean;
}

/** What a stored job keeps as its output: the handler's result and the last progress. */
export interface JobOutput {
  result: unknown;
  progress: JobProgress | null;
}

/**
 * Runs one job's handler with its context: a signal that aborts on cancellation (seen in the
 * job's row), expiry or shutdown; progress written to the row, throttled; CPU-heavy parts in
 * worker threads. pg-boss records completion or failure from what this returns or throws.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger('JobQueue');
  private readonly running = new Map<string, AbortController>();
  private readonly sql: SqlExecutor;

  constructor(
    dataSource: DataSource,
    private readonly threads: ThreadPool,
  ) {
    this.sql = poolExecutor(dataSource);
  }

  /** Ids of the jobs running in this process now. */
  get runningIds(): string[] {
    return [...this.running.keys()];
  }

  /** Aborts a run of this process at once (cancellation also reaches runs elsewhere, through the row). */
  abortLocal(id: string, reason: string): void {
    this.running.get(id)?.abort(new Error(reason));
  }

  /** Aborts every run in this process (shutdown after the grace period). */
  abortAll(reason: string): void {
    for (const controller of this.running.values()) controller.abort(new Error(reason));
  }

  async run(definition: JobDefinition, request: RunRequest): Promise<JobOutput> {
    const controller = new AbortController();
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(definition.options.expireInSeconds * 1000)]);
    this.running.set(request.id, controller);
    const progress = new ProgressWriter(request.stored ? (p) => this.writeProgress(definition.name, request.id, p) : undefined, () =>
      controller.abort(new Error('the job was cancelled')),
    );
    const watcher = request.stored ? setInterval(() => void this.checkStillActive(definition.name, request.id, controller), CANCEL_CHECK_MS) : undefined;
    watcher?.unref();
    const context: JobContext = {
      id: request.id,
      name: definition.name,
      data: request.data,
      attempt: request.attempt,
      signal,
      progress: (value) => progress.report(normaliseProgress(value)),
      runInThread: <I, O>(task: ThreadTask<I, O>, input: I) => this.threads.run(task, input, { signal, onProgress: (value) => progress.report(value) }),
      get lastProgress() {
        return progress.last;
      },
    };
    try {
      const result = await definition.handler(context);
      signal.throwIfAborted();
      return { result: result ?? null, progress: progress.last };
    } finally {
      clearInterval(watcher);
      await progress.flush();
      this.running.delete(request.id);
    }
  }

  /** A run outside the queue (tests, commands): same handler, same context, no stored row. */
  runDirect(definition: JobDefinition, data: Record<string, unknown>): Promise<JobOutput> {
    return this.run(definition, { id: `direct:${randomUUID()}`, data, attempt: 1, stored: false });
  }

  /** Writes progress if the job is still active; false when it is not (cancelled, expired). */
  private async writeProgress(name: string, id: string, progress: JobProgress): Promise<boolean> {
    const { rows } = await this.sql.executeSql(
      `UPDATE ${QUEUE_SCHEMA}.job SET output = jsonb_build_object('progress', $3::jsonb) WHERE name = $1 AND id = $2 AND state = 'active' RETURNING id`,
      [name, id, JSON.stringify(progress)],
    );
    return rows.length === 1;
  }

  private async checkStillActive(name: string, id: string, controller: AbortController): Promise<void> {
    try {
      const { rows } = await this.sql.executeSql(`SELECT state FROM ${QUEUE_SCHEMA}.job WHERE name = $1 AND id = $2`, [name, id]);
      if (rows[0]?.state !== 'active') controller.abort(new Error(`the job is ${String(rows[0]?.state ?? 'gone')}`));
    } catch (error) {
      // A lost connection is not a cancellation; the next check tries again.
      this.logger.debug?.(`cancellation check failed: ${(error as Error).message}`);
    }
  }
}

/** Keeps the newest progress and writes it at most every PROGRESS_WRITE_MS, never two writes at once. */
class ProgressWriter {
  last: JobProgress | null = null;
  private pending = false;
  private writing?: Promise<void>;
  private lastWrite = 0;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly write: ((progress: JobProgress) => Promise<boolean>) | undefined,
    private readonly onGone: () => void,
  ) {}

  report(progress: JobProgress): void {
    if (this.closed) return;
    this.last = progress;
    if (!this.write) return;
    this.pending = true;
    if (this.timer || this.writing) return;
    const wait = Math.max(0, this.lastWrite + PROGRESS_WRITE_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, wait);
    this.timer.unref();
  }

  /** Stops writing: the run is over and pg-boss records the final output. */
  async flush(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.writing;
  }

  private async writeNow(): Promise<void> {
    if (!this.pending || !this.last || !this.write) return;
    this.pending = false;
    this.lastWrite = Date.now();
    const write = this.write;
    const progress = this.last;
    this.writing = write(progress)
      .then((active) => {
        if (!active) this.onGone();
      })
      .catch(() => undefined)
      .finally(() => {
        this.writing = undefined;
        if (this.pending) this.report(this.last!);
      });
    await this.writing;
  }
}
