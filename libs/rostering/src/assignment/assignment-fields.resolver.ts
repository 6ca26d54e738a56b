import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AccessService, Actor, CurrentActor } from '@baton/auth';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { ShiftObject } from '@baton/scheduling';
import { StaffMemberObject } from '@baton/staff';
import { AssignmentObject } from './dto/assignment.dto';
import { ShiftAssignmentsLoader, ShiftByIdLoader, StaffByIdLoader } from './assignment.loaders';
import { RosteringPermission } from '../rostering.permissions';

@Resolver(() => AssignmentObject)
export class AssignmentFieldsResolver {
  @ResolveField(() => ShiftObject, { nullable: true, description: 'The shift (shiftId)' })
  shift(@Parent() assignment: AssignmentObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftByIdLoader).load(assignment.shiftId);
  }

  @ResolveField(() => StaffMemberObject, { nullable: true, description: 'Contact details only where you may see them' })
  staffMember(@Parent() assignment: AssignmentObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(StaffByIdLoader).load(assignment.staffMemberId);
  }
}

/**
 * Who sees everyone on a shift: coordinators and admins covering its venue and team. Decided per
 * shift: a coordinator elsewhere (another event, venue or team) is only staff here, and sees
 * only themself. Shared with the SQL-shaped roster (ShiftAssignmentsShaper).
 */
export function seesWholeRoster(access: AccessService, actor: Actor, shift: Pick<ShiftObject, 'eventId' | 'venueId' | 'teamId'>): boolean {
  return actor.can(RosteringPermission.ROSTER_MANAGE) && access.coversVenueTeam(actor, shift);
}

@Resolver(() => ShiftObject)
export class ShiftAssignmentsResolver {
  constructor(private readonly access: AccessService) {}

  /**
   * Who is on the shift. Coordinators and admins see everyone; a staff member sees only
   * themself (the roster of colleagues is not theirs to browse).
   */
  @ResolveField(() => [AssignmentObject], { description: 'Active assignments (ASSIGNED or CONFIRMED)' })
  async assignments(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry, @CurrentActor() actor: Actor) {
    const all = await loaders.get(ShiftAssignmentsLoader).load(shift.id);
    if (seesWholeRoster(this.access, actor, shift)) return all;
    const mine = await Promise.all(all.map(async (a) => ((await loaders.get(StaffByIdLoader).load(a.staffMemberId))?.userId === actor.userId ? a : null)));
    return mine.filter((a): a is AssignmentObject => a !== null);
  }
}
