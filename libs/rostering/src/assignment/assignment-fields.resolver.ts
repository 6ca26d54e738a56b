import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor } from '@baton/auth';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { ShiftObject } from '@baton/scheduling';
import { StaffMemberObject } from '@baton/staff';
import { AssignmentObject } from './dto/assignment.dto';
import { ShiftAssignmentsLoader, ShiftByIdLoader, StaffByIdLoader } from './assignment.loaders';
import { seesWholeRoster } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';

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

@Resolver(() => ShiftObject)
export class ShiftAssignmentsResolver {
  /**
   * Who is on the shift. Coordinators and admins see everyone; a staff member sees only
   * themself (the roster of colleagues is not theirs to browse).
   */
  @ResolveField(() => [AssignmentObject], { description: 'Active assignments (ASSIGNED or CONFIRMED)' })
  async assignments(@Parent() shift: ShiftObject, @Loaders() loaders: LoaderRegistry, @CurrentActor() actor: Actor) {
    const all = await loaders.get(ShiftAssignmentsLoader).load(shift.id);
    // The same rule as the SQL-shaped roster (ShiftAssignmentsShaper).
    if (seesWholeRoster(rosterViewer(actor), shift)) return all;
    const mine = await Promise.all(all.map(async (a) => ((await loaders.get(StaffByIdLoader).load(a.staffMemberId))?.userId === actor.userId ? a : null)));
    return mine.filter((a): a is AssignmentObject => a !== null);
  }
}
