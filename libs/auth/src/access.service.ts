import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@baton/core';
import { Actor } from './actor';
import { Permission } from './permission';
import { Role } from './role';

/** `ALL` when a grant is not limited (admins), else the set of ids the actor may touch. */
export type Scope = 'ALL' | ReadonlySet<string>;

/**
 * Resource-level checks, asked as sets ("which of these events may this person read?") so a
 * list is filtered in one pass instead of one question per row.
 */
@Injectable()
export class AccessService {
  eventScope(actor: Actor, permission: Permission): Scope {
    const grants = actor.grantsWith(permission);
    if (grants.some((g) => g.role === Role.ADMIN)) return 'ALL';
    return new Set(grants.map((g) => g.eventId).filter((id): id is string => !!id));
  }

  organisationScope(actor: Actor, permission: Permission): Scope {
    const grants = actor.grantsWith(permission);
    if (grants.some((g) => g.role === Role.ADMIN)) return 'ALL';
    return new Set(grants.map((g) => g.organisationId).filter((id): id is string => !!id));
  }

  inScope(scope: Scope, id: string): boolean {
    return scope === 'ALL' || scope.has(id);
  }

  assertEvent(actor: Actor, permission: Permission, eventId: string): void {
    if (!this.inScope(this.eventScope(actor, permission), eventId)) {
      throw new ForbiddenError('This event is outside your scope', { eventId, permission });
    }
  }

  /**
   * Whether one of the actor's grants covers this venue and this team of the event. Checked
   * grant by grant: grants (venue A, team X) and (venue B, team Y) do not allow venue A with
   * team Y, which a union of the two scopes would.
   */
  coversVenueTeam(actor: Actor, target: { eventId: string; venueId: string; teamId: string }): boolean {
    if (actor.isAdmin) return true;
    return actor.grants.some(
      (g) =>
        g.role === Role.COORDINATOR &&
        g.eventId === target.eventId &&
        (g.venueIds.length === 0 || g.venueIds.includes(target.venueId)) &&
        (g.teamIds.length === 0 || g.teamIds.includes(target.teamId)),
    );
  }

  /** FORBIDDEN unless one of the actor's grants covers this venue and team of the event. */
  assertVenueTeam(actor: Actor, target: { eventId: string; venueId: string; teamId: string }): void {
    if (!this.coversVenueTeam(actor, target)) throw new ForbiddenError('This is outside your venues or teams', { ...target });
  }

  /**
   * Venues and teams a coordinator may act on inside one event. Empty venue or team lists on a
   * grant mean "all of them", so the answer can be ALL for one axis and a set for the other.
   */
  /**
   * One scope per grant (admins: one covering everything). Authorisation checks a target against
   * each grant separately; `venueTeamScope` below merges them and is only for narrowing views.
   */
  grantScopes(actor: Actor, eventId: string, role: Role = Role.COORDINATOR): Array<{ venues: Scope; teams: Scope }> {
    if (actor.isAdmin) return [{ venues: 'ALL', teams: 'ALL' }];
    return actor.grants
      .filter((g) => g.role === role && g.eventId === eventId)
      .map((g) => ({ venues: g.venueIds.length ? new Set(g.venueIds) : 'ALL', teams: g.teamIds.length ? new Set(g.teamIds) : 'ALL' }));
  }

  venueTeamScope(actor: Actor, eventId: string, role: Role = Role.COORDINATOR): { venues: Scope; teams: Scope } | undefined {
    if (actor.isAdmin) return { venues: 'ALL', teams: 'ALL' };
    const grants = actor.grants.filter((g) => g.role === role && g.eventId === eventId);
    if (!grants.length) return undefined;
    const union = (pick: (g: (typeof grants)[number]) => string[]): Scope => (grants.some((g) => pick(g).length === 0) ? 'ALL' : new Set(grants.flatMap(pick)));
    return { venues: union((g) => g.venueIds), teams: union((g) => g.teamIds) };
  }
}
