import type { JobContext } from './job-context';

/** A schedule: every N seconds (aligned slots, one run per slot across instances) or a cron line. */
export type JobSchedule = { everySeconds: number } | { cron: string; timezone?: string };

export interface JobOptions {
  /** Attempts after the first failure (default 2). */
  retryLimit?: number;
  /** Seconds before the first retry (default 5); with `retryBackoff` it doubles each time, with jitter. */
  retryDelaySeconds?: number;
  /** Exponential backoff between retries (default true). */
  retryBackoff?: boolean;
  /** A run still going after this long is failed (and retried); the handler's signal aborts (default 15 min). */
  expireInSeconds?: number;
  /** Runs of this job at once in one process (default 1). */
  concurrency?: number;
  /** Enqueued by the platform on this schedule, in processes that run jobs. */
  schedule?: JobSchedule;
}

export type JobHandlerFn<T = Record<string, unknown>, R = unknown> = (job: JobContext<T>) => Promise<R>;

/** A handler found at startup: the decorated method bound to its provider. */
export interface JobDefinition {
  name: string;
  options: Required<Omit<JobOptions, 'schedule'>> & { schedule?: JobSchedule };
  handler: JobHandlerFn<Record<string, unknown>>;
  /** `Class.method`, for messages. */
  source: string;
}

export const JOB_DEFAULTS: Required<Omit<JobOptions, 'schedule'>> = {
  retryLimit: 2,
  retryDelaySeconds: 5,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  concurrency: 1,
};

/** pg-boss queue names: letters, digits, `_`, `-`, `.`; short enough to read in a list. */
export const JOB_NAME = /^[a-z][a-z0-9_.-]{2,49}$/;
