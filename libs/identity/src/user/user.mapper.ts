import { RoleGrantEntity } from '../grant/role-grant.entity';
import { RoleGrantObject, UserObject } from './user.object';
import { UserEntity } from './user.entity';

/** Explicit mapping: a column added to users (a hash, a token) never reaches the API by accident. */
export function toUserObject(user: UserEntity, grants: RoleGrantEntity[]): UserObject {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    roles: grants.map(toRoleGrantObject),
  };
}

export function toRoleGrantObject(grant: RoleGrantEntity): RoleGrantObject {
  return {
    id: grant.id,
    role: grant.role,
    eventId: grant.eventId,
    organisationId: grant.organisationId,
    venueIds: grant.venueIds,
    teamIds: grant.teamIds,
  };
}
