import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the staff lib guards. */
export const StaffPermission = definePermissions({
  STAFF_READ: "The staff directory of an event (contact details need the staff member in one's scope).",
  STAFF_MANAGE: 'Create, update and link staff members, set their skills and availability.',
  SELF_SERVICE: "A staff member's own roster: my shifts, confirm, decline, sign up, availability.",
});
export type StaffPermission = (typeof StaffPermission)[keyof typeof StaffPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const staffPermissions = permissionSet('staff', StaffPermission, {
  [Role.ADMIN]: [StaffPermission.STAFF_READ, StaffPermission.STAFF_MANAGE, StaffPermission.SELF_SERVICE],
  [Role.COORDINATOR]: [StaffPermission.STAFF_READ, StaffPermission.STAFF_MANAGE],
  [Role.STAFF]: [StaffPermission.SELF_SERVICE],
});
