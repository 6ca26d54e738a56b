import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { AvailabilityService } from './availability.service';
import { AddAvailabilityInput, AvailabilityPeriodObject } from './dto/availability.dto';
import { StaffPermission } from '../staff.permissions';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => AvailabilityPeriodObject)
export class AvailabilityResolver {
  constructor(private readonly periods: AvailabilityService) {}

  @Query(() => [AvailabilityPeriodObject], { description: 'Your own availability periods in an event, by start' })
  @Allow(StaffPermission.SELF_SERVICE)
  myAvailability(@CurrentActor() actor: Actor, @Args('eventId', { type: () => ID, description: 'The event you work' }, ParseIdPipe) eventId: string) {
    return this.periods.mine(actor, eventId);
  }

  @Query(() => [AvailabilityPeriodObject], { description: 'Availability of one staff member: themself, admins, coordinators covering them' })
  @Allow(StaffPermission.STAFF_READ, StaffPermission.SELF_SERVICE)
  availability(@CurrentActor() actor: Actor, @Args('staffMemberId', { type: () => ID, description: 'The staff record' }, ParseIdPipe) staffMemberId: string) {
    return this.periods.forMember(actor, staffMemberId);
  }

  @Mutation(() => AvailabilityPeriodObject, { description: 'Declare a period: for yourself, or (coordinators) for someone they cover; audited' })
  @Allow(StaffPermission.SELF_SERVICE, StaffPermission.STAFF_MANAGE)
  addAvailability(@CurrentActor() actor: Actor, @Args('input', { description: 'The period' }) input: AddAvailabilityInput) {
    return this.periods.add(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Remove a declared period (yours, or one you may manage); audited. Always true' })
  @Allow(StaffPermission.SELF_SERVICE, StaffPermission.STAFF_MANAGE)
  removeAvailability(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The period' }, ParseIdPipe) id: string) {
    return this.periods.remove(actor, id);
  }
}
