import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the identity lib guards. */
export const IdentityPermission = definePermissions({
  USERS_INVITE: 'Invite people and see or revoke invitations (coordinators: staff of their own event and scope).',
  USERS_MANAGE: 'Accounts: list and read users, grant and revoke roles, enable or disable an account.',
});
export type IdentityPermission = (typeof IdentityPermission)[keyof typeof IdentityPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const identityPermissions = permissionSet('identity', IdentityPermission, {
  [Role.ADMIN]: [IdentityPermission.USERS_INVITE, IdentityPermission.USERS_MANAGE],
  [Role.COORDINATOR]: [IdentityPermission.USERS_INVITE],
});
