import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the audit lib guards. */
export const AuditPermission = definePermissions({
  AUDIT_READ: 'The audit log of changes to rosters and personal data.',
});
export type AuditPermission = (typeof AuditPermission)[keyof typeof AuditPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const auditPermissions = permissionSet('audit', AuditPermission, {
  [Role.ADMIN]: [AuditPermission.AUDIT_READ],
});
