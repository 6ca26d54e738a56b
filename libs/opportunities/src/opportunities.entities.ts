import { ApplicationEntity, ApplicationHistoryEntity, ApplicationStageMoveEntity } from './application/application.entity';
import { OpportunityEntity, OpportunityLanguageEntity, OpportunitySkillEntity } from './opportunity/opportunity.entity';

/** Every table of the opportunities lib. */
export const OPPORTUNITIES_ENTITIES = [
  OpportunityEntity,
  OpportunitySkillEntity,
  OpportunityLanguageEntity,
  ApplicationStageMoveEntity,
  ApplicationEntity,
  ApplicationHistoryEntity,
];
