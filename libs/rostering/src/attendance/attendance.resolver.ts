import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, Allow, CurrentActor } from '@baton/auth';
import { Clock } from '@baton/core';
import { ACTIVE_STATUSES, AssignmentStatus } from '../assignment/assignment.entity';
import { AssignmentObject } from '../assignment/dto/assignment.dto';
import { attendanceStatus, AttendanceStatus } from './attendance-status';
import { AttendanceService } from './attendance.service';
import { CheckInMethod } from './check-in-method';
import { RosteringPermission } from '../rostering.permissions';
import { StaffPermission } from '@baton/staff';
// Registers CheckInMethod and AttendanceStatus with GraphQL.
import './attendance.enums';
import { ParseIdPipe } from '@baton/graphql';

@Resolver(() => AssignmentObject)
export class AttendanceResolver {
  constructor(
    private readonly service: AttendanceService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => AssignmentObject, {
    description:
      'Check a person in. Coordinators in scope: anyone, any method but SELF, `at` defaults to now. The person themself: method SELF, from 60 min before the start to the end, at the server time. ' +
      'Idempotent: an assignment already checked in is returned unchanged (no error, no new history), so offline uploads may be replayed.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE, StaffPermission.SELF_SERVICE)
  checkIn(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'The assignment' }, ParseIdPipe) assignmentId: string,
    @Args('method', {
      type: () => CheckInMethod,
      nullable: true,
      defaultValue: CheckInMethod.COORDINATOR,
      description: 'How it was recorded; SELF for the person themself',
    })
    method?: CheckInMethod,
    @Args('at', { type: () => Date, nullable: true, description: 'Default now; not in the future, not more than 24 h before the start, not after the end' })
    at?: Date,
  ) {
    return this.service.checkIn(actor, assignmentId, method ?? CheckInMethod.COORDINATOR, at ?? undefined);
  }

  @Mutation(() => AssignmentObject, {
    description:
      'Check a person out (coordinators in scope, or the person themself at the server time). After the check-in, at most 12 h after the end. Idempotent like checkIn.',
  })
  @Allow(RosteringPermission.ROSTER_MANAGE, StaffPermission.SELF_SERVICE)
  checkOut(
    @CurrentActor() actor: Actor,
    @Args('assignmentId', { type: () => ID, description: 'The assignment' }, ParseIdPipe) assignmentId: string,
    @Args('at', { type: () => Date, nullable: true, description: 'Default now; after the check-in, not in the future, at most 12 h after the end' }) at?: Date,
  ) {
    return this.service.checkOut(actor, assignmentId, at ?? undefined);
  }

  @ResolveField(() => AttendanceStatus, {
    nullable: true,
    description:
      'UPCOMING, EXPECTED (grace 30 min), ON_TIME or LATE (after start + 5 min), NO_SHOW, CHECKED_OUT; null for a declined or cancelled assignment never checked in',
  })
  attendance(@Parent() assignment: AssignmentObject): AttendanceStatus | null {
    const active = (ACTIVE_STATUSES as readonly AssignmentStatus[]).includes(assignment.status);
    if (!active && !assignment.checkedInAt) return null;
    return attendanceStatus(assignment, this.clock.now());
  }
}
