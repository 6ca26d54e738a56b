import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthPermission, Permission, PermissionSet } from './permission';
import { Role } from './role';

/** What the actor asks to decide `can`: which permissions a role holds. */
export interface RolePermissions {
  allows(role: Role, permission: Permission): boolean;
}

/**
 * The role → permission table, composed at startup from the sets each lib registers through
 * `AuthModule.forFeature`. Auth knows no permission but AUTHENTICATED: a new lib brings its own
 * set and touches nothing here. Sealed once the app has booted, so the table cannot change under
 * running requests.
 */
@Injectable()
export class PermissionRegistry implements RolePermissions, OnApplicationBootstrap {
  private readonly owners = new Map<Permission, string>();
  private readonly byRole = new Map<Role, Set<Permission>>();
  private sealed = false;

  register(set: PermissionSet): void {
    if (this.sealed) throw new Error(`Permissions of ${set.owner} registered after startup`);
    for (const permission of set.permissions) {
      const owner = this.owners.get(permission);
      if (permission === AuthPermission.AUTHENTICATED || (owner !== undefined && owner !== set.owner)) {
        throw new Error(`Permission ${permission} of ${set.owner} is already declared by ${owner ?? 'auth'}`);
      }
      this.owners.set(permission, set.owner);
    }
    const own = new Set(set.permissions);
    for (const [role, permissions] of Object.entries(set.roles) as Array<[Role, readonly Permission[]]>) {
      const foreign = permissions.filter((p) => !own.has(p));
      if (foreign.length) throw new Error(`${set.owner} grants ${role} permissions it does not declare: ${foreign.join(', ')}`);
      const held = this.byRole.get(role) ?? new Set<Permission>();
      permissions.forEach((p) => held.add(p));
      this.byRole.set(role, held);
    }
  }

  onApplicationBootstrap(): void {
    this.sealed = true;
  }

  allows(role: Role, permission: Permission): boolean {
    return permission === AuthPermission.AUTHENTICATED || (this.byRole.get(role)?.has(permission) ?? false);
  }

  /** Every registered permission with the lib that owns it, sorted by name. */
  declared(): Array<{ permission: Permission; owner: string }> {
    return [...this.owners].map(([permission, owner]) => ({ permission, owner })).sort((a, b) => a.permission.localeCompare(b.permission));
  }

  /** What a role holds, sorted; for the reviewed table in the tests and for diagnostics. */
  permissionsOf(role: Role): Permission[] {
    return [...(this.byRole.get(role) ?? [])].sort();
  }
}
