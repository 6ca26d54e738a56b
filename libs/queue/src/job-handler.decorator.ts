import { SetMetadata } from '@nestjs/common';
import { JOB_NAME, JobOptions } from './job-definition';

export const JOB_HANDLER_METADATA = 'baton:job-handler';

export interface JobHandlerMetadata {
  name: string;
  options: JobOptions;
}

/**
 * Marks a provider method as the handler of job `name`. Any module's providers may carry it:
 * the queue finds them at startup, so a domain lib declares its jobs and schedules in its own
 * module without touching this lib. The method receives a `JobContext` and may return a small
 * JSON result.
 */
export function JobHandler(name: string, options: JobOptions = {}): MethodDecorator {
  if (!JOB_NAME.test(name)) throw new Error(`Job name "${name}" must match ${JOB_NAME}`);
  return SetMetadata<string, JobHandlerMetadata>(JOB_HANDLER_METADATA, { name, options });
}
