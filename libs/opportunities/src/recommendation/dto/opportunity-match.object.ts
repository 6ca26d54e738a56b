import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OpportunityObject } from '../../opportunity/dto/opportunity.object';

@ObjectType('MatchedSkill', { description: 'A skill the opportunity wants that is on your profile' })
export class MatchedSkillObject {
  @Field(() => ID, { description: 'The catalogue skill' }) skillId: string;
  @Field({ description: 'Its name' }) name: string;
  @Field(() => Int, { description: 'Minimum level wanted' }) wantedLevel: number;
  @Field(() => Int, { description: 'Your level' }) yourLevel: number;
  @Field({ description: 'True when your level is at least the level wanted' }) meetsLevel: boolean;
}

@ObjectType('MatchedLanguage', { description: 'A language the opportunity wants that you speak' })
export class MatchedLanguageObject {
  @Field({ description: 'ISO 639-1 code' }) code: string;
  @Field({ description: 'Minimum level wanted' }) wantedLevel: string;
  @Field({ description: 'Your level' }) yourLevel: string;
  @Field({ description: 'True when your level is at least the level wanted' }) meetsLevel: boolean;
}

@ObjectType('MatchedGames', { description: 'Games experience of yours that fits the opportunity' })
export class MatchedGamesObject {
  @Field({ description: 'Event code' }) eventCode: string;
  @Field({ description: 'Event name' }) eventName: string;
  @Field(() => [String], { description: 'Teams you worked in that the opportunity names' }) teams: string[];
  @Field(() => [String], { description: 'Your roles there whose title shares a word with the opportunity' }) roles: string[];
}

@ObjectType('OpportunityMatch', { description: 'An open opportunity recommended to you, with why' })
export class OpportunityMatchObject {
  @Field(() => OpportunityObject, { description: 'The opportunity' }) opportunity: OpportunityObject;
  @Field(() => Float, {
    description: 'Rank score: 2 per skill at the level wanted (1 below it), 1 per language at the level, 2 per Games team matched, 1 per role matched',
  })
  score: number;
  @Field(() => [MatchedSkillObject], { description: 'Your skills it wants' }) skills: MatchedSkillObject[];
  @Field(() => [MatchedLanguageObject], { description: 'Your languages it wants' }) languages: MatchedLanguageObject[];
  @Field(() => [MatchedGamesObject], { description: 'Your Games experience that fits (teams, roles)' }) games: MatchedGamesObject[];
}
