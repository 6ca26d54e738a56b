import { definePermissions, permissionSet, Role } from '@baton/auth';

/** What the opportunities lib guards. */
export const OpportunityPermission = definePermissions({
  OPPORTUNITIES_READ: 'Browse open opportunities (drafts and closed ones only for those who manage them).',
  OPPORTUNITIES_POST: 'Post opportunities: recruiters for their organisation, alumni as referrals they own.',
  APPLICATIONS_OWN: "Apply, follow and withdraw one's own applications; opportunities for me (members only).",
  APPLICATIONS_REVIEW: "Read and move the applications made to one's organisation (recruiters).",
});
export type OpportunityPermission = (typeof OpportunityPermission)[keyof typeof OpportunityPermission];

/** What each role gets of them (registered by the module through AuthModule.forFeature). Admins see everything for support. */
export const opportunityPermissions = permissionSet('opportunities', OpportunityPermission, {
  [Role.ADMIN]: Object.values(OpportunityPermission),
  [Role.ALUMNUS]: [OpportunityPermission.OPPORTUNITIES_READ, OpportunityPermission.OPPORTUNITIES_POST, OpportunityPermission.APPLICATIONS_OWN],
  [Role.RECRUITER]: [OpportunityPermission.OPPORTUNITIES_READ, OpportunityPermission.OPPORTUNITIES_POST, OpportunityPermission.APPLICATIONS_REVIEW],
});
