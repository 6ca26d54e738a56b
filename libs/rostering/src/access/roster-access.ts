import type { Scope } from '@baton/auth';
import type { GrantScopes } from '@baton/staff';

/**
 * What rostering's scope checks need to know about a viewer, as plain data (rosterViewer builds
 * it from an Actor). Pure functions below answer from it, so each rule is unit-tested alone.
 */
export interface RosterViewer {
  userId: string;
  /** Some grant lets them manage rosters (ROSTER_MANAGE); where is `coordinates`. */
  managesRosters: boolean;
  /** Each coordinator grant's venues and teams, per event; admins: every event, venue and team. */
  coordinates: 'ALL' | ReadonlyMap<string, GrantScopes>;
  /** Events where they are staff (SELF_SERVICE): there they see and answer their own assignments. */
  selfService: Scope;
}

/** Where a shift is, which is what scope checks look at. */
export interface RosterPlacement {
  eventId: string;
  venueId: string;
  teamId: string;
}

/** An assignment placed on its shift, with the account of the person holding it (null: no account). */
export interface AssignmentPlacement extends RosterPlacement {
  id: string;
  holderUserId: string | null;
}

const has = (scope: Scope, id: string) => scope === 'ALL' || scope.has(id);

/**
 * Whether one of the viewer's coordinator grants covers this venue and team of the event. Grant by
 * grant: (venue A, team X) and (venue B, team Y) do not allow venue A with team Y.
 */
export function coversPlacement(viewer: RosterViewer, place: RosterPlacement): boolean {
  if (viewer.coordinates === 'ALL') return true;
  const grants = viewer.coordinates.get(place.eventId) ?? [];
  return grants.some((g) => has(g.venues, place.venueId) && has(g.teams, place.teamId));
}

/**
 * Who sees everyone on a shift, and acts on its roster: roster managers covering its venue and team.
 * Decided per shift: a coordinator elsewhere (another event, venue or team) is only staff here.
 */
export function seesWholeRoster(viewer: RosterViewer, shift: RosterPlacement): boolean {
  return viewer.managesRosters && coversPlacement(viewer, shift);
}

/** The viewer's own assignment, in an event where they are staff: theirs to see and to answer. */
export function holdsAssignment(viewer: RosterViewer, assignment: Pick<AssignmentPlacement, 'eventId' | 'holderUserId'>): boolean {
  return assignment.holderUserId !== null && assignment.holderUserId === viewer.userId && has(viewer.selfService, assignment.eventId);
}

/** Which of these shifts' whole rosters the viewer sees. */
export function shiftsWithWholeRoster(viewer: RosterViewer, shifts: Iterable<RosterPlacement & { id: string }>): Set<string> {
  const ids = new Set<string>();
  for (const shift of shifts) if (seesWholeRoster(viewer, shift)) ids.add(shift.id);
  return ids;
}

/** Which of these assignments the viewer may see: all on the shifts whose roster they manage, and their own. */
export function visibleAssignments(viewer: RosterViewer, assignments: Iterable<AssignmentPlacement>): Set<string> {
  const ids = new Set<string>();
  for (const a of assignments) if (seesWholeRoster(viewer, a) || holdsAssignment(viewer, a)) ids.add(a.id);
  return ids;
}
