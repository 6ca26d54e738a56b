import { GraphQLSchemaHost } from '@nestjs/graphql';
import { PermissionRegistry, Role } from '@baton/auth';
import { createMember } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { postOpportunity } from '../factories/opportunities';
import { createRecruiter } from '../factories/talent';
import { declaredOperations } from '../utils/operations';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * The list of every GraphQL operation with what it requires. A new operation fails this test
 * until it declares @Public() or @Allow(...) and is added here, so access is always a decision.
 */
const EXPECTED: Record<string, string> = {
  'Mutation.acceptInvitation': 'PUBLIC',
  'Mutation.addAvailability': 'SELF_SERVICE | STAFF_MANAGE',
  'Mutation.applyToOpportunity': 'APPLICATIONS_OWN',
  'Mutation.assign': 'ROSTER_MANAGE',
  'Mutation.blockOrganisation': 'ALUMNI_PROFILE',
  'Mutation.cancelJob': 'JOBS_MANAGE',
  'Mutation.cancelShift': 'SHIFTS_MANAGE',
  'Mutation.changePassword': 'AUTHENTICATED',
  'Mutation.checkIn': 'ROSTER_MANAGE | SELF_SERVICE',
  'Mutation.checkOut': 'ROSTER_MANAGE | SELF_SERVICE',
  'Mutation.closeOpportunity': 'OPPORTUNITIES_POST',
  'Mutation.configureOrganisationSignIn': 'ORGANISATIONS_MANAGE',
  'Mutation.confirmAssignment': 'SELF_SERVICE',
  'Mutation.createEvent': 'EVENTS_MANAGE',
  'Mutation.createOpportunity': 'OPPORTUNITIES_POST',
  'Mutation.createOrganisation': 'ORGANISATIONS_MANAGE',
  'Mutation.createShift': 'SHIFTS_MANAGE',
  'Mutation.createShiftsFromPattern': 'SHIFTS_MANAGE',
  'Mutation.createSkill': 'SKILLS_MANAGE',
  'Mutation.createStaffMember': 'STAFF_MANAGE',
  'Mutation.createTeam': 'REFERENCE_MANAGE',
  'Mutation.createVenue': 'REFERENCE_MANAGE',
  'Mutation.declineAssignment': 'SELF_SERVICE',
  'Mutation.deleteMyAccount': 'AUTHENTICATED',
  'Mutation.deleteSavedTalentSearch': 'TALENT_SEARCH',
  'Mutation.deleteTeam': 'REFERENCE_MANAGE',
  'Mutation.deleteVenue': 'REFERENCE_MANAGE',
  'Mutation.endorseAlumniSkill': 'ALUMNI_PROFILE',
  'Mutation.executeErasure': 'PRIVACY_MANAGE',
  'Mutation.grantRole': 'USERS_MANAGE',
  'Mutation.importJsonResume': 'ALUMNI_PROFILE',
  'Mutation.inviteStaffMember': 'USERS_INVITE',
  'Mutation.inviteUser': 'USERS_INVITE',
  'Mutation.issueGamesRecords': 'RECORDS_MANAGE',
  'Mutation.joinAlumniNetwork': 'AUTHENTICATED',
  'Mutation.linkStaffMemberUser': 'STAFF_MANAGE',
  'Mutation.login': 'PUBLIC',
  'Mutation.logout': 'AUTHENTICATED',
  'Mutation.moveApplication': 'APPLICATIONS_REVIEW',
  'Mutation.publishAlumniConsentText': 'ALUMNI_ADMIN',
  'Mutation.publishOpportunity': 'OPPORTUNITIES_POST',
  'Mutation.publishShifts': 'SHIFTS_MANAGE',
  'Mutation.refreshToken': 'PUBLIC',
  'Mutation.reissueGamesRecord': 'RECORDS_MANAGE',
  'Mutation.requestContact': 'TALENT_SEARCH',
  'Mutation.requestErasure': 'PRIVACY_MANAGE',
  'Mutation.removeAvailability': 'SELF_SERVICE | STAFF_MANAGE',
  'Mutation.requestPasswordReset': 'PUBLIC',
  'Mutation.resetPassword': 'PUBLIC',
  'Mutation.respondToContactRequest': 'ALUMNI_PROFILE',
  'Mutation.revokeContact': 'ALUMNI_PROFILE',
  'Mutation.revokeGamesRecord': 'RECORDS_MANAGE',
  'Mutation.revokeInvitation': 'USERS_INVITE',
  'Mutation.revokeRole': 'USERS_MANAGE',
  'Mutation.revokeSigningKey': 'RECORDS_MANAGE',
  'Mutation.rotateSigningKey': 'RECORDS_MANAGE',
  'Mutation.saveTalentSearch': 'TALENT_SEARCH',
  'Mutation.setAlumniEndorsementHidden': 'ALUMNI_PROFILE',
  'Mutation.setGamesRecordHidden': 'RECORDS_OWN',
  'Mutation.setStaffSkills': 'STAFF_MANAGE',
  'Mutation.setUserStatus': 'USERS_MANAGE',
  'Mutation.setWorkRules': 'RULES_MANAGE',
  'Mutation.signUp': 'SELF_SERVICE',
  'Mutation.unassign': 'ROSTER_MANAGE',
  'Mutation.unblockOrganisation': 'ALUMNI_PROFILE',
  'Mutation.updateAlumniProfile': 'ALUMNI_PROFILE',
  'Mutation.updateEvent': 'EVENTS_MANAGE',
  'Mutation.updateOpportunity': 'OPPORTUNITIES_POST',
  'Mutation.updateOrganisation': 'ORGANISATIONS_MANAGE',
  'Mutation.updateShift': 'SHIFTS_MANAGE',
  'Mutation.updateSkill': 'SKILLS_MANAGE',
  'Mutation.updateStaffMember': 'STAFF_MANAGE',
  'Mutation.updateTeam': 'REFERENCE_MANAGE',
  'Mutation.updateVenue': 'REFERENCE_MANAGE',
  'Mutation.withdrawAlumniConsent': 'AUTHENTICATED',
  'Mutation.withdrawAlumniEndorsement': 'ALUMNI_PROFILE',
  'Mutation.withdrawApplication': 'APPLICATIONS_OWN',
  'Query.alumniConsentTexts': 'AUTHENTICATED',
  'Query.alumniDirectory': 'ALUMNI_DIRECTORY',
  'Query.alumniEndorsements': 'ALUMNI_DIRECTORY',
  'Query.alumniProfile': 'ALUMNI_DIRECTORY',
  'Query.application': 'APPLICATIONS_OWN | APPLICATIONS_REVIEW',
  'Query.applicationStageMoves': 'APPLICATIONS_OWN | APPLICATIONS_REVIEW',
  'Query.auditLog': 'AUDIT_READ',
  'Query.availability': 'STAFF_READ | SELF_SERVICE',
  'Query.checkAssignment': 'ROSTER_MANAGE',
  'Query.coverage': 'ROSTER_MANAGE',
  'Query.erasureRequests': 'PRIVACY_MANAGE',
  'Query.event': 'EVENTS_READ',
  'Query.events': 'EVENTS_READ',
  'Query.exportMyData': 'AUTHENTICATED',
  'Query.gamesRecords': 'RECORDS_MANAGE',
  'Query.invitations': 'USERS_INVITE',
  'Query.jobs': 'JOBS_MANAGE',
  'Query.me': 'AUTHENTICATED',
  'Query.myAlumniMembership': 'AUTHENTICATED',
  'Query.myAlumniProfile': 'AUTHENTICATED',
  'Query.myApplications': 'APPLICATIONS_OWN',
  'Query.myAvailability': 'SELF_SERVICE',
  'Query.myContactRequests': 'ALUMNI_PROFILE',
  'Query.myGamesRecords': 'RECORDS_OWN',
  'Query.myOrganisationBlocks': 'ALUMNI_PROFILE',
  'Query.mySavedTalentSearches': 'TALENT_SEARCH',
  'Query.myShifts': 'SELF_SERVICE',
  'Query.myStaffProfiles': 'AUTHENTICATED',
  'Query.openShifts': 'SELF_SERVICE',
  'Query.opportunities': 'OPPORTUNITIES_READ',
  'Query.opportunity': 'OPPORTUNITIES_READ',
  'Query.opportunitiesForMe': 'APPLICATIONS_OWN',
  'Query.opportunityApplications': 'APPLICATIONS_REVIEW',
  'Query.opportunityCandidates': 'TALENT_SEARCH',
  'Query.organisation': 'ORGANISATIONS_READ',
  'Query.organisationSignIn': 'ORGANISATIONS_MANAGE',
  'Query.organisations': 'ORGANISATIONS_READ',
  'Query.outboxMessages': 'OUTBOX_READ',
  'Query.replacementCandidates': 'ROSTER_MANAGE',
  'Query.sentContactRequests': 'TALENT_SEARCH',
  'Query.shift': 'SHIFTS_READ',
  'Query.shifts': 'SHIFTS_READ',
  'Query.signingKeys': 'RECORDS_MANAGE',
  'Query.talentProfile': 'TALENT_SEARCH',
  'Query.talentSearch': 'TALENT_SEARCH',
  'Query.skills': 'AUTHENTICATED',
  'Query.staffMember': 'STAFF_READ',
  'Query.staffMembers': 'STAFF_READ',
  'Query.teams': 'EVENTS_READ',
  'Query.user': 'USERS_MANAGE',
  'Query.users': 'USERS_MANAGE',
  'Query.venues': 'EVENTS_READ',
  'Query.verifyRecord': 'PUBLIC',
  'Query.workRules': 'SHIFTS_READ',
  'Subscription.assignmentChanged': 'ROSTER_MANAGE',
  'Subscription.coverageChanged': 'ROSTER_MANAGE',
  'Subscription.eventChanged': 'EVENTS_READ',
  'Subscription.staffingAlert': 'ROSTER_MANAGE',
};

