import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventLoader, EventObject, TeamLoader, TeamObject, VenueLoader, VenueObject } from '@baton/events';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { SkillLoader, SkillObject } from '@baton/skills';
import { RequiredSkillObject, ShiftObject } from '../shift/dto/shift.dto';
import { WorkRulesObject } from '../work-rules/dto/work-rules.dto';

@Resolver(() => ShiftObject)
export class ShiftEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event of the shift (eventId)' })
  event(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(shift.eventId);
  }

  @ResolveField(() => VenueObject, { nullable: true, description: 'Where the shift is worked (venueId); its timeZone is the one "a day" means for the rules' })
  venue(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(VenueLoader).load(shift.venueId);
  }

  @ResolveField(() => TeamObject, { nullable: true, description: 'The team that staffs the shift (teamId)' })
  team(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(TeamLoader).load(shift.teamId);
  }
}

@Resolver(() => RequiredSkillObject)
export class RequiredSkillEdgesResolver {
  @ResolveField(() => SkillObject, { nullable: true, description: 'The skill of the catalogue (skillId), with its category' })
  skill(@Parent() required: RequiredSkillObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(SkillLoader).load(required.skillId);
  }
}

@Resolver(() => WorkRulesObject)
export class WorkRulesEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event these rules apply to (eventId)' })
  event(@Parent() rules: WorkRulesObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(rules.eventId);
  }
}
