import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the rostering lib guards. */
export const RosteringPermission = definePermissions({
  ROSTER_MANAGE: 'Assign, unassign, check in others, coverage, replacements.',
});
export type RosteringPermission = (typeof RosteringPermission)[keyof typeof RosteringPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const rosteringPermissions = permissionSet('rostering', RosteringPermission, {
  [Role.ADMIN]: [RosteringPermission.ROSTER_MANAGE],
  [Role.COORDINATOR]: [RosteringPermission.ROSTER_MANAGE],
});