/**
 * What each role holds, as composed at startup from the libs' `<lib>.permissions.ts`. A lib that
 * forgets `AuthModule.forFeature` loses its line here; a role gaining a permission is a decision
 * reviewed in this table.
 */
const ROLES: Record<Role, string[]> = {
  [Role.ADMIN]: [
    'ALUMNI_ADMIN',
    'ALUMNI_DIRECTORY',
    'ALUMNI_PROFILE',
    'APPLICATIONS_OWN',
    'APPLICATIONS_REVIEW',
    'AUDIT_READ',
    'EVENTS_MANAGE',
    'EVENTS_READ',
    'JOBS_MANAGE',
    'OPPORTUNITIES_POST',
    'OPPORTUNITIES_READ',
    'ORGANISATIONS_MANAGE',
    'ORGANISATIONS_READ',
    'OUTBOX_READ',
    'PRIVACY_MANAGE',
    'RECORDS_MANAGE',
    'RECORDS_OWN',
    'REFERENCE_MANAGE',
    'ROSTER_MANAGE',
    'RULES_MANAGE',
    'SELF_SERVICE',
    'SHIFTS_MANAGE',
    'SHIFTS_READ',
    'SKILLS_MANAGE',
    'STAFF_MANAGE',
    'STAFF_READ',
    'TALENT_SEARCH',
    'USERS_INVITE',
    'USERS_MANAGE',
  ],
  [Role.COORDINATOR]: ['EVENTS_READ', 'ORGANISATIONS_READ', 'ROSTER_MANAGE', 'SHIFTS_MANAGE', 'SHIFTS_READ', 'STAFF_MANAGE', 'STAFF_READ', 'USERS_INVITE'],
  [Role.STAFF]: ['EVENTS_READ', 'ORGANISATIONS_READ', 'RECORDS_OWN', 'SELF_SERVICE', 'SHIFTS_READ'],
  [Role.ALUMNUS]: ['ALUMNI_DIRECTORY', 'ALUMNI_PROFILE', 'APPLICATIONS_OWN', 'OPPORTUNITIES_POST', 'OPPORTUNITIES_READ', 'ORGANISATIONS_READ', 'RECORDS_OWN'],
  [Role.RECRUITER]: ['APPLICATIONS_REVIEW', 'OPPORTUNITIES_POST', 'OPPORTUNITIES_READ', 'ORGANISATIONS_READ', 'TALENT_SEARCH'],
};

