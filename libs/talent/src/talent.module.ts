import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumniModule } from '@baton/alumni';
import { AuthModule } from '@baton/auth';
import { ConstraintsModule } from '@baton/database';
import { BlockResolver } from './block/block.resolver';
import { BlockService } from './block/block.service';
import { OpportunityCandidatesResolver } from './candidates/opportunity-candidates.resolver';
import { OpportunityCandidatesService } from './candidates/opportunity-candidates.service';
import { ContactExpiryJob } from './contact/contact-expiry.job';
import { ContactFieldResolver } from './contact/contact-field.resolver';
import { ContactLoader } from './contact/contact.loader';
import { ContactResolver } from './contact/contact.resolver';
import { ContactService } from './contact/contact.service';
import { SavedSearchAlertsJob } from './saved/saved-search-alerts.job';
import { SavedSearchResolver } from './saved/saved-search.resolver';
import { SavedSearchService } from './saved/saved-search.service';
import { TalentSearchResolver } from './search/talent-search.resolver';
import { SearchChangesPruneJob } from './search/engine/search-changes-prune.job';
import { TalentEngineService } from './search/engine/talent-engine.service';
import { TalentPageReader } from './search/talent-page-reader';
import { TalentSearchService } from './search/talent-search.service';
import { TALENT_ENTITIES } from './talent.entities';
import { talentPermissions } from './talent.permissions';
import { TalentPrivacyContributor } from './privacy/talent-privacy.contributor';
import { talentConstraints } from './talent.constraints';

@Module({
  imports: [AuthModule.forFeature(talentPermissions), ConstraintsModule.forFeature(talentConstraints), TypeOrmModule.forFeature(TALENT_ENTITIES), AlumniModule],
  providers: [
    TalentPrivacyContributor,
    TalentSearchService,
    TalentPageReader,
    TalentEngineService,
    SearchChangesPruneJob,
    TalentSearchResolver,
    ContactService,
    ContactResolver,
    ContactFieldResolver,
    ContactLoader,
    ContactExpiryJob,
    BlockService,
    BlockResolver,
    SavedSearchService,
    SavedSearchResolver,
    SavedSearchAlertsJob,
    OpportunityCandidatesService,
    OpportunityCandidatesResolver,
  ],
  exports: [TalentSearchService, SavedSearchAlertsJob],
})
export class TalentModule {}
