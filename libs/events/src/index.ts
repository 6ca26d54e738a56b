/** Events (Games editions) with their venues and teams. */
export { EventsModule } from './events.module';
export { EventEntity, EventPhase } from './event/event.entity';
export { VenueEntity, VenueKind } from './venue/venue.entity';
export { TeamEntity } from './team/team.entity';
export { EventService, EVENT_CHANGED, toEventObject } from './event/event.service';
export { VenueTeamService, toTeamObject, toVenueObject } from './venue/venue.service';
export { EventObject } from './dto/event.dto';
export { VenueObject, TeamObject } from './dto/venue-team.dto';
/** DataLoader factories for graph edges: an event, venue or team by id, null where the viewer may not read it. */
export { EventLoader, VenueLoader, TeamLoader } from './graph/event-loaders';
