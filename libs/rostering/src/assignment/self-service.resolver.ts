import { Args, Context, ID, Info, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Clock } from '@baton/core';
import { Connection, PageArgs, serialisedField, ParseIdPipe } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ShiftObject } from '@baton/scheduling';
import { AssignmentObject } from './dto/assignment.dto';
import { MyShiftsService } from './my-shifts.service';
import { SelfServiceService } from './self-service.service';
import { StaffPermission } from '@baton/staff';

const OpenShiftConnection = Connection(ShiftObject, 'OpenShift');

/** Staff working their own roster: open shifts of their team, signing up, their shifts. */
@Resolver(() => AssignmentObject)
export class SelfServiceResolver {
  constructor(
    private readonly selfService: SelfServiceService,
    private readonly myShiftsService: MyShiftsService,
    private readonly clock: Clock,
  ) {}

  @Query(() => OpenShiftConnection, { description: 'Published shifts of my team, not started, with places left' })
  @Allow(StaffPermission.SELF_SERVICE)
  openShifts(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'An event you work' }, ParseIdPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('to', { nullable: true, description: 'Only shifts starting before this instant' }) to?: Date,
  ) {
    return this.selfService.openShifts(actor, eventId, page, to);
  }

  @Mutation(() => AssignmentObject, { description: 'Take an open shift of my team yourself, under the same rules as any assignment' })
  @Allow(StaffPermission.SELF_SERVICE)
  signUp(@CurrentActor() actor: Actor, @Args('shiftId', { type: () => ID, description: 'An open shift (see openShifts)' }, ParseIdPipe) shiftId: string) {
    return this.selfService.signUp(actor, shiftId);
  }

  @Query(() => [AssignmentObject], { description: 'My shifts in a window (default: from now, 14 days), oldest first' })
  @Allow(StaffPermission.SELF_SERVICE)
  myShifts(
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
    @Context() context: object,
    @Args('from', { nullable: true, description: 'Window start; default now' }) from?: Date,
    @Args('to', { nullable: true, description: 'Window end, after from, at most 62 days later; default from + 14 days' }) to?: Date,
    @Args('includeInactive', { nullable: true, defaultValue: false, description: 'Also declined and cancelled assignments' }) includeInactive?: boolean,
  ) {
    const start = from ?? this.clock.now();
    return this.myShiftsService.list(
      actor,
      start,
      to ?? new Date(start.getTime() + 14 * 86_400_000),
      includeInactive ?? false,
      info,
      serialisedField(context, info),
    );
  }
}
