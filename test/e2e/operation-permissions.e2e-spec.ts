import { GraphQLSchemaHost } from '@nestjs/graphql';
import { declaredOperations } from '../utils/operations';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * The list of every GraphQL operation with what it requires. A new operation fails this test
 * until it declares @Public() or @Allow(...) and is added here, so access is always a decision.
 */
const EXPECTED: Record<string, string> = {
  'Mutation.acceptInvitation': 'PUBLIC',
  'Mutation.changePassword': 'AUTHENTICATED',
  'Mutation.createEvent': 'EVENTS_MANAGE',
  'Mutation.createOrganisation': 'ORGANISATIONS_MANAGE',
  'Mutation.createSkill': 'REFERENCE_MANAGE',
  'Mutation.createTeam': 'REFERENCE_MANAGE',
  'Mutation.createVenue': 'REFERENCE_MANAGE',
  'Mutation.grantRole': 'USERS_MANAGE',
  'Mutation.inviteUser': 'USERS_INVITE',
  'Mutation.login': 'PUBLIC',
  'Mutation.logout': 'AUTHENTICATED',
  'Mutation.refreshToken': 'PUBLIC',
  'Mutation.requestPasswordReset': 'PUBLIC',
  'Mutation.resetPassword': 'PUBLIC',
  'Mutation.revokeInvitation': 'USERS_INVITE',
  'Mutation.revokeRole': 'USERS_MANAGE',
  'Mutation.setUserStatus': 'USERS_MANAGE',
  'Mutation.updateEvent': 'EVENTS_MANAGE',
  'Mutation.updateOrganisation': 'ORGANISATIONS_MANAGE',
  'Query.auditLog': 'AUDIT_READ',
  'Query.event': 'EVENTS_READ',
  'Query.events': 'EVENTS_READ',
  'Query.invitations': 'USERS_INVITE',
  'Query.me': 'AUTHENTICATED',
  'Query.organisation': 'ORGANISATIONS_READ',
  'Query.organisations': 'ORGANISATIONS_READ',
  'Query.outboxMessages': 'OUTBOX_READ',
  'Query.skills': 'AUTHENTICATED',
  'Query.teams': 'EVENTS_READ',
  'Query.user': 'USERS_MANAGE',
  'Query.users': 'USERS_MANAGE',
  'Query.venues': 'EVENTS_READ',
  'Subscription.eventChanged': 'EVENTS_READ',
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
});
