import { Inject, Injectable, Module } from '@nestjs/common';
import { join } from 'node:path';
import { JobContext, JobHandler, type ProcessRole, threadTask } from '@baton/queue';
import { DataSource } from 'typeorm';

export interface JobRun {
  id: string;
  name: string;
  attempt: number;
  role: ProcessRole;
  /** The database's clock when the run started: retry spacing is read from it, not from the test's. */
  at: Date;
  outcome?: 'done' | 'failed' | 'aborted';
}

/** Every run of the test jobs, in every app of this test file (they share this module). */
export const jobRuns: JobRun[] = [];

const BURN = threadTask<{ ms: number }, { iterations: number; checksum: number }>(join(__dirname, 'burn.thread'), 'burn');
const PROCESS_ROLE_TOKEN = 'TEST_PROCESS_ROLE';

/** Test-only job handlers (test vehicles), registered the way domain libs register theirs. */
@Injectable()
export class TestJobs {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PROCESS_ROLE_TOKEN) private readonly role: ProcessRole,
  ) {}

  private async start(job: JobContext): Promise<JobRun> {
    const [{ now }] = await this.dataSource.query('SELECT clock_timestamp() AS now');
    const run: JobRun = { id: job.id, name: job.name, attempt: job.attempt, role: this.role, at: new Date(now) };
    jobRuns.push(run);
    return run;
  }

  @JobHandler('test.record', { retryLimit: 0 })
  async record(job: JobContext): Promise<{ seen: unknown }> {
    const run = await this.start(job);
    run.outcome = 'done';
    return { seen: job.data.n ?? null };
  }

  /** Fails until attempt `succeedOn`. */
  @JobHandler('test.flaky', { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: true })
  async flaky(job: JobContext<{ succeedOn: number }>): Promise<{ attempt: number }> {
    const run = await this.start(job as JobContext);
    if (job.attempt < job.data.succeedOn) {
      run.outcome = 'failed';
      throw new Error(`flaky attempt ${job.attempt}`);
    }
    run.outcome = 'done';
    return { attempt: job.attempt };
  }

  @JobHandler('test.doomed', { retryLimit: 1, retryDelaySeconds: 1, retryBackoff: true })
  async doomed(job: JobContext): Promise<never> {
    const run = await this.start(job);
    run.outcome = 'failed';
    throw new Error(`doomed attempt ${job.attempt}`);
  }

  /** Waits (no CPU) through `steps` steps of 50 ms, reporting progress, until done or aborted. */
  @JobHandler('test.slow', { retryLimit: 0 })
  async slow(job: JobContext<{ steps: number }>): Promise<{ steps: number }> {
    const run = await this.start(job as JobContext);
    for (let step = 1; step <= job.data.steps; step++) {
      if (job.signal.aborted) {
        run.outcome = 'aborted';
        throw job.signal.reason;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      job.progress({ done: step, total: job.data.steps, stage: 'waiting' });
    }
    run.outcome = 'done';
    return { steps: job.data.steps };
  }

  /** CPU-bound, in a worker thread: the mechanism real solvers and imports use. */
  @JobHandler('test.cpu-burn', { retryLimit: 0 })
  async cpuBurn(job: JobContext<{ ms: number }>): Promise<{ iterations: number }> {
    const run = await this.start(job as JobContext);
    try {
      const { iterations } = await job.runInThread(BURN, { ms: job.data.ms });
      run.outcome = 'done';
      return { iterations };
    } catch (error) {
      run.outcome = job.signal.aborted ? 'aborted' : 'failed';
      throw error;
    }
  }

  /** The same burn on the main thread: the control that shows what the thread spares the API. */
  @JobHandler('test.main-burn', { retryLimit: 0 })
  async mainBurn(job: JobContext<{ ms: number }>): Promise<{ iterations: number }> {
    const end = Date.now() + job.data.ms;
    let iterations = 0;
    while (Date.now() < end) iterations++;
    return { iterations };
  }
}

/** Add with `startTestApp({ imports: [testJobsModule('api')] })`. */
export function testJobsModule(role: ProcessRole) {
  @Module({ providers: [TestJobs, { provide: PROCESS_ROLE_TOKEN, useValue: role }] })
  class TestJobsModule {}
  return TestJobsModule;
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
