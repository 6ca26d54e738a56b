import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Loaders, LoaderRegistry, PageArgs, ParseIdPipe } from '@baton/graphql';
import { TalentPermission } from '../talent.permissions';
import { OpportunityCandidateConnection } from './dto/opportunity-candidates.object';
import { CANDIDATES_MAX_PAGE_SIZE, OpportunityCandidatesService } from './opportunity-candidates.service';

@Resolver()
export class OpportunityCandidatesResolver {
  constructor(private readonly candidates: OpportunityCandidatesService) {}

  @Query(() => OpportunityCandidateConnection, {
    description: `Recruiters of the organisation an open opportunity is for (and admins): people who fit it, best first, each with the skills, languages and Games records that matched; only PARTNERS profiles of consenting alumni who did not block the organisation; at most ${CANDIDATES_MAX_PAGE_SIZE} a page`,
  })
  @Allow(TalentPermission.TALENT_SEARCH)
  opportunityCandidates(
    @CurrentActor() actor: Actor,
    @Args('opportunityId', { type: () => ID, description: 'The opportunity' }, ParseIdPipe) opportunityId: string,
    @Args() page: PageArgs,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.candidates.candidates(actor, opportunityId, page, loaders);
  }
}
