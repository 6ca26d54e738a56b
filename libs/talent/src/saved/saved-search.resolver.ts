import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Loaders, LoaderRegistry, ParseIdPipe } from '@baton/graphql';
import { TalentPermission } from '../talent.permissions';
import { SavedTalentSearchInput, SavedTalentSearchObject } from './dto/saved-search.dto';
import { SavedSearchService } from './saved-search.service';

@Resolver(() => SavedTalentSearchObject)
export class SavedSearchResolver {
  constructor(private readonly saved: SavedSearchService) {}

  @Mutation(() => SavedTalentSearchObject, { description: 'Recruiters: keep a talent search; new matches arrive as an hourly digest through the outbox' })
  @Allow(TalentPermission.TALENT_SEARCH)
  saveTalentSearch(
    @CurrentActor() actor: Actor,
    @Args('input', { description: 'Name and filters' }) input: SavedTalentSearchInput,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.saved.save(actor, input, loaders);
  }

  @Mutation(() => Boolean, { description: 'Recruiters: delete one of your saved searches; true when done' })
  @Allow(TalentPermission.TALENT_SEARCH)
  deleteSavedTalentSearch(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The saved search' }, ParseIdPipe) id: string) {
    return this.saved.remove(actor, id);
  }

  @Query(() => [SavedTalentSearchObject], { description: 'Recruiters: your saved searches, newest first' })
  @Allow(TalentPermission.TALENT_SEARCH)
  mySavedTalentSearches(@CurrentActor() actor: Actor) {
    return this.saved.mine(actor);
  }
}
