import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { ConstraintsModule } from '@baton/database';
import { OrganisationsModule } from '@baton/organisations';
import { IdentityModule } from '@baton/identity';
import { CredentialsModule } from '@baton/credentials';
import { SkillsModule } from '@baton/skills';
import { ApplicationQueryService } from './application/application-query.service';
import { ApplicationHistoryLoader, OpportunityByIdLoader } from './application/application.loaders';
import { ApplicationResolver } from './application/application.resolver';
import { ApplicationService } from './application/application.service';
import { CvSnapshotBuilder } from './application/cv-snapshot.builder';
import { StageMoves } from './application/stage-moves';
import { JobPostingController } from './job-posting/job-posting.controller';
import { OpportunitiesForMeResolver } from './recommendation/opportunities-for-me.resolver';
import { OpportunitiesForMeService } from './recommendation/opportunities-for-me.service';
import { OPPORTUNITIES_ENTITIES } from './opportunities.entities';
import { opportunityPermissions } from './opportunities.permissions';
import { OpportunitiesPrivacyContributor } from './privacy/opportunities-privacy.contributor';
import { OpportunityExpirySweeper } from './opportunity/opportunity-expiry.job';
import { OpportunityFieldsResolver } from './opportunity/opportunity-fields.resolver';
import { OpportunityQueryService } from './opportunity/opportunity-query.service';
import { OpportunityResolver } from './opportunity/opportunity.resolver';
import { OpportunityService } from './opportunity/opportunity.service';
import { ApplicationCountsLoader, OpportunityLanguagesLoader, OpportunitySkillsLoader } from './opportunity/opportunity.loaders';
import { opportunitiesConstraints } from './opportunities.constraints';

@Module({
  controllers: [JobPostingController],
  imports: [
    AuthModule.forFeature(opportunityPermissions),
    ConstraintsModule.forFeature(opportunitiesConstraints),
    TypeOrmModule.forFeature(OPPORTUNITIES_ENTITIES),
    OrganisationsModule,
    SkillsModule,
    IdentityModule,
    CredentialsModule,
  ],
  providers: [
    OpportunityService,
    OpportunitiesPrivacyContributor,
    OpportunityQueryService,
    OpportunitySkillsLoader,
    OpportunityLanguagesLoader,
    ApplicationCountsLoader,
    OpportunityExpirySweeper,
    OpportunityResolver,
    OpportunityFieldsResolver,
    StageMoves,
    CvSnapshotBuilder,
    ApplicationService,
    ApplicationQueryService,
    ApplicationHistoryLoader,
    OpportunityByIdLoader,
    ApplicationResolver,
    OpportunitiesForMeService,
    OpportunitiesForMeResolver,
  ],
  exports: [CvSnapshotBuilder, OpportunityExpirySweeper],
})
export class OpportunitiesModule {}
