import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { MessageChannel } from 'node:worker_threads';
import { BatonConfig } from '@baton/config';
import { Piscina } from 'piscina';
import { normaliseProgress, JobProgress } from './job-progress';
import type { ThreadTask } from './thread-task';

/**
 * The worker threads of this process (piscina): a pool sized by JOB_THREADS, started on first
 * use, threads ended after 30 s idle. An aborted run terminates its thread, so cancelling a
 * solver really stops the CPU burn instead of waiting for the function to look up.
 */
@Injectable()
export class ThreadPool implements OnApplicationShutdown {
  private pool?: Piscina;

  constructor(private readonly config: BatonConfig) {}

  async run<I, O>(task: ThreadTask<I, O>, input: I, options: { signal?: AbortSignal; onProgress?: (progress: JobProgress) => void } = {}): Promise<O> {
    const pool = (this.pool ??= this.createPool());
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: { done: number; total?: number; stage?: string }) => options.onProgress?.(normaliseProgress(message)));
    try {
      return (await pool.run(
        { input, progress: port2 },
        { filename: task.filename, name: task.exportName, transferList: [port2], ...(options.signal ? { signal: options.signal } : {}) },
      )) as O;
    } finally {
      port1.close();
    }
  }

  /** Threads currently alive (tests check the pool shrinks and nothing leaks). */
  get threadCount(): number {
    return this.pool?.threads.length ?? 0;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private createPool(): Piscina {
    // Sources (tests, `node -r @swc-node/register`) need the TypeScript loader in each thread too.
    const execArgv = __filename.endsWith('.ts') ? ['--require', require.resolve('@swc-node/register')] : [];
    return new Piscina({ minThreads: 0, maxThreads: this.config.jobs.threads, idleTimeout: 30_000, execArgv });
  }
}
