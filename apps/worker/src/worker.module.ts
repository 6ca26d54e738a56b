import { Module } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { DomainModule } from '@baton/composition';
import { loggerParams } from '@baton/observability';
import { LoggerModule } from 'nestjs-pino';

/**
 * The worker: the same modules as the API, no HTTP. With JOBS=worker the API instances only
 * enqueue and this process runs every job and schedule; with JOBS=api it simply helps them.
 */
@Module({
  imports: [DomainModule.forRoot({ role: 'worker' }), LoggerModule.forRootAsync({ inject: [BatonConfig], useFactory: loggerParams })],
})
export class WorkerModule {}
