import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '@baton/auth';
import { BadInputError } from '@baton/core';
import { Connection, DEFAULT_PAGE_SIZE, ParseIdPipe } from '@baton/graphql';
import { JobObject, JobsArgs, mapJob } from './dto/job.object';
import { JobQueue } from './job-queue.service';
import { QueuePermission } from './queue.permissions';

const JobConnection = Connection(JobObject, 'Job');

/** Admins' view of the background jobs: newest first, with progress; and cancellation. */
@Resolver(() => JobObject)
export class JobsResolver {
  constructor(private readonly queue: JobQueue) {}

  @Query(() => JobConnection, { description: 'Background jobs, newest first (admins)' })
  @Allow(QueuePermission.JOBS_MANAGE)
  async jobs(@Args() args: JobsArgs) {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const filter = { state: args.state, name: args.name };
    const [rows, totalCount] = await Promise.all([
      this.queue.list({ ...filter, limit: first + 1, before: args.after ? decodeCursor(args.after) : undefined }),
      this.queue.count(filter),
    ]);
    const edges = rows.slice(0, first).map((job) => ({ cursor: encodeCursor(job.createdAt, job.id), node: mapJob(job) }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => JobObject, {
    description: 'Cancels a job that has not finished: a waiting one never runs, a running one is aborted. Finished jobs are returned unchanged.',
  })
  @Allow(QueuePermission.JOBS_MANAGE)
  async cancelJob(@Args('id', { type: () => ID, description: 'The job to cancel' }, ParseIdPipe) id: string): Promise<JobObject> {
    return mapJob(await this.queue.cancel(id));
  }
}

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const createdAt = new Date(at);
    if (!Number.isNaN(createdAt.getTime()) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return { createdAt, id };
  } catch {
    // the typed error below
  }
  throw BadInputError.field('after', 'This cursor is not valid for this list', 'cursor');
}
