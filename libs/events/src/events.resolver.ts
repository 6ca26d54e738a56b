import { Inject, ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor, Permission } from '@baton/auth';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { CreateEventInput, EventObject, UpdateEventInput } from './dto/event.dto';
import { CreateTeamInput, CreateVenueInput, TeamObject, UpdateTeamInput, UpdateVenueInput, VenueObject } from './dto/venue-team.dto';
import { EVENT_CHANGED, EventService } from './event/event.service';
import { VenueTeamService } from './venue/venue.service';

@Resolver(() => EventObject)
export class EventsResolver {
  constructor(
    private readonly events: EventService,
    private readonly venuesAndTeams: VenueTeamService,
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => [EventObject], { name: 'events', description: 'Events you may see, newest first' })
  @Allow(Permission.EVENTS_READ)
  listEvents(@CurrentActor() actor: Actor) {
    return this.events.list(actor);
  }

  @Query(() => EventObject)
  @Allow(Permission.EVENTS_READ)
  event(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.events.get(actor, id);
  }

  @Mutation(() => EventObject)
  @Allow(Permission.EVENTS_MANAGE)
  createEvent(@CurrentActor() actor: Actor, @Args('input') input: CreateEventInput) {
    return this.events.create(actor, input);
  }

  @Mutation(() => EventObject, { description: 'Change an event; subscribers of eventChanged hear about it' })
  @Allow(Permission.EVENTS_MANAGE)
  updateEvent(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateEventInput) {
    return this.events.update(actor, id, input);
  }

  @Subscription(() => EventObject, {
    description: 'Changes to one event (name, dates, phase)',
    filter: (payload: { eventChanged: EventObject }, variables: { eventId: string }) => payload.eventChanged.id === variables.eventId,
  })
  @Allow(Permission.EVENTS_READ)
  eventChanged(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }, ParseUUIDPipe) eventId: string) {
    this.access.assertEvent(actor, Permission.EVENTS_READ, eventId);
    return this.pubSub.asyncIterableIterator(EVENT_CHANGED);
  }

  @Query(() => [VenueObject])
  @Allow(Permission.EVENTS_READ)
  venues(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }, ParseUUIDPipe) eventId: string) {
    return this.venuesAndTeams.venues(actor, eventId);
  }

  @Query(() => [TeamObject])
  @Allow(Permission.EVENTS_READ)
  teams(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID }, ParseUUIDPipe) eventId: string) {
    return this.venuesAndTeams.teams(actor, eventId);
  }

  @Mutation(() => VenueObject)
  @Allow(Permission.REFERENCE_MANAGE)
  createVenue(@CurrentActor() actor: Actor, @Args('input') input: CreateVenueInput) {
    return this.venuesAndTeams.createVenue(actor, input);
  }

  @Mutation(() => VenueObject)
  @Allow(Permission.REFERENCE_MANAGE)
  updateVenue(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateVenueInput) {
    return this.venuesAndTeams.updateVenue(actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Only a venue without shifts' })
  @Allow(Permission.REFERENCE_MANAGE)
  deleteVenue(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.venuesAndTeams.remove(actor, 'venue', id);
  }

  @Mutation(() => TeamObject)
  @Allow(Permission.REFERENCE_MANAGE)
  updateTeam(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateTeamInput) {
    return this.venuesAndTeams.updateTeam(actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Only a team without shifts' })
  @Allow(Permission.REFERENCE_MANAGE)
  deleteTeam(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.venuesAndTeams.remove(actor, 'team', id);
  }

  @Mutation(() => TeamObject)
  @Allow(Permission.REFERENCE_MANAGE)
  createTeam(@CurrentActor() actor: Actor, @Args('input') input: CreateTeamInput) {
    return this.venuesAndTeams.createTeam(actor, input);
  }
}
