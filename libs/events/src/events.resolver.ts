import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { CreateEventInput, EventObject, UpdateEventInput } from './dto/event.dto';
import { CreateTeamInput, CreateVenueInput, TeamObject, UpdateTeamInput, UpdateVenueInput, VenueObject } from './dto/venue-team.dto';
import { EVENT_CHANGED, EventService } from './event/event.service';
import { VenueTeamService } from './venue/venue.service';
import { EventsPermission } from './events.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => EventObject)
export class EventsResolver {
  constructor(
    private readonly events: EventService,
    private readonly venuesAndTeams: VenueTeamService,
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => [EventObject], { name: 'events', description: 'Events you may see, newest first' })
  @Allow(EventsPermission.EVENTS_READ)
  listEvents(@CurrentActor() actor: Actor) {
    return this.events.list(actor);
  }

  @Query(() => EventObject, { description: 'One event; NOT_FOUND when it is not one you may see' })
  @Allow(EventsPermission.EVENTS_READ)
  event(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The event' }, ParseIdPipe) id: string) {
    return this.events.get(actor, id);
  }

  @Mutation(() => EventObject, { description: 'A new Games edition (admins); audited' })
  @Allow(EventsPermission.EVENTS_MANAGE)
  createEvent(@CurrentActor() actor: Actor, @Args('input', { description: 'The event' }) input: CreateEventInput) {
    return this.events.create(actor, input);
  }

  @Mutation(() => EventObject, { description: 'Change an event; subscribers of eventChanged hear about it' })
  @Allow(EventsPermission.EVENTS_MANAGE)
  updateEvent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The event' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateEventInput,
  ) {
    return this.events.update(actor, id, input);
  }

  @Subscription(() => EventObject, {
    description: 'Changes to one event (name, dates, phase)',
    filter: (payload: { eventChanged: EventObject }, variables: { eventId: string }) => payload.eventChanged.id === variables.eventId,
  })
  @Allow(EventsPermission.EVENTS_READ)
  eventChanged(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event to follow; one you may read' }, ParseIdPipe) eventId: string,
  ) {
    this.access.assertEvent(actor, EventsPermission.EVENTS_READ, eventId);
    return this.pubSub.asyncIterableIterator(EVENT_CHANGED);
  }

  @Query(() => [VenueObject], { description: 'The venues of an event, by code' })
  @Allow(EventsPermission.EVENTS_READ)
  venues(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event; FORBIDDEN outside your grants' }, ParseIdPipe) eventId: string,
  ) {
    return this.venuesAndTeams.venues(actor, eventId);
  }

  @Query(() => [TeamObject], { description: 'The teams of an event, by code' })
  @Allow(EventsPermission.EVENTS_READ)
  teams(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event; FORBIDDEN outside your grants' }, ParseIdPipe) eventId: string,
  ) {
    return this.venuesAndTeams.teams(actor, eventId);
  }

  @Mutation(() => VenueObject, { description: 'A new venue (admins); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  createVenue(@CurrentActor() actor: Actor, @Args('input', { description: 'The venue' }) input: CreateVenueInput) {
    return this.venuesAndTeams.createVenue(actor, input);
  }

  @Mutation(() => VenueObject, { description: 'Change a venue (admins); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  updateVenue(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The venue' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateVenueInput,
  ) {
    return this.venuesAndTeams.updateVenue(actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a venue no shift uses (CONFLICT otherwise; cancel or move them first); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  deleteVenue(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The venue' }, ParseIdPipe) id: string) {
    return this.venuesAndTeams.remove(actor, 'venue', id);
  }

  @Mutation(() => TeamObject, { description: 'Rename a team (admins); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  updateTeam(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The team' }, ParseIdPipe) id: string,
    @Args('input', { description: 'The new name' }) input: UpdateTeamInput,
  ) {
    return this.venuesAndTeams.updateTeam(actor, id, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a team no shift uses (CONFLICT otherwise; cancel or move them first); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  deleteTeam(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The team' }, ParseIdPipe) id: string) {
    return this.venuesAndTeams.remove(actor, 'team', id);
  }

  @Mutation(() => TeamObject, { description: 'A new team (admins); audited' })
  @Allow(EventsPermission.REFERENCE_MANAGE)
  createTeam(@CurrentActor() actor: Actor, @Args('input', { description: 'The team' }) input: CreateTeamInput) {
    return this.venuesAndTeams.createTeam(actor, input);
  }
}
