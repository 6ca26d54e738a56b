import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { withFilter } from 'graphql-subscriptions';
import { ASSIGNMENT_CHANGED, AssignmentChange, AssignmentService } from './assignment.service';
import { AssignInput, AssignmentChangeObject, AssignmentObject } from './dto/assignment.dto';
import { RosteringPermission } from '../rostering.permissions';
import { StaffPermission } from '@baton/staff';
import { coversPlacement } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';
import { ParseIdPipe } from '@baton/graphql';

/** A coordinator's assignments and the person's answers to them, and the live feed of both. */
@Resolver(() => AssignmentObject)
export class AssignmentResolver {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly access: AccessService,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Mutation(() => AssignmentObject, { description: 'Put a staff member on a shift. Refused with RULE_VIOLATION listing every failed rule.' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  assign(@CurrentActor() actor: Actor, @Args('input', { description: 'Who, which shift, and an override reason if any' }) input: AssignInput) {
    return this.assignments.assign(actor, input.shiftId, input.staffMemberId, { overrideReason: input.overrideReason });
  }

  @Mutation(() => AssignmentObject, { description: 'Take a staff member off a shift; the place opens again' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  unassign(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'An assignment within your grant' }, ParseIdPipe) assignmentId: string,
    @Args('reason', { nullable: true, description: 'Why, up to 500 characters (audited)' }) reason?: string,
  ) {
    return this.assignments.unassign(actor, assignmentId, reason);
  }

  @Mutation(() => AssignmentObject, { description: 'The assigned person confirms they will come' })
  @Allow(StaffPermission.SELF_SERVICE)
  confirmAssignment(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'One of your own assignments' }, ParseIdPipe) assignmentId: string,
  ) {
    return this.assignments.confirm(actor, assignmentId);
  }

  @Mutation(() => AssignmentObject, { description: 'The assigned person declines; the place opens again' })
  @Allow(StaffPermission.SELF_SERVICE)
  declineAssignment(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'One of your own assignments, not yet over' }, ParseIdPipe) assignmentId: string,
    @Args('reason', { nullable: true, description: 'Why, up to 500 characters, for your coordinator' }) reason?: string,
  ) {
    return this.assignments.decline(actor, assignmentId, reason);
  }

  @Subscription(() => AssignmentChangeObject, {
    description: 'Assignments made, answered or cancelled in one event (optionally one venue), within your venues and teams',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  assignmentChanged(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseIdPipe) eventId: string,
    @Args('venueId', { type: () => ID, nullable: true, description: 'Only this venue' }) venueId?: string,
  ) {
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    // Filtered per subscriber: a coordinator limited to some venues or teams hears only those.
    const viewer = rosterViewer(actor);
    const visible = (payload?: { assignmentChanged: AssignmentChange }) => {
      const change = payload?.assignmentChanged;
      return (
        !!change &&
        change.assignment.eventId === eventId &&
        (!venueId || change.venueId === venueId) &&
        coversPlacement(viewer, { eventId, venueId: change.venueId, teamId: change.teamId })
      );
    };
    return withFilter(() => this.pubSub.asyncIterableIterator(ASSIGNMENT_CHANGED), visible)();
  }
}
