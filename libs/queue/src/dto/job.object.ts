import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageArgs } from '@baton/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { JobInfo } from '../job-store';

/** GraphQL names for pg-boss's states (its values are lower case). */
export enum JobStateValue {
  CREATED = 'created',
  RETRY = 'retry',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
  FAILED = 'failed',
}

registerEnumType(JobStateValue, {
  name: 'JobState',
  description: 'Where a background job is in its life',
  valuesMap: {
    CREATED: { description: 'Queued, waiting for its first run (or for its start time)' },
    RETRY: { description: 'A run failed; waiting for the next attempt (backoff)' },
    ACTIVE: { description: 'Running now in some process' },
    COMPLETED: { description: 'Finished successfully' },
    CANCELLED: { description: 'Cancelled by an admin; it will not run (again)' },
    FAILED: { description: 'Failed on its last allowed attempt, or expired' },
  },
});

@ObjectType('JobProgress', { description: 'How far a running (or finished) job got, as its handler reported it' })
export class JobProgressObject {
  @Field(() => Float, { description: 'Units of work done so far' }) done: number;
  @Field(() => Float, { nullable: true, description: 'Units of work in all, when known' }) total: number | null;
  @Field(() => Float, { nullable: true, description: 'Done over total, in percent (0 to 100), when the total is known' }) percent: number | null;
  @Field(() => String, { nullable: true, description: 'The step it is in, a short machine-written name' }) stage: string | null;
}

@ObjectType('Job', { description: 'A background job (payloads hold ids only and are not shown)' })
export class JobObject {
  @Field(() => ID, { description: 'The job id' }) id: string;
  @Field({ description: 'The kind of job, e.g. outbox.deliver or rostering.no-show-sweep' }) name: string;
  @Field(() => JobStateValue, { description: 'Its state now' }) state: JobStateValue;
  @Field(() => Int, { description: 'Runs started so far (0 while waiting for the first)' }) attempts: number;
  @Field(() => Int, { description: 'Retries allowed after the first failure' }) retryLimit: number;
  @Field(() => JobProgressObject, { nullable: true, description: 'The last progress reported, if any' }) progress: JobProgressObject | null;
  @Field(() => String, { nullable: true, description: 'The message of the last failure' }) error: string | null;
  @Field({ description: 'When it was queued' }) createdAt: Date;
  @Field({ description: 'Not run before this time' }) startAfter: Date;
  @Field(() => Date, { nullable: true, description: 'When its latest run started' }) startedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it completed, failed for good or was cancelled' }) completedAt: Date | null;
}

@ArgsType()
export class JobsArgs extends PageArgs {
  @Field(() => JobStateValue, { nullable: true, description: 'Only jobs in this state' })
  @IsOptional()
  @IsEnum(JobStateValue)
  state?: JobStateValue;

  @Field(() => String, { nullable: true, description: 'Only jobs of this kind' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string;
}

export function mapJob(job: JobInfo): JobObject {
  const progress = job.progress;
  return {
    id: job.id,
    name: job.name,
    state: job.state as JobStateValue,
    attempts: job.attempts,
    retryLimit: job.retryLimit,
    progress: progress
      ? {
          done: progress.done,
          total: progress.total,
          stage: progress.stage,
          percent: progress.total ? Math.min(100, (progress.done / progress.total) * 100) : null,
        }
      : null,
    error: job.error,
    createdAt: job.createdAt,
    startAfter: job.startAfter,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
  };
}
