import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the outbox lib guards. */
export const OutboxPermission = definePermissions({
  OUTBOX_READ: 'Messages waiting in or delivered from the outbox.',
});
export type OutboxPermission = (typeof OutboxPermission)[keyof typeof OutboxPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const outboxPermissions = permissionSet('outbox', OutboxPermission, {
  [Role.ADMIN]: [OutboxPermission.OUTBOX_READ],
});
