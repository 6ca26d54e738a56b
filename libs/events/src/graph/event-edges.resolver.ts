import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { EventObject } from '../dto/event.dto';
import { TeamObject, VenueObject } from '../dto/venue-team.dto';
import { EventLoader } from './event-loaders';

@Resolver(() => VenueObject)
export class VenueEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event of this venue (eventId); null where you may not read it' })
  event(@Parent() venue: VenueObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(venue.eventId);
  }
}

@Resolver(() => TeamObject)
export class TeamEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event of this team (eventId); null where you may not read it' })
  event(@Parent() team: TeamObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(team.eventId);
  }
}
