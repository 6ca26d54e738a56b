import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { EventEntity } from './event/event.entity';
import { EventService } from './event/event.service';
import { EventsResolver } from './events.resolver';
import { TeamEdgesResolver, VenueEdgesResolver } from './graph/event-edges.resolver';
import { EventLoader, TeamLoader, VenueLoader } from './graph/event-loaders';
import { TeamEntity } from './team/team.entity';
import { VenueEntity } from './venue/venue.entity';
import { VenueTeamService } from './venue/venue.service';

describeConstraint('events_code_key', { field: 'code', message: 'An event with this code already exists' });
describeConstraint('venues_event_code_key', { field: 'code', message: 'This event already has a venue with this code' });
describeConstraint('teams_event_code_key', { field: 'code', message: 'This event already has a team with this code' });

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity, VenueEntity, TeamEntity])],
  providers: [EventService, VenueTeamService, EventsResolver, EventLoader, VenueLoader, TeamLoader, VenueEdgesResolver, TeamEdgesResolver],
  exports: [EventService, VenueTeamService, EventLoader, VenueLoader, TeamLoader],
})
export class EventsModule {}
