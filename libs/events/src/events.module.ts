import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
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
import { eventsPermissions } from './events.permissions';

describeConstraint('events_code_key', { field: 'code', message: 'An event with this code already exists' });
describeConstraint('venues_event_code_key', { field: 'code', message: 'This event already has a venue with this code' });
describeConstraint('events_time_zone_check', { field: 'timeZone', message: 'A time zone is stored as its canonical IANA name, e.g. Europe/Paris or UTC' });
describeConstraint('venues_time_zone_check', { field: 'timeZone', message: 'A time zone is stored as its canonical IANA name, e.g. Europe/Paris or UTC' });
describeConstraint('teams_event_code_key', { field: 'code', message: 'This event already has a team with this code' });

@Module({
  imports: [AuthModule.forFeature(eventsPermissions), TypeOrmModule.forFeature([EventEntity, VenueEntity, TeamEntity])],
  providers: [
    TimeZoneChecker,
    EventService,
    VenueTeamService,
    EventsResolver,
    EventPhaseHooks,
    EventLoader,
    VenueLoader,
    TeamLoader,
    VenueEdgesResolver,
    TeamEdgesResolver,
  ],
  exports: [TimeZoneChecker, EventService, VenueTeamService, EventPhaseHooks, EventLoader, VenueLoader, TeamLoader],
})
export class EventsModule {}
