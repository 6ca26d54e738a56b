import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EventLoader, EventObject, TeamLoader, TeamObject, VenueLoader, VenueObject } from '@baton/events';
import { LoaderRegistry, Loaders } from '@baton/graphql';
import { UserLoader, UserObject } from '@baton/identity';
import { ShiftLoader, ShiftObject } from '@baton/scheduling';
import { StaffMemberLoader, StaffMemberObject } from '@baton/staff';
import { StaffingAlertObject } from '../alerts/staffing-alert.object';
import { CoverageCellObject, CoverageGapObject, CoverageObject } from '../coverage/coverage.dto';
import { AssignmentChangeObject, AssignmentObject } from '../assignment/dto/assignment.dto';
import { ShiftCancellationObject } from '../assignment/dto/shift-cancellation.dto';
import { ReplacementCandidateObject } from '../replacements/replacement.dto';
import { AssignmentLoader } from './assignment.loader';

type Placed = { venueId: string; teamId: string };
const venueOf = (placed: Placed, loaders: LoaderRegistry) => loaders.get(VenueLoader).load(placed.venueId);
const teamOf = (placed: Placed, loaders: LoaderRegistry) => loaders.get(TeamLoader).load(placed.teamId);
const VENUE = { nullable: true, description: 'The venue (venueId)' } as const;
const TEAM = { nullable: true, description: 'The team (teamId)' } as const;

@Resolver(() => AssignmentObject)
export class AssignmentEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event of the assignment (eventId)' })
  event(@Parent() assignment: AssignmentObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(assignment.eventId);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'Who made the assignment (assignedById): seen by admins and by that person' })
  assignedBy(@Parent() assignment: AssignmentObject, @Loaders() loaders: LoaderRegistry) {
    return assignment.assignedById ? loaders.get(UserLoader).load(assignment.assignedById) : null;
  }
}

@Resolver(() => AssignmentChangeObject)
export class AssignmentChangeEdgesResolver {
  @ResolveField(() => VenueObject, VENUE)
  venue(@Parent() change: AssignmentChangeObject, @Loaders() loaders: LoaderRegistry) {
    return venueOf(change, loaders);
  }

  @ResolveField(() => TeamObject, TEAM)
  team(@Parent() change: AssignmentChangeObject, @Loaders() loaders: LoaderRegistry) {
    return teamOf(change, loaders);
  }
}

@Resolver(() => CoverageObject)
export class CoverageEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event (eventId)' })
  event(@Parent() coverage: CoverageObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(coverage.eventId);
  }
}

@Resolver(() => CoverageCellObject)
export class CoverageCellEdgesResolver {
  @ResolveField(() => VenueObject, VENUE)
  venue(@Parent() cell: CoverageCellObject, @Loaders() loaders: LoaderRegistry) {
    return venueOf(cell, loaders);
  }

  @ResolveField(() => TeamObject, TEAM)
  team(@Parent() cell: CoverageCellObject, @Loaders() loaders: LoaderRegistry) {
    return teamOf(cell, loaders);
  }
}

@Resolver(() => CoverageGapObject)
export class CoverageGapEdgesResolver {
  @ResolveField(() => ShiftObject, { nullable: true, description: 'The shift with open places (shiftId)' })
  shift(@Parent() gap: CoverageGapObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftLoader).load(gap.shiftId);
  }

  @ResolveField(() => VenueObject, VENUE)
  venue(@Parent() gap: CoverageGapObject, @Loaders() loaders: LoaderRegistry) {
    return venueOf(gap, loaders);
  }

  @ResolveField(() => TeamObject, TEAM)
  team(@Parent() gap: CoverageGapObject, @Loaders() loaders: LoaderRegistry) {
    return teamOf(gap, loaders);
  }
}

@Resolver(() => ReplacementCandidateObject)
export class ReplacementCandidateEdgesResolver {
  @ResolveField(() => StaffMemberObject, { nullable: true, description: 'The candidate (staffMemberId), with contact details where you may see them' })
  staffMember(@Parent() candidate: ReplacementCandidateObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(StaffMemberLoader).load(candidate.staffMemberId);
  }

  @ResolveField(() => TeamObject, { nullable: true, description: "The candidate's team (teamId), if any" })
  team(@Parent() candidate: ReplacementCandidateObject, @Loaders() loaders: LoaderRegistry) {
    return candidate.teamId ? loaders.get(TeamLoader).load(candidate.teamId) : null;
  }

  @ResolveField(() => VenueObject, { nullable: true, description: "The candidate's home venue (homeVenueId), if any" })
  homeVenue(@Parent() candidate: ReplacementCandidateObject, @Loaders() loaders: LoaderRegistry) {
    return candidate.homeVenueId ? loaders.get(VenueLoader).load(candidate.homeVenueId) : null;
  }
}

@Resolver(() => ShiftCancellationObject)
export class ShiftCancellationEdgesResolver {
  @ResolveField(() => ShiftObject, { nullable: true, description: 'The cancelled shift (shiftId), now CANCELLED' })
  shift(@Parent() cancellation: ShiftCancellationObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftLoader).load(cancellation.shiftId);
  }
}

@Resolver(() => StaffingAlertObject)
export class StaffingAlertEdgesResolver {
  @ResolveField(() => EventObject, { nullable: true, description: 'The event (eventId)' })
  event(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(EventLoader).load(alert.eventId);
  }

  @ResolveField(() => ShiftObject, { nullable: true, description: 'The shift concerned (shiftId)' })
  shift(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return loaders.get(ShiftLoader).load(alert.shiftId);
  }

  @ResolveField(() => AssignmentObject, { nullable: true, description: 'The assignment concerned (assignmentId), if any' })
  assignment(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return alert.assignmentId ? loaders.get(AssignmentLoader).load(alert.assignmentId) : null;
  }

  @ResolveField(() => StaffMemberObject, { nullable: true, description: 'The person concerned (staffMemberId), if any' })
  staffMember(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return alert.staffMemberId ? loaders.get(StaffMemberLoader).load(alert.staffMemberId) : null;
  }

  @ResolveField(() => VenueObject, VENUE)
  venue(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return venueOf(alert, loaders);
  }

  @ResolveField(() => TeamObject, TEAM)
  team(@Parent() alert: StaffingAlertObject, @Loaders() loaders: LoaderRegistry) {
    return teamOf(alert, loaders);
  }
}
