import { AlumniPrivacyService } from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { attend, createMember, login, MemberFixture } from '../factories/alumni';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const ENDORSE = `mutation($u: ID!, $s: ID!, $c: String) { endorseAlumniSkill(input: { userId: $u, skillId: $s, comment: $c }) {
  id relation eventName shifts venues { name shifts } summary comment hidden skill { name } endorser { userId displayName profileVisible } } }`;
const LIST = `query($u: ID!) { alumniEndorsements(userId: $u) { totalCount edges { node { id hidden summary endorser { userId } } } } }`;

/**
 * Endorsements only between people who really worked together, as the roster and attendance
 * show it: shared attended shifts, or a coordinator grant covering the other's attended shifts.
 */
describe('alumni endorsements', () => {
  let t: TestApp;
  const people: Record<string, MemberFixture & { skillId: string }> = {};

  const endorse = (who: string, whom: string, skillId = people[whom].skillId, comment?: string) =>
    t.gql.request(ENDORSE, { u: people[whom].id, s: skillId, c: comment }, people[who].token);
  const list = async (viewer: string, whom: string) => (await t.gql.ok(LIST, { u: people[whom].id }, people[viewer].token)).alumniEndorsements;

  beforeAll(async () => {
    t = await startTestApp();
    const event = await createEvent(t.dataSource, { name: 'Paris Test Event', phase: EventPhase.CLOSED });
    const stf = await createVenue(t.dataSource, event.id, { code: 'STF', name: 'Stade de France' });
    const aqc = await createVenue(t.dataSource, event.id, { code: 'AQC', name: 'Paris Aquatics Centre' });
    const net = await createTeam(t.dataSource, event.id, { code: 'NET', name: 'Network' });
    const res = await createTeam(t.dataSource, event.id, { code: 'RES', name: 'Results' });
    const organisation = await createOrganisation(t.dataSource);
    const at = (venueId: string, teamId: string, day: string) =>
      createShift(t.dataSource, { eventId: event.id, venueId, teamId }, { startsAt: `${day}T06:00:00Z`, endsAt: `${day}T14:00:00Z`, headcount: 10 });
    const s1 = await at(stf.id, net.id, '2024-07-27');
    const s2 = await at(stf.id, net.id, '2024-07-28');
    const s3 = await at(aqc.id, net.id, '2024-07-29');
    const grants: Record<string, Parameters<typeof createUser>[1]> = {
      cora: [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [stf.id] }],
      // Covers venue AQC for team RES only: not Carol's NET shift at AQC.
      rita: [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [aqc.id], teamIds: [res.id] }],
    };
    for (const name of ['alice', 'bob', 'carol', 'dave', 'erin', 'cora', 'rita', 'pia']) {
      const member = await createMember(t, {}, { displayName: name, grants: grants[name] ?? [] });
      const [skill] = await t.dataSource.query(`INSERT INTO alumni_profile_skills (user_id, name, level, position) VALUES ($1, $2, 3, 0) RETURNING id`, [
        member.id,
        `Skill of ${name}`,
      ]);
      people[name] = { ...member, skillId: skill.id };
    }
    const staff = async (name: string) => (await createStaffMember(t.dataSource, event.id, organisation.id, { userId: people[name].id, teamId: net.id })).id;
    const alice = await staff('alice');
    const bob = await staff('bob');
    await attend(t.dataSource, s1, alice);
    await attend(t.dataSource, s2, alice);
    await attend(t.dataSource, s1, bob);
    await attend(t.dataSource, s2, bob);
    await attend(t.dataSource, s3, await staff('carol'));
    await attend(t.dataSource, s1, await staff('dave'), { checkedIn: false });
    await attend(t.dataSource, s1, await staff('erin'), { status: 'CANCELLED' });
    await attend(t.dataSource, s2, await staff('pia'));
  }, 60_000);
  afterAll(() => t?.close());

  it('colleagues who attended the same shifts may endorse, with the context shown', async () => {
    const result = await endorse('alice', 'bob', undefined, 'Calm under pressure.');
    expect(result.errors).toBeUndefined();
    expect(result.data?.endorseAlumniSkill).toMatchObject({
      relation: 'SHARED_SHIFTS',
      eventName: 'Paris Test Event',
      shifts: 2,
      venues: [{ name: 'Stade de France', shifts: 2 }],
      summary: 'Worked 2 shifts together at Stade de France, Paris Test Event',
      comment: 'Calm under pressure.',
      hidden: null,
      skill: { name: 'Skill of bob' },
      endorser: { userId: people.alice.id, displayName: 'alice', profileVisible: true },
    });
    const audit = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'alumni.endorsement_given'`);
    expect(audit).toEqual([{ after: expect.objectContaining({ endorseeId: people.bob.id, relation: 'SHARED_SHIFTS' }) }]);
  });

  it('refuses a second endorsement of the same skill, oneself, and a skill that is not the person’s', async () => {
    expect((await endorse('alice', 'bob')).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'skillId' });
    const self = await t.gql.request(ENDORSE, { u: people.alice.id, s: people.alice.skillId }, people.alice.token);
    expect(self.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'userId', constraint: 'self' })] });
    expect((await endorse('alice', 'bob', people.carol.skillId)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await endorse('alice', 'bob', 'not-an-id')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  const refusals: Array<[string, string, string]> = [
    ['the same event but never on the same shift', 'alice', 'carol'],
    ['a shared shift the other never attended', 'alice', 'dave'],
    ['a shared shift the other was cancelled from', 'alice', 'erin'],
    ['a coordinator whose grant does not cover the venue and team together', 'rita', 'carol'],
  ];
  for (const [what, who, whom] of refusals) {
    it(`refuses ${what} (RULE_VIOLATION NEVER_WORKED_TOGETHER), both ways`, async () => {
      for (const [a, b] of [
        [who, whom],
        [whom, who],
      ]) {
        const result = await endorse(a, b);
        expect(result.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'NEVER_WORKED_TOGETHER' })] });
      }
    });
  }

  it('a coordinator whose scope covered the other’s attended shifts may endorse, and be endorsed', async () => {
    const down = await endorse('cora', 'alice');
    expect(down.data?.endorseAlumniSkill).toMatchObject({
      relation: 'ENDORSER_COORDINATED',
      shifts: 2,
      summary: 'Coordinated 2 shifts they worked at Stade de France, Paris Test Event',
    });
    const up = await endorse('pia', 'cora');
    expect(up.data?.endorseAlumniSkill).toMatchObject({
      relation: 'ENDORSEE_COORDINATED',
      shifts: 1,
      summary: 'Worked 1 shift they coordinated at Stade de France, Paris Test Event',
    });
  });

  it('the endorsee may hide an endorsement: nobody else sees it, they see it marked', async () => {
    const { edges } = await list('bob', 'bob');
    const id = edges[0].node.id;
    expect(
      (await t.gql.request(`mutation { setAlumniEndorsementHidden(id: "${id}", hidden: true) { id } }`, {}, people.alice.token)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
    const hidden = await t.gql.ok(`mutation { setAlumniEndorsementHidden(id: "${id}", hidden: true) { id hidden } }`, {}, people.bob.token);
    expect(hidden.setAlumniEndorsementHidden).toEqual({ id, hidden: true });
    expect((await list('carol', 'bob')).totalCount).toBe(0);
    expect((await list('alice', 'bob')).totalCount).toBe(0);
    expect((await list('bob', 'bob')).edges.map((e: any) => e.node.hidden)).toEqual([true]);
    const counts = async (viewer: string) =>
      (await t.gql.ok(`{ alumniProfile(userId: "${people.bob.id}") { skills { endorsementCount } } }`, {}, people[viewer].token)).alumniProfile.skills[0]
        .endorsementCount;
    expect(await counts('carol')).toBe(0);
    expect(await counts('bob')).toBe(1);
    await t.gql.ok(`mutation { setAlumniEndorsementHidden(id: "${id}", hidden: false) { id } }`, {}, people.bob.token);
    expect((await list('carol', 'bob')).totalCount).toBe(1);
    expect(await counts('carol')).toBe(1);
  });

  it('an endorsement follows its endorser: private to others, gone when they withdraw', async () => {
    await t.gql.ok('mutation { updateAlumniProfile(input: { visibility: PRIVATE }) { userId } }', {}, people.alice.token);
    expect((await list('carol', 'bob')).totalCount).toBe(0);
    expect((await list('bob', 'bob')).totalCount).toBe(1);
    await t.gql.ok('mutation { updateAlumniProfile(input: { visibility: ALUMNI }) { userId } }', {}, people.alice.token);
    await t.gql.ok('mutation { withdrawAlumniConsent { member } }', {}, people.cora.token);
    expect((await list('bob', 'alice')).edges.map((e: any) => e.node.endorser.userId)).not.toContain(people.cora.id);
    expect((await list('alice', 'alice')).totalCount).toBe(0);
  });

  it('a skill that stays keeps its endorsements; a removed skill takes them along', async () => {
    const keep = await t.gql.ok(
      `mutation($s: [AlumniSkillInput!]) { updateAlumniProfile(input: { skills: $s }) { skills { id name level endorsementCount } } }`,
      {
        s: [
          { name: 'Skill of bob', level: 4 },
          { name: 'New one', level: 1 },
        ],
      },
      people.bob.token,
    );
    expect(keep.updateAlumniProfile.skills).toEqual([
      { id: people.bob.skillId, name: 'Skill of bob', level: 4, endorsementCount: 1 },
      expect.objectContaining({ name: 'New one', endorsementCount: 0 }),
    ]);
    await t.gql.ok(`mutation { updateAlumniProfile(input: { skills: [{ name: "New one", level: 1 }] }) { userId } }`, {}, people.bob.token);
    expect((await list('bob', 'bob')).totalCount).toBe(0);
  });

  it('endorsing while the skill is being removed never ends in an internal error', async () => {
    const [skill] = await t.dataSource.query(
      `INSERT INTO alumni_profile_skills (user_id, name, level, position) VALUES ($1, 'Racing skill', 2, 5) RETURNING id`,
      [people.alice.id],
    );
    const [endorsed, removed] = await Promise.all([
      endorse('bob', 'alice', skill.id),
      t.gql.request(`mutation { updateAlumniProfile(input: { skills: [{ name: "Skill of alice", level: 3 }] }) { userId } }`, {}, people.alice.token),
    ]);
    expect(removed.errors).toBeUndefined();
    expect(['OK', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain(endorsed.errors?.[0].extensions?.code ?? 'OK');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM alumni_endorsements WHERE profile_skill_id = $1`, [skill.id]);
    expect(n).toBe(0);
  });

  it('the endorser may take an endorsement back; nobody else may', async () => {
    const given = await endorse('bob', 'alice');
    const id = given.data?.endorseAlumniSkill.id;
    expect((await t.gql.request(`mutation { withdrawAlumniEndorsement(id: "${id}") }`, {}, people.alice.token)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.ok(`mutation { withdrawAlumniEndorsement(id: "${id}") }`, {}, people.bob.token)).withdrawAlumniEndorsement).toBe(true);
    expect((await list('alice', 'alice')).totalCount).toBe(0);
  });

  it('needs membership: staff and anonymous are refused, a withdrawn member too', async () => {
    const staff = await login(t, (await createUser(t.dataSource, [{ role: Role.STAFF, eventId: (await createEvent(t.dataSource)).id }])).email);
    expect((await t.gql.request(ENDORSE, { u: people.bob.id, s: people.bob.skillId }, staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.request(ENDORSE, { u: people.bob.id, s: people.bob.skillId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.request(LIST, { u: people.bob.id }, staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await endorse('cora', 'bob')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the privacy seam exports a person’s alumni data and erases all of it', async () => {
    const privacy = t.app.get(AlumniPrivacyService);
    const given = await endorse(
      'alice',
      'bob',
      (await t.dataSource.query(`SELECT id FROM alumni_profile_skills WHERE user_id = $1 LIMIT 1`, [people.bob.id]))[0].id,
    );
    expect(given.errors).toBeUndefined();
    const exported = await privacy.exportForUser(t.dataSource.manager, people.bob.id);
    expect(exported.alumni_profiles).toHaveLength(1);
    expect(exported.alumni_endorsements_received).toHaveLength(1);
    expect(exported.alumni_consents).toHaveLength(1);
    await t.dataSource.transaction((manager) => privacy.eraseForUser(manager, null, people.bob.id));
    const left = await privacy.exportForUser(t.dataSource.manager, people.bob.id);
    expect(Object.entries(left).filter(([, rows]) => rows.length)).toEqual([]);
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'alumni.erased' AND entity_id = $1`, [people.bob.id]);
    expect(audit.after['alumni_profiles.user_id']).toBe(1);
  });
});
