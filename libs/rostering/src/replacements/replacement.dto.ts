import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { RuleOutcome } from '../eligibility/rule-types';

@ObjectType('ReplacementScore', { description: 'Why a candidate ranks where it does; the parts add up to the total' })
export class ReplacementScoreObject {
  @Field(() => Float, { description: 'Required skills met, with levels to spare (0–30)' }) skills: number;
  @Field(() => Float, { description: 'Same team as the shift (0 or 25)' }) team: number;
  @Field(() => Float, { description: 'Home venue is the shift’s venue (20) or in the same city (10)' }) venue: number;
  @Field(() => Float, { description: 'Fewer hours assigned so far ranks higher (0–20)' }) workload: number;
  @Field(() => Float, { description: 'Preferred period +5, undesired period −10' }) preference: number;
  @Field(() => Float, { description: 'The sum of the parts, up to 100' }) total: number;
}

@ObjectType('ReplacementCandidate', { description: 'Someone who may legally and practically take the shift now, with why they rank where they do' })
export class ReplacementCandidateObject {
  @Field(() => ID, { description: 'The person' }) staffMemberId: string;
  @Field({ description: 'Their name' }) displayName: string;
  @Field(() => ID, { nullable: true, description: 'Their team, if any' }) teamId: string | null;
  @Field(() => ID, { nullable: true, description: 'Their home venue, if any' }) homeVenueId: string | null;
  @Field({ description: 'EMPLOYEE, CONTRACTOR or VOLUNTEER' }) employmentType: string;
  @Field(() => Float, { description: 'Hours on active assignments in this event' }) hoursAssigned: number;
  @Field(() => ReplacementScoreObject, { description: 'The rank, explained part by part' }) score: ReplacementScoreObject;
  /** Typed for clients by a field resolver (rule-outcome.resolver). */
  warnings: RuleOutcome[];
}
