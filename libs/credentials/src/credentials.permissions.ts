import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the credentials lib guards. */
export const CredentialsPermission = definePermissions({
  RECORDS_OWN: "One's own verified Games records: list them, hide or show them.",
  RECORDS_MANAGE: "Issue, revoke and reissue records; rotate and revoke the issuer's signing keys (organising committee HR).",
});
export type CredentialsPermission = (typeof CredentialsPermission)[keyof typeof CredentialsPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const credentialsPermissions = permissionSet('credentials', CredentialsPermission, {
  [Role.ADMIN]: [CredentialsPermission.RECORDS_OWN, CredentialsPermission.RECORDS_MANAGE],
  [Role.STAFF]: [CredentialsPermission.RECORDS_OWN],
  [Role.ALUMNUS]: [CredentialsPermission.RECORDS_OWN],
});
