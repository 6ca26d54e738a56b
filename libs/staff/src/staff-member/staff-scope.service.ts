import { Injectable } from '@nestjs/common';
import { AccessService, Actor } from '@baton/auth';
import { ForbiddenError, NotFoundError } from '@baton/core';
import { canSeeContact, coveredByAnyGrant, GrantScopes, StaffPlacement } from './staff-access';
import { StaffPermission } from '../staff.permissions';

export interface ScopedStaff extends StaffPlacement {
  id: string;
  eventId: string;
}

/**
 * Who may see and change which staff members: the rules shared by the directory, the staff
 * mutations and availability. The decisions themselves are the pure functions of staff-access.
 */
@Injectable()
export class StaffScopeService {
  constructor(private readonly access: AccessService) {}

  grantScopes(actor: Actor, eventId: string): GrantScopes {
    return this.access.grantScopes(actor, eventId);
  }

  canReadDirectory(actor: Actor, eventId: string): boolean {
    return this.access.inScope(this.access.eventScope(actor, StaffPermission.STAFF_READ), eventId);
  }

  showContact(actor: Actor, member: ScopedStaff, grants: GrantScopes = this.grantScopes(actor, member.eventId)): boolean {
    return canSeeContact(actor, member, grants);
  }

  /** The person themself, acting through their own self-service grant on that event. */
  isSelf(actor: Actor, member: ScopedStaff): boolean {
    return (
      member.userId !== null &&
      member.userId === actor.userId &&
      this.access.inScope(this.access.eventScope(actor, StaffPermission.SELF_SERVICE), member.eventId)
    );
  }

  /** Coordinators (or admins) whose STAFF_MANAGE grant covers this member's team and home venue. */
  manages(actor: Actor, member: ScopedStaff): boolean {
    return (
      this.access.inScope(this.access.eventScope(actor, StaffPermission.STAFF_MANAGE), member.eventId) &&
      coveredByAnyGrant(this.grantScopes(actor, member.eventId), member)
    );
  }

  /**
   * Refuses when the actor does not manage this member. A member of an event the actor cannot
   * even read is reported as not found, so ids of other events are not confirmed.
   */
  assertManages(actor: Actor, member: ScopedStaff, message = 'This staff member is outside your venues and teams'): void {
    if (this.manages(actor, member)) return;
    if (!this.canReadDirectory(actor, member.eventId) && !this.isSelf(actor, member)) throw new NotFoundError('StaffMember', member.id);
    throw new ForbiddenError(message, { staffMemberId: member.id });
  }

  /** For a record being created or moved: the new placement must be inside the actor's scope too. */
  assertPlacementAllowed(actor: Actor, eventId: string, placement: StaffPlacement): void {
    this.access.assertEvent(actor, StaffPermission.STAFF_MANAGE, eventId);
    if (!coveredByAnyGrant(this.grantScopes(actor, eventId), placement)) {
      throw new ForbiddenError('Your grant does not cover this team or home venue', { teamId: placement.teamId, homeVenueId: placement.homeVenueId });
    }
  }
}
