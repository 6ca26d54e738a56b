import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@baton/auth';
import { describeConstraint } from '@baton/database';
import { OrganisationsModule } from '@baton/organisations';
import { SkillsModule } from '@baton/skills';
import { OPPORTUNITIES_ENTITIES } from './opportunities.entities';
import { opportunityPermissions } from './opportunities.permissions';
import { OpportunityExpirySweeper } from './opportunity/opportunity-expiry.job';
import { OpportunityFieldsResolver } from './opportunity/opportunity-fields.resolver';
import { OpportunityQueryService } from './opportunity/opportunity-query.service';
import { OpportunityResolver } from './opportunity/opportunity.resolver';
import { OpportunityService } from './opportunity/opportunity.service';
import { ApplicationCountsLoader, OpportunityLanguagesLoader, OpportunitySkillsLoader } from './opportunity/opportunity.loaders';

describeConstraint('opportunities_organisation_fk', { field: 'organisationId', message: 'This organisation does not exist' });
describeConstraint('opportunities_event_fk', { field: 'eventId', message: 'This event does not exist' });
describeConstraint('opportunity_skills_skill_fk', { field: 'skills', message: 'This skill is not in the catalogue' });
describeConstraint('opportunities_location_check', { field: 'city', message: 'A city is required unless the work is REMOTE' });
describeConstraint('opportunities_status_transition', { field: 'status', message: 'This status change is not allowed' });
describeConstraint('applications_once_key', { field: 'opportunityId', message: 'You already applied to this opportunity' });
describeConstraint('applications_stage_transition', { field: 'stage', message: 'This stage change is not allowed' });

@Module({
  imports: [AuthModule.forFeature(opportunityPermissions), TypeOrmModule.forFeature(OPPORTUNITIES_ENTITIES), OrganisationsModule, SkillsModule],
  providers: [
    OpportunityService,
    OpportunityQueryService,
    OpportunitySkillsLoader,
    OpportunityLanguagesLoader,
    ApplicationCountsLoader,
    OpportunityExpirySweeper,
    OpportunityResolver,
    OpportunityFieldsResolver,
  ],
})
export class OpportunitiesModule {}
