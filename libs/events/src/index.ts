/** Events (Games editions) with their venues and teams. */
export { EventsModule } from './events.module';
export { EventEntity, EventPhase } from './event/event.entity';
export { VenueEntity, VenueKind } from './venue/venue.entity';
export { TeamEntity } from './team/team.entity';
export { EventService, EVENT_CHANGED, toEventObject } from './event/event.service';
export { VenueTeamService, toTeamObject, toVenueObject } from './venue/venue.service';
export { EventObject } from './dto/event.dto';
export { VenueObject, TeamObject } from './dto/venue-team.dto';
/** Lets later libs act inside the transaction that changes an event's phase (e.g. CLOSED). */
export { EventPhaseHooks, type EventPhaseChange, type EventPhaseHandler } from './event/event-phase-hooks';
/** Time zones as inputs: canonical IANA names (validator, pure function, and the database-aware check). */
export { canonicalTimeZone, resolveTimeZone, type TimeZoneResult } from './time-zone/time-zone';
export { IsIanaTimeZone } from './time-zone/is-iana-time-zone';
export { TimeZoneChecker } from './time-zone/time-zone.checker';
/** DataLoader factories for graph edges: an event, venue or team by id, null where the viewer may not read it. */
export { EventLoader, VenueLoader, TeamLoader } from './graph/event-loaders';
export { EventsPermission, eventsPermissions } from './events.permissions';