describe('every operation declares what it requires', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('no operation is left without @Public() or @Allow()', () => {
    const undeclared = Object.entries(declaredOperations(t.app)).filter(([, need]) => need === 'NONE');
    expect(undeclared).toEqual([]);
  });

  it('matches the reviewed list of operations and permissions', () => {
    expect(declaredOperations(t.app)).toEqual(EXPECTED);
  });

  it('the list covers every root field of the schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : [],
    );
    expect(fields.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('each role holds what the libs grant it, and nothing else', () => {
    const registry = t.app.get(PermissionRegistry);
    expect(Object.fromEntries(Object.values(Role).map((role) => [role, registry.permissionsOf(role)]))).toEqual(ROLES);
  });

  it('every permission an operation requires is declared by some lib (an undeclared one would deny everyone)', () => {
    const declared = new Set<string>([
      'AUTHENTICATED',
      ...t.app
        .get(PermissionRegistry)
        .declared()
        .map((d) => d.permission),
    ]);
    const required = Object.values(declaredOperations(t.app)).flatMap((need) => (need === 'PUBLIC' ? [] : need.split(' | ')));
    expect([...new Set(required)].filter((p) => !declared.has(p))).toEqual([]);
  });

  it('opportunityCandidates: allowed to the organisation’s recruiters, denied to alumni and anonymous callers', async () => {
    const organisation = await createOrganisation(t.dataSource);
    const recruiter = await createRecruiter(t, organisation.id);
    const opportunity = await postOpportunity(t, recruiter.token, organisation.id);
    const query = `query($o: ID!) { opportunityCandidates(opportunityId: $o) { totalCount } }`;
    expect((await t.gql.ok(query, { o: opportunity.id }, recruiter.token)).opportunityCandidates.totalCount).toBe(0);
    expect((await t.gql.error(query, { o: opportunity.id }, (await createMember(t)).token)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(query, { o: opportunity.id })).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
