import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { createEvent, createOrganisation, createVenue } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { consentText } from '../factories/alumni';
import { AlumniConsentEntity, AlumniProfileEntity, ConsentPurpose } from '@baton/alumni';

async function makeMember(t: TestApp, userId: string): Promise<void> {
  const text = await consentText(t.dataSource);
  await t.dataSource
    .getRepository(AlumniConsentEntity)
    .insert({ userId, consentTextId: text.id, purpose: ConsentPurpose.ALUMNI_NETWORK, givenAt: t.clock.now() });
  await t.dataSource.getRepository(AlumniProfileEntity).insert({ userId, displayName: 'Alumnus' });
}
import { startTestApp, TestApp } from '../utils/test-app';

type Who = 'anonymous' | 'admin' | 'coordinator' | 'venueCoordinator' | 'staff' | 'otherStaff' | 'alumnus' | 'recruiter';

describe('permissions: allow and deny for each', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  let partner: OrganisationEntity;
  const tokens = {} as Record<Who, string | undefined>;

  const as = (who: Who, query: string, variables: Record<string, unknown> = {}) => t.gql.request(query, variables, tokens[who]);

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    otherEvent = await createEvent(t.dataSource);
    partner = await createOrganisation(t.dataSource);
    const venue = await createVenue(t.dataSource, event.id);
    const users: Record<Exclude<Who, 'anonymous'>, Parameters<typeof createUser>[1]> = {
      admin: [{ role: Role.ADMIN }],
      coordinator: [{ role: Role.COORDINATOR, eventId: event.id }],
      venueCoordinator: [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venue.id] }],
      staff: [{ role: Role.STAFF, eventId: event.id }],
      otherStaff: [{ role: Role.STAFF, eventId: otherEvent.id }],
      alumnus: [{ role: Role.ALUMNUS }],
      recruiter: [{ role: Role.RECRUITER, organisationId: partner.id }],
    };
    for (const [who, grants] of Object.entries(users)) {
      const user = await createUser(t.dataSource, grants);
      // The alumnus is a member of the network (consent and profile), as after joining.
      if (who === 'alumnus') await makeMember(t, user.id);
      const login = await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`);
      tokens[who as Who] = login.login.accessToken;
    }
  }, 60_000);
  afterAll(() => t?.close());

  const code = async (who: Who, query: string, variables: Record<string, unknown> = {}) =>
    (await as(who, query, variables)).errors?.[0]?.extensions?.code ?? 'OK';

  const cases: Array<{ permission: string; query: () => string; vars?: () => Record<string, unknown>; allow: Who; deny: Who[] }> = [
    { permission: 'AUTHENTICATED', query: () => '{ me { id } }', allow: 'alumnus', deny: ['anonymous'] },
    { permission: 'EVENTS_READ', query: () => '{ events { id } }', allow: 'staff', deny: ['alumnus', 'recruiter', 'anonymous'] },
    {
      permission: 'EVENTS_MANAGE',
      query: () =>
        `mutation { createEvent(input: { code: "E${Math.floor(Math.random() * 1e6)}", name: "X", timeZone: "Europe/Paris", startsOn: "2028-07-14", endsOn: "2028-07-30" }) { id } }`,
      allow: 'admin',
      deny: ['coordinator', 'staff', 'anonymous'],
    },
    { permission: 'ORGANISATIONS_READ', query: () => '{ organisations { totalCount } }', allow: 'recruiter', deny: ['anonymous'] },
    {
      permission: 'ORGANISATIONS_MANAGE',
      query: () => `mutation { createOrganisation(input: { code: "O${Math.floor(Math.random() * 1e6)}", name: "Org", kind: PARTNER }) { id } }`,
      allow: 'admin',
      deny: ['recruiter', 'coordinator'],
    },
    {
      permission: 'REFERENCE_MANAGE',
      query: () => `mutation { createTeam(input: { eventId: "${event.id}", code: "T${Math.floor(Math.random() * 1e6)}", name: "Team" }) { id } }`,
      allow: 'admin',
      deny: ['coordinator', 'staff'],
    },
    {
      permission: 'SKILLS_MANAGE',
      query: () => `mutation { createSkill(input: { code: "S${Math.floor(Math.random() * 1e6)}", name: "Skill", category: "network" }) { id } }`,
      allow: 'admin',
      deny: ['coordinator', 'staff'],
    },
    {
      permission: 'USERS_INVITE',
      query: () =>
        `mutation { inviteUser(input: { email: "new${Math.floor(Math.random() * 1e9)}@test.baton", displayName: "New", grant: { role: STAFF, eventId: "${event.id}" } }) { id status } }`,
      allow: 'coordinator',
      deny: ['staff', 'alumnus', 'recruiter'],
    },
    { permission: 'USERS_MANAGE', query: () => '{ users { totalCount } }', allow: 'admin', deny: ['coordinator', 'staff'] },
    { permission: 'AUDIT_READ', query: () => '{ auditLog { totalCount } }', allow: 'admin', deny: ['coordinator', 'recruiter'] },
    { permission: 'OUTBOX_READ', query: () => '{ outboxMessages { totalCount } }', allow: 'admin', deny: ['coordinator', 'staff'] },
    {
      permission: 'ALUMNI_PROFILE',
      query: () => 'mutation { updateAlumniProfile(input: { headline: "Network engineer" }) { userId } }',
      allow: 'alumnus',
      deny: ['staff', 'recruiter', 'coordinator', 'anonymous'],
    },
    {
      permission: 'ALUMNI_DIRECTORY',
      query: () => '{ alumniDirectory { totalCount } }',
      allow: 'alumnus',
      deny: ['staff', 'recruiter', 'coordinator', 'anonymous'],
    },
    {
      permission: 'ALUMNI_ADMIN',
      query: () => 'mutation { publishAlumniConsentText(input: { title: "Alumni network", body: "Text" }) { version } }',
      allow: 'admin',
      deny: ['alumnus', 'coordinator', 'recruiter', 'anonymous'],
    },
    {
      permission: 'TALENT_SEARCH',
      query: () => '{ talentSearch(first: 1) { totalCount } }',
      allow: 'recruiter',
      deny: ['alumnus', 'staff', 'coordinator', 'anonymous'],
    },
    { permission: 'TALENT_SEARCH', query: () => '{ mySavedTalentSearches { id } }', allow: 'recruiter', deny: ['alumnus', 'staff', 'anonymous'] },
    {
      permission: 'TALENT_SEARCH',
      query: () => 'mutation { saveTalentSearch(input: { name: "Net", filter: { text: "network" } }) { id } }',
      allow: 'recruiter',
      deny: ['alumnus', 'coordinator', 'anonymous'],
    },
    { permission: 'TALENT_SEARCH', query: () => '{ sentContactRequests { id } }', allow: 'recruiter', deny: ['alumnus', 'staff', 'anonymous'] },
    {
      permission: 'ALUMNI_PROFILE',
      query: () => '{ myContactRequests { id } myOrganisationBlocks { organisationId } }',
      allow: 'alumnus',
      deny: ['recruiter', 'staff', 'anonymous'],
    },
    {
      permission: 'ALUMNI_PROFILE',
      query: () => `mutation { blockOrganisation(organisationId: "${partner.id}") { organisationId } }`,
      allow: 'alumnus',
      deny: ['recruiter', 'coordinator', 'anonymous'],
    },
    {
      permission: 'ALUMNI_PROFILE',
      query: () => `mutation { unblockOrganisation(organisationId: "${partner.id}") { organisationId } }`,
      allow: 'alumnus',
      deny: ['recruiter', 'coordinator', 'anonymous'],
    },
  ];

  for (const c of cases) {
    it(`${c.permission}: allowed for ${c.allow}, denied for ${c.deny.join(', ')}`, async () => {
      expect(await code(c.allow, c.query())).toBe('OK');
      for (const who of c.deny) {
        expect([who, await code(who, c.query())]).toEqual([who, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
      }
    });
  }

  describe('scopes', () => {
    it('staff see their own event only; another event reads as not found', async () => {
      const mine = await as('staff', '{ events { id } }');
      expect(mine.data?.events).toEqual([{ id: event.id }]);
      expect((await as('staff', `{ event(id: "${otherEvent.id}") { id } }`)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await as('otherStaff', `{ venues(eventId: "${event.id}") { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await as('staff', `{ venues(eventId: "${event.id}") { id } }`)).errors).toBeUndefined();
    });

    it('admins see every event', async () => {
      const all = (await as('admin', '{ events { id } }')).data?.events.map((e: { id: string }) => e.id);
      expect(all).toEqual(expect.arrayContaining([event.id, otherEvent.id]));
    });

    it('a coordinator invites staff to their own event, but not to another event, nor a coordinator', async () => {
      const invite = (role: string, eventId: string) =>
        as(
          'coordinator',
          `mutation { inviteUser(input: { email: "x${Math.random()}@test.baton", displayName: "X", grant: { role: ${role}, eventId: "${eventId}" } }) { id } }`,
        );
      expect((await invite('STAFF', event.id)).errors).toBeUndefined();
      expect((await invite('STAFF', otherEvent.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await invite('COORDINATOR', event.id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('a coordinator lists only invitations of their events', async () => {
      await as(
        'admin',
        `mutation { inviteUser(input: { email: "elsewhere@test.baton", displayName: "E", grant: { role: STAFF, eventId: "${otherEvent.id}" } }) { id } }`,
      );
      const listed = await as('coordinator', '{ invitations(first: 200) { edges { node { eventId } } } }');
      const events = new Set(listed.data?.invitations.edges.map((e: { node: { eventId: string } }) => e.node.eventId));
      expect([...events]).toEqual([event.id]);
    });
  });
});
