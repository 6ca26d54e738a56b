import { Inject, ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { AccessService, Actor, Allow, CurrentActor } from '@baton/auth';
import { PUB_SUB, type PubSubEngine } from '@baton/pubsub';
import { withFilter } from 'graphql-subscriptions';
import { ASSIGNMENT_CHANGED, AssignmentChange, AssignmentService } from './assignment/assignment.service';
import { ShiftCancellationService } from './assignment/shift-cancellation.service';
import { AssignInput, AssignmentChangeObject, AssignmentObject, RuleCheckObject } from './dto/assignment.dto';
import { ShiftCancellationObject } from './dto/shift-cancellation.dto';
import { RuleCheckService } from './rules/rule-check.service';
import { MyShiftsService } from './assignment/my-shifts.service';
import { SelfServiceService } from './assignment/self-service.service';
import { ReplacementCandidateObject } from './replacements/replacement.dto';
import { MAX_CANDIDATES, ReplacementService } from './replacements/replacement.service';
import { Connection, PageArgs } from '@baton/graphql';
import { SchedulingPermission, ShiftObject } from '@baton/scheduling';
import { Clock } from '@baton/core';
import { RosteringPermission } from './rostering.permissions';
import { StaffPermission } from '@baton/staff';

const OpenShiftConnection = Connection(ShiftObject, 'OpenShift');

@Resolver(() => AssignmentObject)
export class RosteringResolver {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly cancellations: ShiftCancellationService,
    private readonly rules: RuleCheckService,
    private readonly access: AccessService,
    private readonly myShiftsService: MyShiftsService,
    private readonly selfService: SelfServiceService,
    private readonly replacements: ReplacementService,
    private readonly clock: Clock,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
  ) {}

  @Query(() => RuleCheckObject, { description: 'Would this assignment pass every rule right now? Writes nothing.' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  checkAssignment(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseUUIDPipe) shiftId: string,
    @Args('staffMemberId', { type: () => ID, description: 'A staff member of the same event' }, ParseUUIDPipe) staffMemberId: string,
  ) {
    return this.rules.check(actor, shiftId, staffMemberId);
  }

  @Query(() => [ReplacementCandidateObject], {
    description: `People who pass every blocking rule for this shift right now, best first, with the score explained (1 to ${MAX_CANDIDATES}). A shift that is over, not published (draft or cancelled) or full answers RULE_VIOLATION with that rule, as assign would: free a place first (unassign a no-show) to replace someone.`,
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  replacementCandidates(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseUUIDPipe) shiftId: string,
    @Args('first', { type: () => Int, defaultValue: 10, description: `How many candidates, 1 to ${MAX_CANDIDATES}` }) first: number,
  ) {
    return this.replacements.candidates(actor, shiftId, first);
  }

  @Query(() => OpenShiftConnection, { description: 'Published shifts of my team, not started, with places left' })
  @Allow(StaffPermission.SELF_SERVICE)
  openShifts(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'An event you work' }, ParseUUIDPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('to', { nullable: true, description: 'Only shifts starting before this instant' }) to?: Date,
  ) {
    return this.selfService.openShifts(actor, eventId, page, to);
  }

  @Mutation(() => AssignmentObject, { description: 'Take an open shift of my team yourself, under the same rules as any assignment' })
  @Allow(StaffPermission.SELF_SERVICE)
  signUp(@CurrentActor() actor: Actor, @Args('shiftId', { type: () => ID, description: 'An open shift (see openShifts)' }, ParseUUIDPipe) shiftId: string) {
    return this.selfService.signUp(actor, shiftId);
  }

  @Query(() => [AssignmentObject], { description: 'My shifts in a window (default: from now, 14 days), oldest first' })
  @Allow(StaffPermission.SELF_SERVICE)
  myShifts(
    @CurrentActor() actor: Actor,
    @Args('from', { nullable: true, description: 'Window start; default now' }) from?: Date,
    @Args('to', { nullable: true, description: 'Window end, after from, at most 62 days later; default from + 14 days' }) to?: Date,
    @Args('includeInactive', { nullable: true, defaultValue: false, description: 'Also declined and cancelled assignments' }) includeInactive?: boolean,
  ) {
    const start = from ?? this.clock.now();
    return this.myShiftsService.list(actor, start, to ?? new Date(start.getTime() + 14 * 86_400_000), includeInactive ?? false);
  }

  @Mutation(() => AssignmentObject, { description: 'Put a staff member on a shift. Refused with RULE_VIOLATION listing every failed rule.' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  assign(@CurrentActor() actor: Actor, @Args('input', { description: 'Who, which shift, and an override reason if any' }) input: AssignInput) {
    return this.assignments.assign(actor, input.shiftId, input.staffMemberId, { overrideReason: input.overrideReason });
  }

  @Mutation(() => AssignmentObject, { description: 'Take a staff member off a shift; the place opens again' })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  unassign(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'An assignment within your grant' }, ParseUUIDPipe) assignmentId: string,
    @Args('reason', { nullable: true, description: 'Why, up to 500 characters (audited)' }) reason?: string,
  ) {
    return this.assignments.unassign(actor, assignmentId, reason);
  }

  @Mutation(() => AssignmentObject, { description: 'The assigned person confirms they will come' })
  @Allow(StaffPermission.SELF_SERVICE)
  confirmAssignment(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'One of your own assignments' }, ParseUUIDPipe) assignmentId: string,
  ) {
    return this.assignments.confirm(actor, assignmentId);
  }

  @Mutation(() => AssignmentObject, { description: 'The assigned person declines; the place opens again' })
  @Allow(StaffPermission.SELF_SERVICE)
  declineAssignment(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'One of your own assignments, not yet over' }, ParseUUIDPipe) assignmentId: string,
    @Args('reason', { nullable: true, description: 'Why, up to 500 characters, for your coordinator' }) reason?: string,
  ) {
    return this.assignments.decline(actor, assignmentId, reason);
  }

  @Mutation(() => ShiftCancellationObject, {
    description: 'Cancel a shift: its assignments are cancelled and each person with an email or an account is notified; the answer lists who could not be',
  })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  cancelShift(
    @CurrentActor() actor: Actor,
    @Args('shiftId', { type: () => ID, description: 'A shift within your grant' }, ParseUUIDPipe) shiftId: string,
    @Args('reason', { description: 'Why, required, up to 500 characters: sent to every person on it' }) reason: string,
  ) {
    return this.cancellations.cancel(actor, shiftId, reason);
  }

  @Subscription(() => AssignmentChangeObject, {
    description: 'Assignments made, answered or cancelled in one event (optionally one venue), within your venues and teams',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE)
  assignmentChanged(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event' }, ParseUUIDPipe) eventId: string,
    @Args('venueId', { type: () => ID, nullable: true, description: 'Only this venue' }) venueId?: string,
  ) {
    this.access.assertEvent(actor, RosteringPermission.ROSTER_MANAGE, eventId);
    // Filtered per subscriber: a coordinator limited to some venues or teams hears only those.
    const visible = (payload?: { assignmentChanged: AssignmentChange }) => {
      const change = payload?.assignmentChanged;
      return (
        !!change &&
        change.assignment.eventId === eventId &&
        (!venueId || change.venueId === venueId) &&
        this.access.coversVenueTeam(actor, { eventId, venueId: change.venueId, teamId: change.teamId })
      );
    };
    return withFilter(() => this.pubSub.asyncIterableIterator(ASSIGNMENT_CHANGED), visible)();
  }
}
