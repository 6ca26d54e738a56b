import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { LanguageLevel } from '@baton/alumni';
import { OrganisationObject } from '@baton/organisations';
import { SkillObject } from '@baton/skills';
import { ApplicationStage, ContractType, OpportunityKind, OpportunityStatus, WorkMode } from '../../common/opportunity-enums';
import '../../common/opportunity-enums.graphql';

@ObjectType('OpportunitySkill', { description: 'A skill an opportunity wants, with the minimum level' })
export class OpportunitySkillObject {
  @Field(() => ID, { description: 'The catalogue skill' }) skillId: string;
  @Field(() => SkillObject, { nullable: true, description: 'The catalogue skill itself' }) skill?: SkillObject | null;
  @Field(() => Int, { description: 'Minimum level: 1 = basic, 2 = autonomous, 3 = expert, 4 = can lead' }) level: number;
}

@ObjectType('OpportunityLanguage', { description: 'A language an opportunity wants, with the minimum level' })
export class OpportunityLanguageObject {
  @Field({ description: 'ISO 639-1 code' }) code: string;
  @Field(() => LanguageLevel, { description: 'Minimum CEFR level, or NATIVE' }) level: LanguageLevel;
}

@ObjectType('ApplicationStageCount', { description: 'How many applications are at one stage' })
export class ApplicationStageCountObject {
  @Field(() => ApplicationStage, { description: 'The stage' }) stage: ApplicationStage;
  @Field(() => Int, { description: 'Applications at that stage now' }) count: number;
}

@ObjectType('Opportunity', {
  description: 'A job, mission or volunteering offer. Everyone with access sees OPEN ones; drafts and closed ones only those who manage or review them',
})
export class OpportunityObject {
  @Field(() => ID, { description: 'Stable identifier' }) id: string;
  @Field(() => OpportunityKind, { description: "POSTING (an organisation's) or REFERRAL (an alumnus's)" }) kind: OpportunityKind;
  @Field(() => ID, { description: 'The organisation offering it' }) organisationId: string;
  @Field(() => OrganisationObject, { nullable: true, description: 'The organisation offering it' }) organisation?: OrganisationObject | null;
  @Field({ description: 'Title' }) title: string;
  @Field({ description: 'Description, several lines' }) description: string;
  @Field(() => String, { nullable: true, description: 'City; null for REMOTE work' }) city: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2 country code' }) country: string;
  @Field(() => WorkMode, { description: 'Remote, hybrid or on site' }) workMode: WorkMode;
  @Field(() => ContractType, { description: 'The kind of contract' }) contractType: ContractType;
  @Field({ description: 'Work in the sport sector' }) sportSector: boolean;
  @Field(() => ID, { nullable: true, description: 'The next Games edition this relates to, if any' }) eventId: string | null;
  @Field(() => [String], { description: 'Games team codes whose experience fits' }) teamCodes: string[];
  @Field({ description: 'When it stops taking applications' }) expiresAt: Date;
  @Field(() => OpportunityStatus, { description: 'Status now: an OPEN opportunity past its expiry reads EXPIRED even before the job marks it' })
  status: OpportunityStatus;
  @Field(() => Date, { nullable: true, description: 'When it was opened; null for a draft' }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed, if it was' }) closedAt: Date | null;
  @Field({ description: 'True when you may change, publish and close it (its author for a referral, its recruiters for a posting, admins)' })
  managedByMe: boolean;
  @Field({ description: 'True when you wrote it' }) writtenByMe: boolean;
  @Field(() => [OpportunitySkillObject], { description: 'Skills wanted, in order' }) skills?: OpportunitySkillObject[];
  @Field(() => [OpportunityLanguageObject], { description: 'Languages wanted, in order' }) languages?: OpportunityLanguageObject[];
  @Field(() => [ApplicationStageCountObject], {
    nullable: true,
    description: "Applications per stage (stages with none left out); for its managers, its organisation's recruiters and admins; null for others",
  })
  applicationCounts?: ApplicationStageCountObject[] | null;
  @Field({ description: 'Created' }) createdAt: Date;
  /** Not in the schema: whether applicationCounts may be shown to this viewer (decided when mapped). */
  countsVisible: boolean;
  @Field({ description: 'Last changed' }) updatedAt: Date;
}
