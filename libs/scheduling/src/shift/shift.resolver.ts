import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Connection, LoaderRegistry, Loaders, PageArgs, serialisedField, ParseIdPipe } from '@baton/graphql';
import type { GraphQLResolveInfo } from 'graphql';
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
import { ShapedShiftsService } from './shaped/shaped-shifts.service';
import { ShiftSkillsLoader } from './shift-skills.loader';
import { ShiftService } from './shift.service';
import { SchedulingPermission } from '../scheduling.permissions';

const ShiftConnection = Connection(ShiftObject, 'Shift');

@Resolver(() => ShiftObject)
export class ShiftResolver {
  constructor(
    private readonly shiftService: ShiftService,
    private readonly queries: ShiftQueryService,
    private readonly shaped: ShapedShiftsService,
  ) {}

  @Query(() => ShiftConnection, { description: 'Shifts of an event by start; staff see only published shifts' })
  @Allow(SchedulingPermission.SHIFTS_READ)
  shifts(
    @CurrentActor() actor: Actor,
    @Args('eventId', { type: () => ID, description: 'The event; FORBIDDEN outside your grants' }, ParseIdPipe) eventId: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ShiftFilterInput, nullable: true, description: 'Only the shifts that match' }) filter: ShiftFilterInput | undefined,
    @Info() info: GraphQLResolveInfo,
    @Context() context: object,
  ) {
    return this.shaped.list(actor, eventId, filter ?? {}, page, info, serialisedField(context, info));
  }

  @Query(() => ShiftObject, { description: 'One shift; NOT_FOUND when you may not read it (drafts and cancelled shifts: coordinators only)' })
  @Allow(SchedulingPermission.SHIFTS_READ)
  shift(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: 'The shift' }, ParseIdPipe) id: string) {
    return this.queries.get(actor, id);
  }

  @Mutation(() => ShiftObject, { description: 'A draft shift; coordinators only at the venues and teams of their grant' })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  createShift(@CurrentActor() actor: Actor, @Args('input', { description: 'The shift' }) input: CreateShiftInput) {
    return this.shiftService.create(actor, input);
  }

  @Mutation(() => ShiftObject, {
    description:
      'Change what is given. Times, venue and required skills change only while nobody is on the shift (CONFLICT otherwise); a cancelled shift never changes. Audited',
  })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  updateShift(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The shift' }, ParseIdPipe) id: string,
    @Args('input', { description: 'What changes' }) input: UpdateShiftInput,
  ) {
    return this.shiftService.update(actor, id, input);
  }

  @Mutation(() => [ShiftObject], { description: 'Draft shifts become visible to staff and take assignments; audited' })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  publishShifts(@CurrentActor() actor: Actor, @Args() args: PublishShiftsArgs) {
    return this.shiftService.publish(actor, args.ids);
  }

  @Mutation(() => ShiftPatternResultObject, { description: 'One shift per selected local day at the venue, in one transaction' })
  @Allow(SchedulingPermission.SHIFTS_MANAGE)
  createShiftsFromPattern(@CurrentActor() actor: Actor, @Args('input', { description: 'The pattern' }) input: ShiftPatternInput) {
    return this.shiftService.createFromPattern(actor, input);
  }

  @ResolveField(() => [RequiredSkillObject], { description: 'Skills the people on it need, by code' })
  requiredSkills(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftSkillsLoader).load(shift.id);
  }
}
