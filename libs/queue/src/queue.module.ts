import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuthModule } from '@baton/auth';
import { JobQueue } from './job-queue.service';
import { JobRegistry } from './job-registry';
import { JobRunner } from './job-runner';
import { JobScheduler } from './job-scheduler';
import { JobStore } from './job-store';
import { JobWorkers } from './job-workers';
import { JobsResolver } from './jobs.resolver';
import { PROCESS_ROLE, ProcessRole } from './process-role';
import { QueueBoss } from './queue-boss';
import { ThreadPool } from './thread-pool';
import { queuePermissions } from './queue.permissions';

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { role: ProcessRole }): DynamicModule {
    return {
      module: QueueModule,
      imports: [AuthModule.forFeature(queuePermissions), DiscoveryModule],
      providers: [
        { provide: PROCESS_ROLE, useValue: options.role },
        QueueBoss,
        JobRegistry,
        JobRunner,
        JobScheduler,
        JobStore,
        JobWorkers,
        ThreadPool,
        JobQueue,
        JobsResolver,
      ],
      exports: [JobQueue, ThreadPool, JobScheduler, PROCESS_ROLE],
    };
  }
}
