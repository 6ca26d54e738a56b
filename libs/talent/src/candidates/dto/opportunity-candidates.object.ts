import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { AlumniProfileObject, LanguageLevel } from '@baton/alumni';
import { PageInfo } from '@baton/graphql';

@ObjectType('CandidateSkillMatch', { description: 'A skill the opportunity wants that the candidate shows' })
export class CandidateSkillMatchObject {
  @Field(() => ID, { description: 'The catalogue skill' }) skillId: string;
  @Field({ description: 'Its name' }) name: string;
  @Field(() => Int, { description: 'Minimum level the opportunity wants, 1 to 4' }) wantedLevel: number;
  @Field(() => Int, { description: 'The level on the candidate’s profile, 1 to 4' }) heldLevel: number;
  @Field({ description: 'True when the level held is at least the level wanted' }) meetsLevel: boolean;
}

@ObjectType('CandidateLanguageMatch', { description: 'A language the opportunity wants that the candidate speaks' })
export class CandidateLanguageMatchObject {
  @Field({ description: 'ISO 639-1 code' }) code: string;
  @Field(() => LanguageLevel, { description: 'Minimum level wanted' }) wantedLevel: LanguageLevel;
  @Field(() => LanguageLevel, { description: 'The level on the candidate’s profile' }) heldLevel: LanguageLevel;
  @Field({ description: 'True when the level held is at least the level wanted' }) meetsLevel: boolean;
}

@ObjectType('CandidateGamesMatch', { description: 'A Games experience of the candidate that fits the opportunity' })
export class CandidateGamesMatchObject {
  @Field({ description: 'Event code' }) eventCode: string;
  @Field({ description: 'Event name' }) eventName: string;
  @Field(() => [String], { description: 'Teams worked there that the opportunity names' }) teams: string[];
  @Field(() => [String], { description: 'Roles held there whose title shares a word with the opportunity’s title (shown, not scored)' }) roles: string[];
  @Field({ description: 'A valid signed Games record backs this experience' }) verified: boolean;
  @Field(() => String, { nullable: true, description: 'Code of that record, for its public page /verify/<code>; null when not verified' })
  verificationCode: string | null;
}

@ObjectType('OpportunityCandidate', { description: 'Someone who fits an opportunity, with why' })
export class OpportunityCandidateObject {
  @Field(() => AlumniProfileObject, { description: 'The profile, as its visibility allows you to see it (contact details only after an accepted request)' })
  profile: AlumniProfileObject;
  @Field(() => Float, {
    description:
      'Rank score: per skill wanted 2 at the level, 1 below; 1 per language at the level; 2 per Games team the opportunity names; 1 per such Games experience a signed record verifies',
  })
  score: number;
  @Field(() => [CandidateSkillMatchObject], { description: 'Wanted skills the candidate shows, in the opportunity’s order' })
  skills: CandidateSkillMatchObject[];
  @Field(() => [CandidateLanguageMatchObject], { description: 'Wanted languages the candidate shows' }) languages: CandidateLanguageMatchObject[];
  @Field(() => [CandidateGamesMatchObject], { description: 'Games experience that fits (teams, roles), newest first' }) games: CandidateGamesMatchObject[];
}

@ObjectType('OpportunityCandidateEdge', { description: 'One candidate, with the cursor of this position' })
export class OpportunityCandidateEdge {
  @Field({ description: 'Opaque position of this row: pass it as `after` for the rows that follow' }) cursor: string;
  @Field(() => OpportunityCandidateObject, { description: 'The candidate' }) node: OpportunityCandidateObject;
}

@ObjectType('OpportunityCandidateConnection', { description: 'A page of candidates for an opportunity, best first' })
export class OpportunityCandidateConnection {
  @Field(() => [OpportunityCandidateEdge], { description: 'The candidates of this page, best first' }) edges: OpportunityCandidateEdge[];
  @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursors to ask for them' }) pageInfo: PageInfo;
  @Field(() => Int, { description: 'Candidates in all, not just this page' }) totalCount: number;
}
