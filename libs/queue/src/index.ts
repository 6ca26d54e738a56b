/**
 * Queue: durable jobs in PostgreSQL (pg-boss, on the app's own connection pool), declared by any
 * lib with `@JobHandler(name, options)` on a provider method, optionally on a schedule (every N
 * seconds, or cron). Retries with backoff, progress, cancellation, jobs that survive restarts,
 * and worker threads for CPU-heavy work. `JOBS` decides which processes run them.
 */
export { QueueModule } from './queue.module';
export { JobHandler } from './job-handler.decorator';
export type { JobOptions, JobSchedule } from './job-definition';
export type { JobContext } from './job-context';
export type { JobProgress } from './job-progress';
export { JobQueue, type EnqueueOptions, MAX_PAYLOAD_BYTES } from './job-queue.service';
export { JOB_STATES, type JobInfo, type JobState } from './job-store';
export type { JobOutput } from './job-runner';
export { JobScheduler } from './job-scheduler';
export { ThreadPool } from './thread-pool';
export { threadTask, type ThreadTask, type ThreadTaskArgs } from './thread-task';
export { runsJobs, type ProcessRole } from './process-role';
export { QueuePermission, queuePermissions } from './queue.permissions';
