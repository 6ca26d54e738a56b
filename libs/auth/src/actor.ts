import { AuthPermission, Permission } from './permission';
import { RolePermissions } from './permission-registry';
import { Role } from './role';

export interface Grant {
  id: string;
  role: Role;
  eventId: string | null;
  organisationId: string | null;
  /** Empty: every venue of the event. */
  venueIds: string[];
  /** Empty: every team of the event. */
  teamIds: string[];
}

/**
 * The authenticated person behind a request, with every grant they hold. What a role may do is
 * the registry's (composed from the libs), so the actor carries it rather than a table of its own.
 */
export class Actor {
  constructor(
    private readonly roles: RolePermissions,
    readonly userId: string,
    readonly email: string,
    readonly grants: readonly Grant[],
    readonly sessionFamilyId?: string,
  ) {}

  get isAdmin(): boolean {
    return this.grants.some((g) => g.role === Role.ADMIN);
  }

  hasRole(role: Role): boolean {
    return this.grants.some((g) => g.role === role);
  }

  can(permission: Permission): boolean {
    // Signed in is enough for AUTHENTICATED, even for someone whose grants were all removed.
    if (permission === AuthPermission.AUTHENTICATED) return true;
    return this.grants.some((g) => this.roles.allows(g.role, permission));
  }

  grantsWith(permission: Permission): Grant[] {
    return this.grants.filter((g) => this.roles.allows(g.role, permission));
  }
}
