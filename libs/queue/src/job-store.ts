import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobProgress } from './job-progress';
import { QUEUE_SCHEMA } from './queue-boss';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export const JOB_STATES: readonly JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

/** A job as admins and tests see it (pg-boss's row, mapped; archived jobs included). */
export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  data: Record<string, unknown>;
  /** Runs started so far (0 while it waits for its first). */
  attempts: number;
  retryLimit: number;
  progress: JobProgress | null;
  result: unknown;
  /** The last failure's message (no stack). */
  error: string | null;
  createdAt: Date;
  startAfter: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

interface JobRow {
  id: string;
  name: string;
  state: JobState;
  data: Record<string, unknown> | null;
  retry_count: number;
  retry_limit: number;
  output: Record<string, unknown> | null;
  created_on: Date;
  start_after: Date;
  started_on: Date | null;
  completed_on: Date | null;
}

const COLUMNS = 'id, name, state, data, retry_count, retry_limit, output, created_on, start_after, started_on, completed_on';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads pg-boss's tables: pg-boss 10 has no "list jobs" call. Reads go through TypeORM, so on the
 * embedded database they share the app's one connection like any other query.
 */
@Injectable()
export class JobStore {
  constructor(private readonly dataSource: DataSource) {}

  static isJobId(id: string): boolean {
    return UUID.test(id);
  }

  async find(id: string): Promise<JobInfo | null> {
    if (!JobStore.isJobId(id)) return null;
    const rows = await this.dataSource.query<JobRow[]>(
      `SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE id = $1
       UNION ALL SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.archive WHERE id = $1 LIMIT 1`,
      [id],
    );
    return rows[0] ? mapJob(rows[0]) : null;
  }

  /** Jobs of the queue, newest first (tests and the admin view; internal pg-boss queues left out). */
  async list(filter: JobFilter & { limit: number; before?: { createdAt: Date; id: string } }): Promise<JobInfo[]> {
    const params: unknown[] = [];
    const where = this.where(filter, params);
    if (filter.before) where.push(`(created_on, id) < ($${params.push(filter.before.createdAt)}::timestamptz, $${params.push(filter.before.id)}::uuid)`);
    const clause = where.join(' AND ');
    const rows = await this.dataSource.query<JobRow[]>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE ${clause}
                      UNION ALL SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.archive WHERE ${clause}) j
        ORDER BY created_on DESC, id DESC LIMIT $${params.push(filter.limit)}`,
      params,
    );
    return rows.map(mapJob);
  }

  /** How many jobs match, live and archived. */
  async count(filter: JobFilter): Promise<number> {
    const params: unknown[] = [];
    const clause = this.where(filter, params).join(' AND ');
    const [row] = await this.dataSource.query<Array<{ count: number }>>(
      `SELECT ((SELECT count(*) FROM ${QUEUE_SCHEMA}.job WHERE ${clause}) + (SELECT count(*) FROM ${QUEUE_SCHEMA}.archive WHERE ${clause}))::int AS count`,
      params,
    );
    return row.count;
  }

  private where(filter: JobFilter, params: unknown[]): string[] {
    const where = [`name NOT LIKE '\\_\\_pgboss%'`];
    if (filter.name) where.push(`name = $${params.push(filter.name)}`);
    if (filter.state) where.push(`state = $${params.push(filter.state)}::${QUEUE_SCHEMA}.job_state`);
    return where;
  }
}

export interface JobFilter {
  name?: string;
  state?: JobState;
}

function mapJob(row: JobRow): JobInfo {
  const output = row.output ?? {};
  const failed = row.state === 'failed' || row.state === 'retry';
  return {
    id: row.id,
    name: row.name,
    state: row.state,
    data: row.data ?? {},
    attempts: row.started_on ? row.retry_count + 1 : 0,
    retryLimit: row.retry_limit,
    progress: (output.progress as JobProgress | undefined) ?? null,
    result: output.result ?? null,
    error: failed && typeof output.message === 'string' ? output.message : null,
    createdAt: new Date(row.created_on),
    startAfter: new Date(row.start_after),
    startedAt: row.started_on ? new Date(row.started_on) : null,
    completedAt: row.completed_on ? new Date(row.completed_on) : null,
  };
}
