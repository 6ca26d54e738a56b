import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
import { AuthModule } from '@baton/auth';
import { EventEntity } from './event/event.entity';
import { EventService } from './event/event.service';
import { EventPhaseHooks } from './event/event-phase-hooks';
import { EventsResolver } from './events.resolver';
import { TeamEdgesResolver, VenueEdgesResolver } from './graph/event-edges.resolver';
import { EventLoader, TeamLoader, VenueLoader } from './graph/event-loaders';
import { TeamEntity } from './team/team.entity';
import { TimeZoneChecker } from './time-zone/time-zone.checker';
import { VenueEntity } from './venue/venue.entity';
import { VenueTeamService } from './venue/venue.service';
import { VenueTeamUsages } from './venue/venue-team-usages';
import { eventsPermissions } from './events.permissions';
import { EventsPrivacyContributor } from './privacy/events-privacy.contributor';
import { eventsConstraints } from './events.constraints';

@Module({
  imports: [
    AuthModule.forFeature(eventsPermissions),
    ConstraintsModule.forFeature(eventsConstraints),
    TypeOrmModule.forFeature([EventEntity, VenueEntity, TeamEntity]),
  ],
  providers: [
    TimeZoneChecker,
    EventsPrivacyContributor,
    EventService,
    VenueTeamService,
    VenueTeamUsages,
    EventsResolver,
    EventPhaseHooks,
    EventLoader,
    VenueLoader,
    TeamLoader,
    VenueEdgesResolver,
    TeamEdgesResolver,
  ],
  exports: [TimeZoneChecker, EventService, VenueTeamService, VenueTeamUsages, EventPhaseHooks, EventLoader, VenueLoader, TeamLoader],
})
export class EventsModule {}
