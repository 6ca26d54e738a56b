import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the organisations lib guards. */
export const OrganisationsPermission = definePermissions({
  ORGANISATIONS_READ: 'Organisations (the organising committee, partners, contractors).',
  ORGANISATIONS_MANAGE: 'Create and update organisations.',
});
export type OrganisationsPermission = (typeof OrganisationsPermission)[keyof typeof OrganisationsPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const organisationsPermissions = permissionSet('organisations', OrganisationsPermission, {
  [Role.ADMIN]: [OrganisationsPermission.ORGANISATIONS_READ, OrganisationsPermission.ORGANISATIONS_MANAGE],
  [Role.COORDINATOR]: [OrganisationsPermission.ORGANISATIONS_READ],
  [Role.STAFF]: [OrganisationsPermission.ORGANISATIONS_READ],
  [Role.ALUMNUS]: [OrganisationsPermission.ORGANISATIONS_READ],
  [Role.RECRUITER]: [OrganisationsPermission.ORGANISATIONS_READ],
});
