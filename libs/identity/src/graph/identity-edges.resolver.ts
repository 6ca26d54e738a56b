import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntryObject } from '@baton/audit';
import { EventLoader, EventObject, TeamLoader, TeamObject, VenueLoader, VenueObject } from '@baton/events';
import { LoaderRegistry, Loaders, loadVisible } from '@baton/graphql';
import { OrganisationLoader, OrganisationObject } from '@baton/organisations';
import { InvitationObject } from '../invitation/invitation.object';
import { RoleGrantObject, UserObject } from '../user/user.object';
import { UserLoader } from './user.loader';

interface Scoped {
  eventId: string | null;
  organisationId: string | null;
  venueIds: string[];
  teamIds: string[];
}

const eventOf = (scoped: Scoped, loaders: LoaderRegistry) => (scoped.eventId ? loaders.get(EventLoader).load(scoped.eventId) : null);
const organisationOf = (scoped: Scoped, loaders: LoaderRegistry) =>
  scoped.organisationId ? loaders.get(OrganisationLoader).load(scoped.organisationId) : null;

@Resolver(() => RoleGrantObject)
export class RoleGrantEdgesResolver {
  @ResolveField(() => EventObject, {
    nullable: true,
    description: 'The event of the grant (eventId); null for a grant without one or an event you may not read',
  })
  event(@Parent() grant: RoleGrantObject, @Loaders() loaders: LoaderRegistry) {
    return eventOf(grant, loaders);
  }

  @ResolveField(() => OrganisationObject, { nullable: true, description: 'The organisation of a RECRUITER grant (organisationId)' })
  organisation(@Parent() grant: RoleGrantObject, @Loaders() loaders: LoaderRegistry) {
    return organisationOf(grant, loaders);
  }

  @ResolveField(() => [VenueObject], { description: 'The venues of venueIds you may see; empty means the grant is not limited to venues' })
  venues(@Parent() grant: RoleGrantObject, @Loaders() loaders: LoaderRegistry) {
    return loadVisible(loaders.get(VenueLoader), grant.venueIds);
  }

  @ResolveField(() => [TeamObject], { description: 'The teams of teamIds you may see; empty means the grant is not limited to teams' })
  teams(@Parent() grant: RoleGrantObject, @Loaders() loaders: LoaderRegistry) {
    return loadVisible(loaders.get(TeamLoader), grant.teamIds);
  }
}

@Resolver(() => InvitationObject)
export class InvitationEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event the invitation grants a role in (eventId)' })
  event(@Parent() invitation: InvitationObject, @Loaders() loaders: LoaderRegistry) {
    return eventOf(invitation, loaders);
  }

  @ResolveField(() => OrganisationObject, { nullable: true, description: 'The organisation of a RECRUITER invitation (organisationId)' })
  organisation(@Parent() invitation: InvitationObject, @Loaders() loaders: LoaderRegistry) {
    return organisationOf(invitation, loaders);
  }

  @ResolveField(() => [VenueObject], { description: 'The venues of venueIds you may see' })
  venues(@Parent() invitation: InvitationObject, @Loaders() loaders: LoaderRegistry) {
    return loadVisible(loaders.get(VenueLoader), invitation.venueIds);
  }

  @ResolveField(() => [TeamObject], { description: 'The teams of teamIds you may see' })
  teams(@Parent() invitation: InvitationObject, @Loaders() loaders: LoaderRegistry) {
    return loadVisible(loaders.get(TeamLoader), invitation.teamIds);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'Who sent the invitation (invitedById): seen by admins and by that person' })
  invitedBy(@Parent() invitation: InvitationObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(UserLoader).load(invitation.invitedById);
  }
}

@Resolver(() => AuditEntryObject)
export class AuditEntryEdgesResolver {
  @ResolveField(() => UserObject, { nullable: true, description: 'Who acted (actorUserId); null for the system itself or an account you may not see' })
  actor(@Parent() entry: AuditEntryObject, @Loaders() loaders: LoaderRegistry) {
    return entry.actorUserId ? loaders.get(UserLoader).load(entry.actorUserId) : null;
  }

  @ResolveField(() => EventObject, { nullable: true, description: 'The event the change belongs to (eventId), if any' })
  event(@Parent() entry: AuditEntryObject, @Loaders() loaders: LoaderRegistry) {
    return entry.eventId ? loaders.get(EventLoader).load(entry.eventId) : null;
  }
}
