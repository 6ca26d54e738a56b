import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the talent lib guards (the alumni's side of it uses ALUMNI_PROFILE of libs/alumni). */
export const TalentPermission = definePermissions({
  TALENT_SEARCH: 'Recruiters: search talent, profiles by id, candidates for an opportunity, contact requests and saved searches, for their organisation.',
});
export type TalentPermission = (typeof TalentPermission)[keyof typeof TalentPermission];

/** Admins hold it for support; they search as members see, and send nothing (no organisation). */
export const talentPermissions = permissionSet('talent', TalentPermission, {
  [Role.ADMIN]: [TalentPermission.TALENT_SEARCH],
  [Role.RECRUITER]: [TalentPermission.TALENT_SEARCH],
});
