import type { Scope } from '@baton/auth';

/** A coordinator's reach inside one event (AccessService.venueTeamScope); undefined: none. */
export type VenueTeamScope = { venues: Scope; teams: Scope } | undefined;

/** Where a staff member sits: what scope checks look at. */
export interface StaffPlacement {
  userId: string | null;
  teamId: string | null;
  homeVenueId: string | null;
}

/**
 * Whether a coordinator grant covers this person: their team must be in the grant's teams, and
 * their home venue in its venues. Someone with no home venue yet (roving, not placed) is covered
 * by the venue side, so a venue-limited coordinator can still reach them through their team;
 * someone with no team is covered only by a grant that is not limited to teams.
 */
export function coversStaff(scope: VenueTeamScope, member: StaffPlacement): boolean {
  if (!scope) return false;
  const team = scope.teams === 'ALL' || (member.teamId !== null && scope.teams.has(member.teamId));
  const venue = scope.venues === 'ALL' || member.homeVenueId === null || scope.venues.has(member.homeVenueId);
  return team && venue;
}

/**
 * Contact details (email, phone) are personal data: visible to the person themself, to admins,
 * and to coordinators of the member's event whose venues and teams cover the member. Everyone
 * else who may read the directory sees the record without them.
 */
export function canSeeContact(viewer: { userId: string; isAdmin: boolean }, member: StaffPlacement, grants: GrantScopes): boolean {
  if (member.userId !== null && member.userId === viewer.userId) return true;
  if (viewer.isAdmin) return true;
  return coveredByAnyGrant(grants, member);
}

/** The scopes of each of a coordinator's grants in one event (AccessService.grantScopes). */
export type GrantScopes = ReadonlyArray<NonNullable<VenueTeamScope>>;

/**
 * Grant by grant: (venue A, team X) and (venue B, team Y) do not add up to venue A with team Y.
 */
export function coveredByAnyGrant(grants: GrantScopes, member: StaffPlacement): boolean {
  return grants.some((scope) => coversStaff(scope, member));
}
