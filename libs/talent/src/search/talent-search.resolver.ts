import { TalentPermission } from '../talent.permissions';
import { Args, Context, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AlumniProfileObject, ProfileQueryService } from '@baton/alumni';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Loaders, LoaderRegistry, ParseIdPipe, serialisedField } from '@baton/graphql';
import { searchViewer } from '../common/talent-viewer';
import { TalentPageArgs } from './dto/talent-page.args';
import { TalentSearchFilter } from './dto/talent-search.input';
import { TalentSearchConnection } from './dto/talent-search.object';
import { TalentSearchService } from './talent-search.service';

@Resolver()
export class TalentSearchResolver {
  constructor(
    private readonly search: TalentSearchService,
    private readonly profiles: ProfileQueryService,
  ) {}

  @Query(() => TalentSearchConnection, {
    description:
      'Recruiters: alumni who show their profile to partners (PARTNERS, consent active, your organisation not blocked), ranked, with facet counts; at most 50 a page',
  })
  @Allow(TalentPermission.TALENT_SEARCH)
  talentSearch(
    @CurrentActor() actor: Actor,
    @Args() page: TalentPageArgs,
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
    @Context() context: object,
    @Args('filter', { type: () => TalentSearchFilter, nullable: true, description: 'What to look for' }) filter?: TalentSearchFilter,
  ) {
    return this.search.search(actor, filter ?? {}, page, loaders, info, serialisedField(context, info));
  }

  @Query(() => AlumniProfileObject, { description: 'Recruiters: one profile as its visibility allows; NOT_FOUND when you may not see it' })
  @Allow(TalentPermission.TALENT_SEARCH)
  async talentProfile(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID, description: 'The alumnus' }, ParseIdPipe) userId: string,
    @Loaders() loaders: LoaderRegistry,
  ) {
    await searchViewer(actor, loaders);
    return this.profiles.get(actor, userId, loaders);
  }
}
