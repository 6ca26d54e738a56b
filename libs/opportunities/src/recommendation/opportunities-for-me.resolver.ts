import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { OpportunityPermission } from '../opportunities.permissions';
import { BadInputError } from '@baton/core';
import { OpportunityMatchObject } from './dto/opportunity-match.object';
import { MAX_MATCHES, OpportunitiesForMeService } from './opportunities-for-me.service';

@Resolver(() => OpportunityMatchObject)
export class OpportunitiesForMeResolver {
  constructor(private readonly recommendations: OpportunitiesForMeService) {}

  @Query(() => [OpportunityMatchObject], {
    description:
      'Open opportunities for you, best match first, each with the skills, languages and Games experience that matched; not those you applied to or wrote',
  })
  @Allow(OpportunityPermission.APPLICATIONS_OWN)
  opportunitiesForMe(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, description: `How many, 1 to ${MAX_MATCHES}; default 20` }) first?: number,
  ) {
    if (first !== undefined && first !== null && (first < 1 || first > MAX_MATCHES)) {
      throw BadInputError.field('first', `first must be between 1 and ${MAX_MATCHES}`, 'range');
    }
    return this.recommendations.recommend(actor, first ?? 20);
  }
}
