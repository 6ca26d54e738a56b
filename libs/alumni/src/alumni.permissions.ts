import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the alumni lib guards. */
export const AlumniPermission = definePermissions({
  ALUMNI_PROFILE: "One's own alumni profile, CV and endorsements given or received (the network also needs one's consent).",
  ALUMNI_DIRECTORY: "Other members' profiles and the directory, as their visibility allows.",
  ALUMNI_ADMIN: 'Consent texts of the alumni network.',
});
export type AlumniPermission = (typeof AlumniPermission)[keyof typeof AlumniPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const alumniPermissions = permissionSet('alumni', AlumniPermission, {
  [Role.ADMIN]: [AlumniPermission.ALUMNI_PROFILE, AlumniPermission.ALUMNI_DIRECTORY, AlumniPermission.ALUMNI_ADMIN],
  [Role.ALUMNUS]: [AlumniPermission.ALUMNI_PROFILE, AlumniPermission.ALUMNI_DIRECTORY],
});
