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

/** The venues and teams a coverage board may count, per axis. */
export interface BoardScope {
  venues: Scope;
  teams: Scope;
}

/**
 * The venues and teams the viewer's coverage boards may count in one event (admins: all);
 * undefined: no coordinator grant there. Each axis is the union of their grants': the statement
 * filters on those first (index-friendly), then pair by pair with `boardGrants` when one axis's
 * union would let a venue of one grant meet a team of another.
 */
export function boardScope(viewer: RosterViewer, eventId: string): BoardScope | undefined {
  if (viewer.coordinates === 'ALL') return { venues: 'ALL', teams: 'ALL' };
  const grants = viewer.coordinates.get(eventId);
  if (!grants?.length) return undefined;
  const union = (scopes: Scope[]): Scope => (scopes.includes('ALL') ? 'ALL' : new Set(scopes.flatMap((s) => (s === 'ALL' ? [] : [...s]))));
  return { venues: union(grants.map((g) => g.venues)), teams: union(grants.map((g) => g.teams)) };
}

/**
 * Which of the requested ids the scope allows: all of the scope when nothing was asked, the asked
 * ones inside the scope otherwise. `null` means no filter (everything); an empty answer means
 * only ids outside the scope were asked for.
 */
export function narrow(scope: Scope, requested: readonly string[] | null | undefined): string[] | null {
  if (!requested?.length) return scope === 'ALL' ? null : [...scope];
  const unique = [...new Set(requested)];
  return scope === 'ALL' ? unique : unique.filter((id) => scope.has(id));
}

/** One grant's venues and teams for the board's statement: null is every one of the event; ids sorted. */
export type BoardGrant = [venueIds: string[] | null, teamIds: string[] | null];

/**
 * The viewer's grants in the event, pair by pair, when the per-axis union says more than they do:
 * (venue A, team X) and (venue B, team Y) must not count venue A's team Y. Null when the union is
 * exact: admins, a single grant, or a grant without any limit. Sorted, so equal scopes share a
 * cached board.
 */
export function boardGrants(viewer: RosterViewer, eventId: string): BoardGrant[] | null {
  if (viewer.coordinates === 'ALL') return null;
  const grants = viewer.coordinates.get(eventId) ?? [];
  if (grants.length <= 1 || grants.some((g) => g.venues === 'ALL' && g.teams === 'ALL')) return null;
  const ids = (scope: Scope) => (scope === 'ALL' ? null : [...scope].sort());
  const pairs = grants.map((g): BoardGrant => [ids(g.venues), ids(g.teams)]);
  const unique = new Map(pairs.map((p) => [JSON.stringify(p), p]));
  return [...unique.keys()].sort().map((k) => unique.get(k)!);
}

/** The venues and teams of one board request that the viewer may see (see narrow), and their grants pair by pair; undefined: none of the event. */
export function boardSelection(
  viewer: RosterViewer,
  eventId: string,
  requested: { venueIds?: readonly string[] | null; teamIds?: readonly string[] | null },
): { venueIds: string[] | null; teamIds: string[] | null; grants: BoardGrant[] | null } | undefined {
  const scope = boardScope(viewer, eventId);
  if (!scope) return undefined;
  return { venueIds: narrow(scope.venues, requested.venueIds), teamIds: narrow(scope.teams, requested.teamIds), grants: boardGrants(viewer, eventId) };
}
