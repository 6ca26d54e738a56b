import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the skills lib guards. */
export const SkillsPermission = definePermissions({
  SKILLS_MANAGE: 'The skill catalogue: create and update skills.',
});
export type SkillsPermission = (typeof SkillsPermission)[keyof typeof SkillsPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). */
export const skillsPermissions = permissionSet('skills', SkillsPermission, {
  [Role.ADMIN]: [SkillsPermission.SKILLS_MANAGE],
});
