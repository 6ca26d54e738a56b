import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { EventPhase } from '@baton/events';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createEvent, createOrganisation, createVenue } from '../factories/events';
import { declaredOperations } from '../utils/operations';
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
  const ids = {} as Record<Who, string>;

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
      ids[who as Who] = user.id;
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
      permission: 'ORGANISATIONS_MANAGE (configureOrganisationSignIn)',
      query: () =>
        `mutation { configureOrganisationSignIn(input: { organisationId: "${partner.id}", issuerUrl: "https://id.partner.example", clientId: "baton", clientSecret: "s3cret", allowedEmailDomains: ["partner.example"] }) { clientSecretSet } }`,
      allow: 'admin',
      deny: ['recruiter', 'coordinator', 'anonymous'],
    },
    {
      permission: 'ORGANISATIONS_MANAGE (organisationSignIn)',
      query: () => `{ organisationSignIn(organisationId: "${partner.id}") { clientId } }`,
      allow: 'admin',
      deny: ['recruiter', 'alumnus', 'anonymous'],
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

  /**
   * Every alumni and credentials operation, one by one: who gets past the guard (and what they get:
   * OK, or the domain's answer to a made-up id) and who is stopped by it. The permission-level
   * cases above stay; these name the operation.
   */
  describe('alumni and credentials: each operation, allowed and denied', () => {
    const NO_ID = '00000000-0000-4000-8000-000000000000';
    let past: Awaited<ReturnType<typeof createPastEvent>>;
    let record: { id: string; code: string };
    let newcomer: string;

    beforeAll(async () => {
      past = await createPastEvent(t.dataSource, EventPhase.CLOSED, 'Access Test Games');
      await createWorkedStaff(t.dataSource, past, [{ start: '2024-07-27T06:00:00Z' }], { userId: ids.alumnus, displayName: 'Alumnus' });
      await t.gql.ok(`mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`, { e: past.event.id }, tokens.admin);
      [record] = await t.dataSource.query(`SELECT id, code FROM games_records WHERE event_id = $1`, [past.event.id]);
      // Joins and withdraws in these cases: a person of their own, so the roles above stay as they are.
      // ALUMNUS from an accepted alumni invitation, not yet a member: the one who may join.
      const user = await createUser(t.dataSource, [{ role: Role.ALUMNUS }]);
      newcomer = (await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
    }, 60_000);

    const currentText = async () => (await t.gql.ok('{ alumniConsentTexts { id } }', {}, tokens.alumnus)).alumniConsentTexts[0].id;
    const ops: Array<{
      op: string;
      query: string;
      vars?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
      allow: Array<[Who | 'newcomer', string]>;
      deny: Who[];
    }> = [
      { op: 'Query.alumniConsentTexts', query: '{ alumniConsentTexts { version } }', allow: [['staff', 'OK']], deny: ['anonymous'] },
      { op: 'Query.myAlumniMembership', query: '{ myAlumniMembership { member } }', allow: [['staff', 'OK']], deny: ['anonymous'] },
      { op: 'Query.myAlumniProfile', query: '{ myAlumniProfile { userId } }', allow: [['alumnus', 'OK']], deny: ['anonymous'] },
      {
        op: 'Query.alumniProfile',
        query: 'query($u: ID!) { alumniProfile(userId: $u) { userId } }',
        vars: () => ({ u: ids.alumnus }),
        allow: [['alumnus', 'OK']],
        deny: ['staff', 'recruiter', 'coordinator', 'anonymous'],
      },
      { op: 'Query.alumniDirectory', query: '{ alumniDirectory { totalCount } }', allow: [['alumnus', 'OK']], deny: ['staff', 'recruiter', 'anonymous'] },
      {
        op: 'Query.alumniEndorsements',
        query: 'query($u: ID!) { alumniEndorsements(userId: $u) { totalCount } }',
        vars: () => ({ u: ids.alumnus }),
        allow: [['alumnus', 'OK']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Query.myGamesRecords',
        query: '{ myGamesRecords { code } }',
        allow: [
          ['alumnus', 'OK'],
          ['staff', 'OK'],
        ],
        deny: ['recruiter', 'anonymous'],
      },
      {
        op: 'Query.gamesRecords',
        query: 'query($e: ID!) { gamesRecords(eventId: $e) { totalCount } }',
        vars: () => ({ e: past.event.id }),
        allow: [['admin', 'OK']],
        deny: ['coordinator', 'alumnus', 'recruiter', 'anonymous'],
      },
      { op: 'Query.signingKeys', query: '{ signingKeys { kid } }', allow: [['admin', 'OK']], deny: ['coordinator', 'alumnus', 'anonymous'] },
      // Public by design: anyone holding a code may check it, nobody is refused.
      {
        op: 'Query.verifyRecord',
        query: 'query($c: String!) { verifyRecord(code: $c) { status } }',
        vars: () => ({ c: record.code }),
        allow: [['anonymous', 'OK']],
        deny: [],
      },
      {
        op: 'Mutation.joinAlumniNetwork',
        query: 'mutation($c: ID!) { joinAlumniNetwork(input: { consentTextId: $c }) { userId } }',
        vars: async () => ({ c: await currentText() }),
        allow: [['newcomer', 'OK']],
        deny: ['anonymous'],
      },
      { op: 'Mutation.withdrawAlumniConsent', query: 'mutation { withdrawAlumniConsent { member } }', allow: [['newcomer', 'OK']], deny: ['anonymous'] },
      {
        op: 'Mutation.publishAlumniConsentText',
        query: 'mutation { publishAlumniConsentText(input: { title: "Alumni network", body: "Text, again" }) { version } }',
        allow: [['admin', 'OK']],
        deny: ['alumnus', 'coordinator', 'anonymous'],
      },
      {
        op: 'Mutation.updateAlumniProfile',
        query: 'mutation { updateAlumniProfile(input: { headline: "Timing" }) { userId } }',
        allow: [['alumnus', 'OK']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.importJsonResume',
        query: 'mutation($r: JSONObject!) { importJsonResume(resume: $r) { userId } }',
        vars: () => ({ r: { basics: { name: 'Alumnus' } } }),
        allow: [['alumnus', 'OK']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.endorseAlumniSkill',
        query: 'mutation($u: ID!, $s: ID!) { endorseAlumniSkill(input: { userId: $u, skillId: $s }) { id } }',
        vars: () => ({ u: ids.admin, s: NO_ID }),
        allow: [['alumnus', 'NOT_FOUND']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.setAlumniEndorsementHidden',
        query: 'mutation($id: ID!) { setAlumniEndorsementHidden(id: $id, hidden: true) { id } }',
        vars: () => ({ id: NO_ID }),
        allow: [['alumnus', 'NOT_FOUND']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.withdrawAlumniEndorsement',
        query: 'mutation($id: ID!) { withdrawAlumniEndorsement(id: $id) }',
        vars: () => ({ id: NO_ID }),
        allow: [['alumnus', 'NOT_FOUND']],
        deny: ['staff', 'recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.setGamesRecordHidden',
        query: 'mutation($id: ID!) { setGamesRecordHidden(id: $id, hidden: false) { id } }',
        vars: () => ({ id: record.id }),
        // Someone else's record reads as not found: the guard lets staff through, the service does not.
        allow: [
          ['alumnus', 'OK'],
          ['staff', 'NOT_FOUND'],
        ],
        deny: ['recruiter', 'anonymous'],
      },
      {
        op: 'Mutation.issueGamesRecords',
        query: 'mutation($e: ID!) { issueGamesRecords(eventId: $e) { issued } }',
        vars: () => ({ e: past.event.id }),
        allow: [['admin', 'OK']],
        deny: ['coordinator', 'alumnus', 'anonymous'],
      },
      {
        op: 'Mutation.revokeGamesRecord',
        query: 'mutation($id: ID!) { revokeGamesRecord(id: $id, reason: "Access test") { id } }',
        vars: () => ({ id: record.id }),
        allow: [['admin', 'OK']],
        // Not even the person it certifies.
        deny: ['coordinator', 'alumnus', 'anonymous'],
      },
      {
        op: 'Mutation.reissueGamesRecord',
        query: 'mutation($id: ID!) { reissueGamesRecord(id: $id, reason: "Access test") { id } }',
        vars: () => ({ id: record.id }),
        allow: [['admin', 'OK']],
        deny: ['coordinator', 'alumnus', 'anonymous'],
      },
      {
        op: 'Mutation.rotateSigningKey',
        query: 'mutation { rotateSigningKey { kid } }',
        allow: [['admin', 'OK']],
        deny: ['coordinator', 'alumnus', 'anonymous'],
      },
      {
        op: 'Mutation.revokeSigningKey',
        query: 'mutation { revokeSigningKey(kid: "no-such-key", reason: "Access test") { kid } }',
        allow: [['admin', 'NOT_FOUND']],
        deny: ['coordinator', 'alumnus', 'anonymous'],
      },
    ];

    it('covers every alumni and credentials operation', () => {
      const ours = Object.keys(declaredOperations(t.app)).filter((op) =>
        /alumni|gamesrecord|signingkey|verifyrecord|jsonresume|alumnimembership|consent/i.test(op),
      );
      expect(ops.map((o) => o.op).sort()).toEqual(ours.sort());
    });

    for (const o of ops) {
      it(`${o.op}: allowed for ${o.allow.map(([who]) => who).join(', ')}${o.deny.length ? `; denied for ${o.deny.join(', ')}` : ' (public)'}`, async () => {
        for (const [who, expected] of o.allow) {
          const variables = (await o.vars?.()) ?? {};
          const result = await t.gql.request(o.query, variables, who === 'newcomer' ? newcomer : tokens[who]);
          expect([who, result.errors?.[0]?.extensions?.code ?? 'OK']).toEqual([who, expected]);
        }
        for (const who of o.deny) {
          const variables = (await o.vars?.()) ?? {};
          expect([who, await code(who, o.query, variables)]).toEqual([who, who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN']);
        }
      });
    }
  });

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
