import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the scheduling lib guards. */
export const SchedulingPermission = definePermissions({
  SHIFTS_READ: 'Shifts of an event; staff see the public part.',
  SHIFTS_MANAGE: 'Create, update, publish and cancel shifts.',
  RULES_MANAGE: 'Working-time rule configuration and overriding a blocking rule.',
});
export type SchedulingPermission = (typeof SchedulingPermission)[keyof typeof SchedulingPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const schedulingPermissions = permissionSet('scheduling', SchedulingPermission, {
  [Role.ADMIN]: [SchedulingPermission.SHIFTS_READ, SchedulingPermission.SHIFTS_MANAGE, SchedulingPermission.RULES_MANAGE],
  [Role.COORDINATOR]: [SchedulingPermission.SHIFTS_READ, SchedulingPermission.SHIFTS_MANAGE],
  [Role.STAFF]: [SchedulingPermission.SHIFTS_READ],
});
