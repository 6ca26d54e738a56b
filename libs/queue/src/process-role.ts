import type { BatonConfig } from '@baton/config';

/** Which app this process is: the HTTP API, the worker (`npm run worker`), or a CLI command. */
export type ProcessRole = 'api' | 'worker' | 'cli';

/**
 * JOBS=api: API instances run the jobs (and a worker, if one runs, helps).
 * JOBS=worker: only workers run them; the API enqueues. JOBS=off: nobody here does.
 * Commands never run jobs: a migration must not race a sweep.
 */
export function runsJobs(role: ProcessRole, config: BatonConfig): boolean {
  const mode = config.jobs.mode;
  if (role === 'cli' || mode === 'off') return false;
  return role === 'worker' || mode === 'api';
}

export const PROCESS_ROLE = Symbol('PROCESS_ROLE');
