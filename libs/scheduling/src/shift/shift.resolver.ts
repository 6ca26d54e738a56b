import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor, Permission } from '@baton/auth';
import { Connection, LoaderRegistry, Loaders, PageArgs } from '@baton/graphql';
import {
  CreateShiftInput,
  PublishShiftsArgs,
  RequiredSkillObject,
  ShiftFilterInput,
  ShiftObject,
  ShiftPatternInput,
  ShiftPatternResultObject,
  UpdateShiftInput,
} from './dto/shift.dto';
import { ShiftQueryService } from './shift-query.service';
import { ShiftSkillsLoader } from './shift-skills.loader';
import { ShiftService } from './shift.service';

const ShiftConnection = Connection(ShiftObject, 'Shift');

@Resolver(() => ShiftObject)
export class ShiftResolver {
  constructor(
    private readonly shiftService: ShiftService,
    private readonly queries: ShiftQueryService,
  ) {}

  @Query(() => ShiftConnection, { description: 'Shifts of an event by start; staff see only published shifts' })
  @Allow(Permission.SHIFTS_READ)
  shifts(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID }, ParseUUIDPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ShiftFilterInput, nullable: true }) filter?: ShiftFilterInput,
  ) {
    return this.queries.list(actor, eventId, filter ?? {}, page);
  }

  @Query(() => ShiftObject)
  @Allow(Permission.SHIFTS_READ)
  shift(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string) {
    return this.queries.get(actor, id);
  }

  @Mutation(() => ShiftObject, { description: 'A draft shift; coordinators only at the venues and teams of their grant' })
  @Allow(Permission.SHIFTS_MANAGE)
  createShift(@CurrentActor() actor: Actor, @Args('input') input: CreateShiftInput) {
    return this.shiftService.create(actor, input);
  }

  @Mutation(() => ShiftObject, { description: 'Change what is given; moving a shift moves its assignments' })
  @Allow(Permission.SHIFTS_MANAGE)
  updateShift(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Args('input') input: UpdateShiftInput) {
    return this.shiftService.update(actor, id, input);
  }

  @Mutation(() => [ShiftObject], { description: 'Draft shifts become visible to staff' })
  @Allow(Permission.SHIFTS_MANAGE)
  publishShifts(@CurrentActor() actor: Actor, @Args() args: PublishShiftsArgs) {
    return this.shiftService.publish(actor, args.ids);
  }

  @Mutation(() => ShiftPatternResultObject, { description: 'One shift per selected local day at the venue, in one transaction' })
  @Allow(Permission.SHIFTS_MANAGE)
  createShiftsFromPattern(@CurrentActor() actor: Actor, @Args('input') input: ShiftPatternInput) {
    return this.shiftService.createFromPattern(actor, input);
  }

  @ResolveField(() => [RequiredSkillObject])
  requiredSkills(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftSkillsLoader).load(shift.id);
  }
}
