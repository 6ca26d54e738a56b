import { Module } from '@nestjs/common';
import { DomainModule } from '@baton/composition';

/** Commands never run jobs, whatever JOBS says: a migration must not race a sweep. */
@Module({ imports: [DomainModule.forRoot({ role: 'cli' })] })
export class CliModule {}
