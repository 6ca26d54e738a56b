import { StaffMemberObject } from './dto/staff-member.object';
import { StaffMemberEntity } from './staff-member.entity';

/** Explicit mapping; contact details only when the caller decided this viewer may see them. */
export function toStaffMemberObject(member: StaffMemberEntity, showContact: boolean): StaffMemberObject {
  return {
    id: member.id,
    eventId: member.eventId,
    userId: member.userId,
    organisationId: member.organisationId,
    teamId: member.teamId,
    homeVenueId: member.homeVenueId,
    displayName: member.displayName,
    employmentType: member.employmentType,
    languages: member.languages,
    accreditationZones: member.accreditationZones,
    accreditationStatus: member.accreditationStatus,
    externalRef: member.externalRef,
    contact: showContact ? { email: member.email, phone: member.phone } : null,
  };
}

/**
 * What the audit trail keeps of a staff member. Email and phone are left out on purpose: the
 * audit log is read by every admin and kept for long, and contact details are personal data we
 * minimise (GDPR art. 5(1)(c)); an erasure request must not have to rewrite history. The
 * record still says *that* contact details changed (see `contactChanges`), never to what.
 */
export function toAuditState(member: StaffMemberEntity): Record<string, unknown> {
  const { id: _id, contact: _contact, ...state } = toStaffMemberObject(member, false);
  return state;
}

/** Names of the contact fields that differ, for the audit record (values stay out). */
export function contactChanges(before: Pick<StaffMemberEntity, 'email' | 'phone'> | null, after: Pick<StaffMemberEntity, 'email' | 'phone'>): string[] {
  return (['email', 'phone'] as const).filter((key) => (before?.[key] ?? null) !== (after[key] ?? null));
}
