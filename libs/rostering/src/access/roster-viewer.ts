import { AccessService, Actor } from '@baton/auth';
import type { GrantScopes } from '@baton/staff';
import { StaffPermission } from '@baton/staff';
import { RosteringPermission } from '../rostering.permissions';
import type { RosterViewer } from './roster-access';

const access = new AccessService();
// An Actor is immutable and reused for a whole session (the actor cache): derive its view once.
const viewers = new WeakMap<Actor, RosterViewer>();

/** The facts rostering's scope checks read from an actor (roster-access.ts). */
export function rosterViewer(actor: Actor): RosterViewer {
  let viewer = viewers.get(actor);
  if (!viewer) {
    viewer = {
      userId: actor.userId,
      managesRosters: actor.can(RosteringPermission.ROSTER_MANAGE),
      coordinates: actor.isAdmin ? 'ALL' : coordinatorGrants(actor),
      selfService: access.eventScope(actor, StaffPermission.SELF_SERVICE),
    };
    viewers.set(actor, viewer);
  }
  return viewer;
}

function coordinatorGrants(actor: Actor): ReadonlyMap<string, GrantScopes> {
  const events = new Set(actor.grants.map((g) => g.eventId).filter((id): id is string => id !== null));
  return new Map([...events].map((eventId) => [eventId, access.grantScopes(actor, eventId)]));
}
