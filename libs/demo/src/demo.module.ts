import { Module } from '@nestjs/common';
import { AlumniModule } from '@baton/alumni';
import { CredentialsModule } from '@baton/credentials';
import { IdentityModule } from '@baton/identity';
import { OpportunitiesModule } from '@baton/opportunities';
import { TalentModule } from '@baton/talent';
import { DemoBootstrap } from './demo-bootstrap';
import { DemoGenerator } from './demo-generator';

/** The Paris 2024 demo: the generator (also used by `npm run seed`) and the first-start seeding. */
@Module({
  imports: [IdentityModule, AlumniModule, CredentialsModule, OpportunitiesModule, TalentModule],
  providers: [DemoGenerator, DemoBootstrap],
  exports: [DemoGenerator],
})
export class DemoModule {}
