import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import type PgBoss from 'pg-boss';
import { JobDefinition } from './job-definition';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { JobStartGate } from './job-start-gate';
import { QueueBoss } from './queue-boss';

/** How long shutdown lets running jobs finish before aborting them (pg-boss then retries them). */
export const SHUTDOWN_GRACE_MS = 10_000;
/** After aborting, how long a handler that ignores its signal gets before its job is failed for it. */
const ABORT_GRACE_MS = 2_000;

/**
 * Where JOBS says so (see runsJobs), one fetch loop per job type and concurrency slot takes jobs
 * from pg-boss (FOR UPDATE SKIP LOCKED) and hands them to the runner, then records completion or
 * failure (pg-boss schedules the retry). The loops are ours rather than pg-boss's `work()` so
 * shutdown can wait for them exactly: pg-boss 10 keeps polling timers alive after `stop()`.
 * Everywhere but the CLI, makes sure every declared queue exists with its declared settings.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private loops: Promise<void>[] = [];
  private stopping = false;
  private readonly sleepers = new Map<string, Set<() => void>>();
  private readonly inProgress = new Map<string, string>();

  constructor(
    private readonly boss: QueueBoss,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly scheduler: JobScheduler,
    private readonly config: BatonConfig,
    private readonly gate: JobStartGate,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss.isEager) return;
    await this.ensureQueues();
    if (!this.boss.runsJobs) return;
    if (this.gate.isOpen) return this.startRunning();
    // Not awaited: the task holding the gate may itself be a bootstrap hook that runs after this one.
    this.logger.log('job loops and schedules start once the start-up tasks are done');
    void this.gate
      .opened()
      .then(() => this.startRunning())
      .catch((error: Error) => this.logger.error(`could not start the job loops: ${error.message}`));
  }

  private async startRunning(): Promise<void> {
    if (this.stopping) return;
    const boss = await this.boss.get();
    for (const definition of this.registry.all()) {
      for (let i = 0; i < definition.options.concurrency; i++) this.loops.push(this.loop(boss, definition));
    }
    await this.scheduler.start();
    this.logger.log(`running ${this.registry.all().length} job types in this process`);
  }

  /** Wakes this process's idle loops of `name` (after a local enqueue commits) instead of waiting for the next poll. */
  notify(name: string): void {
    for (const wake of this.sleepers.get(name) ?? []) wake();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.scheduler.stop();
    for (const wakes of this.sleepers.values()) for (const wake of wakes) wake();
    const loops = Promise.all(this.loops);
    if (!(await settlesWithin(loops, SHUTDOWN_GRACE_MS))) {
      this.runner.abortAll('the process is shutting down');
      if (!(await settlesWithin(loops, ABORT_GRACE_MS))) await this.failInProgress();
    }
    await this.boss.stop();
  }

  /** Creates missing queues and applies the declared settings to existing ones (idempotent, safe concurrently). */
  async ensureQueues(): Promise<void> {
    const boss = await this.boss.get();
    for (const definition of this.registry.all()) {
      const options = queueOptions(definition);
      await boss.createQueue(definition.name, options);
      await boss.updateQueue(definition.name, options);
    }
  }

  private async loop(boss: PgBoss, definition: JobDefinition): Promise<void> {
    while (!this.stopping) {
      let job: PgBoss.JobWithMetadata<object> | undefined;
      try {
        [job] = (await boss.fetch<object>(definition.name, { batchSize: 1, includeMetadata: true })) ?? [];
      } catch (error) {
        this.logger.warn(`could not fetch ${definition.name}: ${(error as Error).message}`);
      }
      if (job) await this.execute(boss, definition, job);
      else if (!this.stopping) await this.sleep(definition.name, this.config.jobs.pollSeconds * 1000);
    }
  }

  private async execute(boss: PgBoss, definition: JobDefinition, job: PgBoss.JobWithMetadata<object>): Promise<void> {
    this.inProgress.set(job.id, definition.name);
    try {
      const output = await this.runner.run(definition, {
        id: job.id,
        data: (job.data ?? {}) as Record<string, unknown>,
        attempt: job.retryCount + 1,
        stored: true,
      });
      await boss.complete(definition.name, job.id, output as unknown as object);
    } catch (error) {
      // pg-boss stores the message (admins see it) and retries if the limit allows; a cancelled job stays cancelled.
      this.logger.warn(`job ${definition.name} ${job.id} failed: ${(error as Error).message}`);
      await boss.fail(definition.name, job.id, errorOutput(error)).catch((e: Error) => this.logger.warn(`could not record the failure: ${e.message}`));
    } finally {
      this.inProgress.delete(job.id);
    }
  }

  private async failInProgress(): Promise<void> {
    const boss = this.boss.started;
    for (const [id, name] of this.inProgress) {
      await boss?.fail(name, id, { message: 'the process shut down while the job ran' }).catch(() => undefined);
    }
  }

  private sleep(name: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wakes = this.sleepers.get(name) ?? new Set<() => void>();
      this.sleepers.set(name, wakes);
      const wake = () => {
        clearTimeout(timer);
        wakes.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakes.add(wake);
    });
  }
}

function errorOutput(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function queueOptions(definition: JobDefinition): PgBoss.Queue {
  const { options } = definition;
  return {
    name: definition.name,
    // Scheduled queues keep at most one waiting run per schedule key: a slow run never piles up slots.
    policy: options.schedule ? 'short' : 'standard',
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: options.retryBackoff,
    expireInSeconds: options.expireInSeconds,
  };
}
