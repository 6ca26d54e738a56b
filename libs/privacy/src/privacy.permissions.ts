import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the privacy lib guards. Exporting or deleting one's own data needs only AUTHENTICATED. */
export const PrivacyPermission = definePermissions({
  PRIVACY_MANAGE: "Other people's erasure requests: record, list, execute (organising committee HR).",
});
export type PrivacyPermission = (typeof PrivacyPermission)[keyof typeof PrivacyPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const privacyPermissions = permissionSet('privacy', PrivacyPermission, {
  [Role.ADMIN]: [PrivacyPermission.PRIVACY_MANAGE],
});
