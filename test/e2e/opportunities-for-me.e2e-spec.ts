import { AlumniGamesExperienceEntity, AlumniProfileLanguageEntity, AlumniProfileSkillEntity, LanguageLevel } from '@baton/alumni';
import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { createMember, login, MemberFixture } from '../factories/alumni';
import { createEvent, createOrganisation } from '../factories/events';
import { postOpportunity } from '../factories/opportunities';
import { createSkill } from '../factories/skills';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const FOR_ME = `query($first: Int) { opportunitiesForMe(first: $first) {
  score opportunity { id title }
  skills { skillId name wantedLevel yourLevel meetsLevel } languages { code wantedLevel yourLevel meetsLevel } games { eventCode teams roles } } }`;

/** Opportunities for me: ranked by what my profile and Games record match, explained, without those I applied to. */
describe('opportunities for me', () => {
  let t: TestApp;
  let me: MemberFixture;
  let recruiter: string;
  let org: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = (await createOrganisation(t.dataSource)).id;
    recruiter = await login(t, (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: org }])).email);
    me = await createMember(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('ranks by skills at level, languages and Games teams and roles, explains each, and leaves out what I applied to', async () => {
    const routing = await createSkill(t.dataSource, { name: 'Routing' });
    const timing = await createSkill(t.dataSource, { name: 'Timing' });
    await t.dataSource.getRepository(AlumniProfileSkillEntity).insert([
      { userId: me.id, skillId: routing.id, name: null, level: 3, position: 0 },
      { userId: me.id, skillId: timing.id, name: null, level: 1, position: 1 },
    ]);
    await t.dataSource.getRepository(AlumniProfileLanguageEntity).insert({ userId: me.id, code: 'fr', level: LanguageLevel.NATIVE, position: 0 });
    const event = await createEvent(t.dataSource, { code: 'PAR24X', name: 'Paris 2024', phase: EventPhase.CLOSED });
    const staff = await createStaffMember(t.dataSource, event.id, org, { userId: me.id });
    await t.dataSource.getRepository(AlumniGamesExperienceEntity).insert({
      staffMemberId: staff.id,
      userId: me.id,
      eventId: event.id,
      eventCode: 'PAR24X',
      eventName: 'Paris 2024',
      eventStartsOn: '2024-07-26',
      eventEndsOn: '2024-08-11',
      organisationName: 'Partner',
      teamCode: 'NET',
      teamName: 'Network',
      roleTitles: ['Venue network engineer'],
      shifts: 10,
      minutes: 4800,
      firstShiftAt: new Date('2024-07-26T06:00:00Z'),
      lastShiftAt: new Date('2024-08-11T14:00:00Z'),
      venueCodes: [],
      venues: [],
      teamCodes: ['NET'],
      teams: [],
    });
    const best = await postOpportunity(t, recruiter, org, {
      title: 'Network lead',
      teamCodes: ['NET'],
      skills: [{ skillId: routing.id, level: 2 }],
      languages: [{ code: 'fr', level: 'C1' }],
    });
    const partial = await postOpportunity(t, recruiter, org, { title: 'Timing operator', skills: [{ skillId: timing.id, level: 3 }] });
    const none = await postOpportunity(t, recruiter, org, { title: 'Accountant' });
    const applied = await postOpportunity(t, recruiter, org, { title: 'Network engineer', teamCodes: ['NET'] });
    await t.gql.ok(`mutation($o: ID!) { applyToOpportunity(input: { opportunityId: $o }) { id } }`, { o: applied.id }, me.token);

    const matches = (await t.gql.ok(FOR_ME, {}, me.token)).opportunitiesForMe;
    expect(matches.map((m: any) => m.opportunity.id)).toEqual([best.id, partial.id, none.id]);
    expect(matches[0]).toEqual({
      score: 2 + 1 + 2 + 1,
      opportunity: { id: best.id, title: 'Network lead' },
      skills: [{ skillId: routing.id, name: 'Routing', wantedLevel: 2, yourLevel: 3, meetsLevel: true }],
      languages: [{ code: 'fr', wantedLevel: 'C1', yourLevel: 'NATIVE', meetsLevel: true }],
      games: [{ eventCode: 'PAR24X', teams: ['NET'], roles: ['Venue network engineer'] }],
    });
    expect(matches[1]).toMatchObject({ score: 1, skills: [{ name: 'Timing', wantedLevel: 3, yourLevel: 1, meetsLevel: false }], games: [] });
    expect(matches[2]).toMatchObject({ score: 0, skills: [], languages: [], games: [] });
    expect((await t.gql.ok(FOR_ME, { first: 1 }, me.token)).opportunitiesForMe).toHaveLength(1);
    expect((await t.gql.error(FOR_ME, { first: 0 }, me.token)).extensions?.code).toBe('BAD_USER_INPUT');
    // Recruiters have no "for me".
    expect((await t.gql.error(FOR_ME, {}, recruiter)).extensions?.code).toBe('FORBIDDEN');
  });
});
