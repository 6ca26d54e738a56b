import { Injectable } from '@nestjs/common';
import { BadInputError, NotFoundError } from '@baton/core';
import type { Tx } from '@baton/database';
import { JobRegistry } from './job-registry';
import { JobOutput, JobRunner } from './job-runner';
import { JobWorkers } from './job-workers';
import { JobFilter, JobInfo, JobStore } from './job-store';
import { QueueBoss } from './queue-boss';
import { transactionExecutor } from './sql-executor';

/** Payloads carry ids and small values; anything bigger belongs in a table the job reads. */
export const MAX_PAYLOAD_BYTES = 4096;

export interface EnqueueOptions {
  /**
   * The caller's transaction: the job is inserted with its change and exists only if that
   * commits (so it is never seen before the commit, and never lost after it).
   */
  tx?: Tx;
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
  /** At most one waiting job per key for this job name (others are dropped: enqueue returns null). */
  singletonKey?: string;
}

/** What services use: enqueue, look up, cancel; and, for tests and commands, run a job directly. */
@Injectable()
export class JobQueue {
  constructor(
    private readonly boss: QueueBoss,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly workers: JobWorkers,
    private readonly store: JobStore,
  ) {}

  /** Queues job `name`; returns its id, or null when a singleton key kept an existing one. */
  async enqueue(name: string, data: Record<string, unknown> = {}, options: EnqueueOptions = {}): Promise<string | null> {
    this.definition(name);
    const payload = checkPayload(data);
    const boss = await this.queueReady();
    const id = await boss.send(name, payload, {
      ...(options.tx ? { db: transactionExecutor(options.tx.manager) } : {}),
      ...(options.startAfterSeconds ? { startAfter: Math.ceil(options.startAfterSeconds) } : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    });
    const wake = () => this.workers.notify(name);
    if (options.tx) options.tx.afterCommit(wake);
    else wake();
    return id;
  }

  find(id: string): Promise<JobInfo | null> {
    return this.store.find(id);
  }

  list(filter: Parameters<JobStore['list']>[0]): Promise<JobInfo[]> {
    return this.store.list(filter);
  }

  count(filter: JobFilter): Promise<number> {
    return this.store.count(filter);
  }

  /**
   * Cancels a job that has not finished: a waiting one never runs, a running one is aborted (at
   * once in this process, within about a second elsewhere). Returns the job as it is now.
   */
  async cancel(id: string): Promise<JobInfo> {
    const job = await this.store.find(id);
    if (!job) throw new NotFoundError('Job', id);
    if (['completed', 'cancelled', 'failed'].includes(job.state)) return job;
    const boss = await this.queueReady();
    await boss.cancel(job.name, id);
    this.runner.abortLocal(id, 'the job was cancelled');
    return (await this.store.find(id))!;
  }

  /** Runs the handler of `name` here and now, outside the queue (tests, commands). */
  runNow(name: string, data: Record<string, unknown> = {}): Promise<JobOutput> {
    return this.runner.runDirect(this.definition(name), checkPayload(data));
  }

  /** Names of the declared jobs. */
  names(): string[] {
    return this.registry.all().map((d) => d.name);
  }

  private definition(name: string) {
    const definition = this.registry.get(name);
    if (!definition) throw BadInputError.field('name', `No job is called "${name}"`, 'unknownJob');
    return definition;
  }

  private async queueReady() {
    // The CLI starts the queue lazily; its queues must exist before the first send.
    if (!this.boss.started && !this.boss.isEager) {
      await this.boss.get();
      await this.workers.ensureQueues();
    }
    return this.boss.get();
  }
}

function checkPayload(data: Record<string, unknown>): Record<string, unknown> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw BadInputError.field('data', 'A job payload is an object', 'payload');
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_PAYLOAD_BYTES) throw BadInputError.field('data', `A job payload holds ids, not data (${size} bytes > ${MAX_PAYLOAD_BYTES})`, 'payload');
  return data;
}
