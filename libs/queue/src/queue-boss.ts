import { Inject, Injectable, Logger } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { PROCESS_ROLE, ProcessRole, runsJobs } from './process-role';
import { poolExecutor } from './sql-executor';

/** The schema the migration creates (see migrations/…-JobQueue.ts); pg-boss only checks its version. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * The one pg-boss instance of the process, on the app's own connection pool. Started on first
 * use (the CLI never needs it unless a command enqueues), stopped before the pool closes.
 */
@Injectable()
export class QueueBoss {
  private readonly logger = new Logger('JobQueue');
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: BatonConfig,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  get runsJobs(): boolean {
    return runsJobs(this.role, this.config);
  }

  /** API and worker start the queue at boot; the CLI only when a command uses it (it may run before the migrations). */
  get isEager(): boolean {
    return this.role !== 'cli';
  }

  /** The started instance; the first call starts it (and checks the schema version). */
  async get(): Promise<PgBoss> {
    if (this.boss) return this.boss;
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  get started(): PgBoss | undefined {
    return this.boss;
  }

  /** Called once our fetch loops have ended (JobWorkers), so nothing of pg-boss's is running. */
  async stop(): Promise<void> {
    const boss = this.boss ?? (await this.starting?.catch(() => undefined));
    this.boss = undefined;
    this.starting = undefined;
    // Not graceful: there is no pg-boss worker left to wait for. close: false, the pool is TypeORM's.
    await boss?.stop({ graceful: false, wait: true, close: false });
  }

  private async start(): Promise<PgBoss> {
    const active = this.runsJobs;
    const boss = new PgBoss({
      db: poolExecutor(this.dataSource),
      schema: QUEUE_SCHEMA,
      // The schema is made by Baton's migrations; pg-boss refuses to start on another version.
      migrate: false,
      // Maintenance (expiring, archiving) only where jobs run; schedules are JobScheduler's, cron included.
      supervise: active,
      schedule: false,
      pollingIntervalSeconds: this.config.jobs.pollSeconds,
    });
    boss.on('error', (error: Error) => this.logger.warn(`queue error: ${error.message}`));
    await boss.start();
    this.boss = boss;
    return boss;
  }
}
