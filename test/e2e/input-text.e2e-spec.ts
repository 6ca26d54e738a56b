import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { InvitationEntity, PasswordResetEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { StaffMemberEntity } from '@baton/staff';
import { createEvent, createOrganisation } from '../factories/events';
import { createStaffMember } from '../factories/staff';
import { tokenFor } from '../factories/users';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const LONE_HIGH = '\ud83d';
const LONE_INSIDE = 'a\ud800b';
const NUL = 'a\u0000b';
const CREATE = `mutation C($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id } }`;
const INVITE = `mutation I($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const RESET = `mutation R($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const LOGIN = `mutation L($email: String!) { login(input: { email: $email, password: "whatever it is" }) { accessToken } }`;

/**
 * Text that is not well-formed Unicode (a lone UTF-16 surrogate) or holds NUL is bad input, named,
 * wherever it comes from: variables or inline, top-level arguments or nested input fields, lists,
 * class-validator DTOs or plain arguments, and mutations whose guard reads the input first (login).
 */
describe('text inputs', () => {
  let t: TestApp;
  let admin: string;
  let event: EventEntity;
  let organisation: OrganisationEntity;
  let member: StaffMemberEntity;
  const counts = async () => ({
    staff: await t.dataSource.getRepository(StaffMemberEntity).count(),
    invitations: await t.dataSource.getRepository(InvitationEntity).count(),
    resets: await t.dataSource.getRepository(PasswordResetEntity).count(),
  });
  const refusal = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const result = await t.gql.request(query, variables, token);
    expect(result.errors).toHaveLength(1);
    expect(result.data ?? undefined).toBeUndefined();
    return result.errors![0].extensions as { code: string; fields: Array<{ field: string; constraint: string }> };
  };

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    organisation = await createOrganisation(t.dataSource);
    member = await createStaffMember(t.dataSource, event.id, organisation.id);
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  it.each([
    ['a lone high surrogate', LONE_HIGH, 'wellFormedUnicode'],
    ['a lone surrogate inside text', LONE_INSIDE, 'wellFormedUnicode'],
    ['a NUL character', NUL, 'noNulCharacter'],
  ])('refuses %s in every email field, before any validator, and writes nothing', async (_, bad, constraint) => {
    const before = await counts();
    const base = { eventId: event.id, organisationId: organisation.id, displayName: 'Camille', employmentType: 'EMPLOYEE' };
    const expected = (field: string) => ({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, constraint })] });
    expect(await refusal(CREATE, { input: { ...base, email: bad } }, admin)).toMatchObject(expected('email'));
    expect(await refusal(UPDATE, { id: member.id, input: { email: `${bad}@example.org` } }, admin)).toMatchObject(expected('email'));
    expect(await refusal(INVITE, { input: { email: bad, displayName: 'Camille', grant: { role: 'STAFF', eventId: event.id } } }, admin)).toMatchObject(
      expected('email'),
    );
    expect(await refusal(RESET, { email: bad })).toMatchObject(expected('email'));
    // login's guard reads the input before any pipe: the check must come earlier than that.
    expect(await refusal(LOGIN, { email: bad })).toMatchObject(expected('email'));
    expect(await counts()).toEqual(before);
  });

  it('names nested input fields, list items and plain (non-DTO) arguments', async () => {
    const nested = await refusal(
      INVITE,
      { input: { email: 'ok@example.org', displayName: 'Camille', grant: { role: 'COORDINATOR', eventId: event.id, venueIds: [event.id, LONE_HIGH] } } },
      admin,
    );
    expect(nested.fields).toEqual([expect.objectContaining({ field: 'grant.venueIds.1', constraint: 'wellFormedUnicode' })]);
    const list = await refusal(UPDATE, { id: member.id, input: { languages: ['fr', NUL] } }, admin);
    expect(list.fields).toEqual([expect.objectContaining({ field: 'languages.1', constraint: 'noNulCharacter' })]);
    const skills = await refusal(
      `mutation S($s: [StaffSkillInput!]!) { setStaffSkills(staffMemberId: "${member.id}", skills: $s) { id } }`,
      { s: [{ skillId: LONE_INSIDE, level: 2 }] },
      admin,
    );
    expect(skills.fields).toEqual([expect.objectContaining({ field: 's.0.skillId' })]);
    const search = await refusal(`query U($q: String) { users(search: $q) { totalCount } }`, { q: LONE_INSIDE }, admin);
    expect(search.fields).toEqual([expect.objectContaining({ field: 'q', constraint: 'wellFormedUnicode' })]);
    const reason = await refusal(`mutation X($r: String) { unassign(assignmentId: "${member.id}", reason: $r) { id } }`, { r: NUL }, admin);
    expect(reason.fields).toEqual([expect.objectContaining({ field: 'r', constraint: 'noNulCharacter' })]);
  });

  it('refuses NUL written inline (escaped or raw), naming the argument path', async () => {
    const before = await counts();
    for (const nul of ['\\u0000', '\u0000']) {
      const inline = `mutation { createStaffMember(input: { eventId: "${event.id}", organisationId: "${organisation.id}", displayName: "a${nul}b", employmentType: EMPLOYEE }) { id } }`;
      const error = await refusal(inline, {}, admin);
      expect(error).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'displayName', message: expect.any(String), constraint: 'noNulCharacter' }] });
    }
    const search = await refusal(`{ users(search: "x\\u0000") { totalCount } }`, {}, admin);
    expect(search.fields).toEqual([expect.objectContaining({ field: 'search' })]);
    expect(await counts()).toEqual(before);
  });

  it('a lone surrogate cannot even be written inline: the document does not parse', async () => {
    const error = await t.gql.error(`{ users(search: "\\ud83d") { totalCount } }`, {}, admin);
    expect(error.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('holds subscription arguments over graphql-ws to the same rule', async () => {
    const sub = await subscribe(
      t.gql.url,
      `subscription A($e: ID!, $v: ID) { assignmentChanged(eventId: $e, venueId: $v) { change } }`,
      { e: event.id, v: NUL },
      admin,
    );
    try {
      const failure = await sub.next().then(
        () => undefined,
        (error: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => error.errors,
      );
      expect(failure?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'v', constraint: 'noNulCharacter' })],
      });
    } finally {
      await sub.close();
    }
  });
});
