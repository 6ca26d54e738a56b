import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventLoader, EventObject, TeamLoader, TeamObject, VenueLoader, VenueObject } from '@baton/events';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { UserLoader, UserObject } from '@baton/identity';
import { OrganisationLoader, OrganisationObject } from '@baton/organisations';
import { SkillLoader, SkillObject } from '@baton/skills';
import { AvailabilityPeriodObject } from '../availability/dto/availability.dto';
import { StaffMemberObject, StaffMemberSkillObject } from '../staff-member/dto/staff-member.object';
import { StaffMemberLoader } from './staff-member.loader';

@Resolver(() => StaffMemberObject)
export class StaffMemberEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event this record belongs to (eventId); null where you may not read the event' })
  event(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(member.eventId);
  }

  @ResolveField(() => OrganisationObject, { nullable: true, description: 'The employer or programme that sends this person (organisationId)' })
  organisation(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(OrganisationLoader).load(member.organisationId);
  }

  @ResolveField(() => TeamObject, { nullable: true, description: 'The team (teamId); null when none is set or you may not read the event' })
  team(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return member.teamId ? loaders.get(TeamLoader).load(member.teamId) : null;
  }

  @ResolveField(() => VenueObject, {
    nullable: true,
    description: 'The home venue (homeVenueId); null for a roving person or where you may not read the event',
  })
  homeVenue(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return member.homeVenueId ? loaders.get(VenueLoader).load(member.homeVenueId) : null;
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'The linked account (userId): seen by admins and by the person themself' })
  user(@Parent() member: StaffMemberObject, @Loaders() loaders: LoaderRegistry) {
    return member.userId ? loaders.get(UserLoader).load(member.userId) : null;
  }
}

@Resolver(() => StaffMemberSkillObject)
export class StaffMemberSkillEdgesResolver {
  @ResolveField(() => SkillObject, { nullable: true, description: 'The skill of the catalogue (skillId), with its category' })
  skill(@Parent() held: StaffMemberSkillObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(SkillLoader).load(held.skillId);
  }
}

@Resolver(() => AvailabilityPeriodObject)
export class AvailabilityEdgesResolver {
  @ResolveField(() => StaffMemberObject, { nullable: true, description: 'Whose period this is (staffMemberId)' })
  staffMember(@Parent() period: AvailabilityPeriodObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(StaffMemberLoader).load(period.staffMemberId);
  }
}
