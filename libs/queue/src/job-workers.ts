import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type PgBoss from 'pg-boss';
import { JobDefinition } from './job-definition';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { QueueBoss } from './queue-boss';

/** How long shutdown lets running jobs finish before aborting them (pg-boss then retries them). */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Where JOBS says so (see runsJobs), polls each job's queue with pg-boss workers and hands each
 * job to the runner; starts the schedules. Everywhere (but the CLI), makes sure every declared
 * queue exists with its declared retry settings, so enqueueing works in every process.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobQueue');
  private workerIds = new Map<string, string[]>();

  constructor(
    private readonly boss: QueueBoss,
    private readonly registry: JobRegistry,
    private readonly runner: JobRunner,
    private readonly scheduler: JobScheduler,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.boss.isEager) return;
    await this.ensureQueues();
    if (!this.boss.runsJobs) return;
    const boss = await this.boss.get();
    for (const definition of this.registry.all()) {
      const ids: string[] = [];
      for (let i = 0; i < definition.options.concurrency; i++) {
        ids.push(
          await boss.work(definition.name, { batchSize: 1, includeMetadata: true }, ([job]) =>
            this.handle(definition, job as PgBoss.JobWithMetadata<object> | undefined),
          ),
        );
      }
      this.workerIds.set(definition.name, ids);
    }
    await this.scheduler.start();
    this.logger.log(`running ${this.registry.all().length} job types in this process`);
  }

  /** Wakes this process's workers of `name` (after a local enqueue commits) instead of waiting for the next poll. */
  notify(name: string): void {
    const boss = this.boss.started;
    for (const id of this.workerIds.get(name) ?? []) boss?.notifyWorker(id);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.scheduler.stop();
    // After the grace period, abort what still runs: threads end, pg-boss marks the jobs failed and retries them.
    const abort = setTimeout(() => this.runner.abortAll('the process is shutting down'), SHUTDOWN_GRACE_MS);
    abort.unref();
    try {
      await this.boss.stop(SHUTDOWN_GRACE_MS + 2000);
    } finally {
      clearTimeout(abort);
    }
  }

  /** Creates missing queues and applies the declared retry settings to existing ones (idempotent, safe concurrently). */
  async ensureQueues(): Promise<void> {
    const boss = await this.boss.get();
    for (const definition of this.registry.all()) {
      const options = queueOptions(definition);
      await boss.createQueue(definition.name, options);
      await boss.updateQueue(definition.name, options);
    }
  }

  private async handle(definition: JobDefinition, job: PgBoss.JobWithMetadata<object> | undefined): Promise<unknown> {
    if (!job) return null;
    const output = await this.runner.run(definition, {
      id: job.id,
      data: (job.data ?? {}) as Record<string, unknown>,
      attempt: job.retryCount + 1,
      stored: true,
    });
    return output;
  }
}

function queueOptions(definition: JobDefinition): PgBoss.Queue {
  const { options } = definition;
  return {
    name: definition.name,
    // Scheduled queues keep at most one waiting run per schedule key: a slow run never piles up slots.
    policy: options.schedule && 'everySeconds' in options.schedule ? 'short' : 'standard',
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: options.retryBackoff,
    expireInSeconds: options.expireInSeconds,
  };
}
