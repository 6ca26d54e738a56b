import { Module } from '@nestjs/common';
import { DomainModule } from '@baton/composition';

/**
 * Commands never run jobs, whatever JOBS says: a migration must not race a sweep. Migrations and
 * the demo seed run only when asked for (`migration:run`, `seed`), never as a side effect of booting.
 */
@Module({ imports: [DomainModule.forRoot({ role: 'cli', config: { MIGRATIONS_RUN: 'false', SEED_DEMO: 'false' } })] })
export class CliModule {}
