/** Opportunities (postings and referrals), applications with a frozen CV, JSON-LD JobPosting, opportunities for me. */
export { OpportunitiesModule } from './opportunities.module';
export { OPPORTUNITIES_ENTITIES } from './opportunities.entities';
export { OpportunityStatus, OpportunityKind, WorkMode, ContractType, ApplicationStage } from './common/opportunity-enums';
export { OpportunityEntity, OpportunitySkillEntity, OpportunityLanguageEntity } from './opportunity/opportunity.entity';
export { ApplicationEntity, ApplicationHistoryEntity } from './application/application.entity';
/** The scheduled job marking OPEN opportunities past their expiry as EXPIRED (`sweep(now?)` for tests and tools). */
export { OpportunityExpirySweeper, OPPORTUNITY_EXPIRY_JOB } from './opportunity/opportunity-expiry.job';
/** Builds the frozen CV an application carries (`build(manager, profile, now)`), for the demo seed. */
export { CvSnapshotBuilder } from './application/cv-snapshot.builder';
export type { CvSnapshot } from './application/cv-snapshot';
export { titleWords } from './recommendation/title-words';
