import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the queue lib guards. */
export const QueuePermission = definePermissions({
  JOBS_MANAGE: 'The background job queue: list jobs, see their progress, cancel them.',
});
export type QueuePermission = (typeof QueuePermission)[keyof typeof QueuePermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const queuePermissions = permissionSet('queue', QueuePermission, {
  [Role.ADMIN]: [QueuePermission.JOBS_MANAGE],
});
