import { Permission, ROLE_PERMISSIONS } from './permission';
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

/** The authenticated person behind a request, with every grant they hold. */
export class Actor {
  constructor(
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
    if (permission === Permission.AUTHENTICATED) return true;
    return this.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  }

  grantsWith(permission: Permission): Grant[] {
    return this.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  }
}
