import { AlumniProfileSkillEntity, AlumniVisibility } from '@baton/alumni';
import { Role } from '@baton/auth';
import { OutboxMessageEntity } from '@baton/outbox';
import { createMember, login, MemberFixture } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { postOpportunity } from '../factories/opportunities';
import { createSkill } from '../factories/skills';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const APPLICATION_FIELDS = `id opportunityId applicantId stage message nextStages createdAt
  opportunity { id title status }
  cv { takenAt displayName headline summary city country skills { name level code } verifiedRecords { code } games { eventCode } }
  history { fromStage toStage movedBy actorUserId note at }`;
const APPLY = `mutation($i: ApplyInput!) { applyToOpportunity(input: $i) { ${APPLICATION_FIELDS} } }`;
const MOVE = `mutation($id: ID!, $i: MoveApplicationInput!) { moveApplication(id: $id, input: $i) { ${APPLICATION_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!, $note: String) { withdrawApplication(id: $id, note: $note) { ${APPLICATION_FIELDS} } }`;
const GET = `query($id: ID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;
const FOR_OPPORTUNITY = `query($o: ID!, $s: [ApplicationStage!]) { opportunityApplications(opportunityId: $o, stages: $s) { totalCount edges { node { ${APPLICATION_FIELDS} } } } }`;
const MINE = `{ myApplications { totalCount edges { node { id stage opportunity { id title } } } } }`;
const COUNTS = `query($id: ID!) { opportunity(id: $id) { applicationCounts { stage count } } }`;

/** Applications: a frozen CV to one organisation only, the table of moves in code and in the database, history and notices. */
describe('applications', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let recruiterA: string;
  let recruiterAId: string;
  let recruiterB: string;
  let applicant: MemberFixture;
  let author: MemberFixture;
  let posting: string;
  let referral: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-01T09:00:00Z' });
    orgA = (await createOrganisation(t.dataSource, { name: 'Partner A' })).id;
    orgB = (await createOrganisation(t.dataSource, { name: 'Partner B' })).id;
    const a = await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: orgA }]);
    recruiterAId = a.id;
    recruiterA = await login(t, a.email);
    recruiterB = await login(t, (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: orgB }])).email);
    // Visible to members only and the summary hidden: applying still shows the CV to that organisation, without the summary.
    applicant = await createMember(t, {
      displayName: 'Ada Applicant',
      headline: 'Network engineer',
      summary: 'Private summary',
      city: 'Lyon',
      country: 'FR',
      visibility: AlumniVisibility.ALUMNI,
      hiddenSections: ['SUMMARY'],
    });
    const skill = await createSkill(t.dataSource, { name: 'Cisco routing' });
    await t.dataSource.getRepository(AlumniProfileSkillEntity).insert({ userId: applicant.id, skillId: skill.id, name: null, level: 3, position: 0 });
    author = await createMember(t);
    posting = (await postOpportunity(t, recruiterA, orgA)).id;
    referral = (await postOpportunity(t, author.token, orgA, { title: 'Referral: timing lead' })).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('a member applies with a frozen CV (hidden sections left out); once only, also when two requests race', async () => {
    const [first, second] = await Promise.all([
      t.gql.request(APPLY, { i: { opportunityId: posting, message: 'Hello' } }, applicant.token),
      t.gql.request(APPLY, { i: { opportunityId: posting, message: 'Hello' } }, applicant.token),
    ]);
    const results = [first, second];
    const ok = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors);
    expect(ok).toHaveLength(1);
    expect(refused.map((r) => r.errors![0].extensions?.code)).toEqual(['CONFLICT']);
    const application = ok[0].data!.applyToOpportunity;
    applicationId = application.id;
    expect(application).toMatchObject({
      stage: 'SUBMITTED',
      message: 'Hello',
      nextStages: ['WITHDRAWN'],
      opportunity: { id: posting, status: 'OPEN' },
      cv: { displayName: 'Ada Applicant', headline: 'Network engineer', summary: null, city: 'Lyon', skills: [{ name: 'Cisco routing', level: 3 }] },
      history: [{ fromStage: null, toStage: 'SUBMITTED', movedBy: 'APPLICANT' }],
    });
    expect((await t.gql.error(APPLY, { i: { opportunityId: posting } }, applicant.token)).extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM applications WHERE applicant_id = $1', [applicant.id])).toEqual([{ n: 1 }]);
  });

  it('later profile edits do not change the snapshot the organisation reads', async () => {
    await t.gql.ok(`mutation { updateAlumniProfile(input: { headline: "Changed since" }) { headline } }`, {}, applicant.token);
    const seen = (await t.gql.ok(GET, { id: applicationId }, recruiterA)).application;
    expect(seen.cv.headline).toBe('Network engineer');
  });

  it("only the posting organisation's recruiters see it; another organisation sees nothing of it", async () => {
    const list = (await t.gql.ok(FOR_OPPORTUNITY, { o: posting }, recruiterA)).opportunityApplications;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([applicationId]);
    expect((await t.gql.error(FOR_OPPORTUNITY, { o: posting }, recruiterB)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(GET, { id: applicationId }, recruiterB)).extensions?.code).toBe('NOT_FOUND');
    // Nor another member.
    expect((await t.gql.error(GET, { id: applicationId }, author.token)).extensions?.code).toBe('NOT_FOUND');
    // The applicant's live profile stays out of reach for the recruiter (members-only visibility).
    expect((await t.gql.error(`query($u: ID!) { alumniProfile(userId: $u) { userId } }`, { u: applicant.id }, recruiterA)).extensions?.code).toBe('FORBIDDEN');
  });

  it("a referral's author sees counts, never the applicants; the organisation's recruiters review them", async () => {
    const application = (await t.gql.ok(APPLY, { i: { opportunityId: referral } }, applicant.token)).applyToOpportunity;
    expect((await t.gql.ok(COUNTS, { id: referral }, author.token)).opportunity.applicationCounts).toEqual([{ stage: 'SUBMITTED', count: 1 }]);
    expect((await t.gql.error(FOR_OPPORTUNITY, { o: referral }, author.token)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(GET, { id: application.id }, author.token)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.ok(FOR_OPPORTUNITY, { o: referral }, recruiterA)).opportunityApplications.totalCount).toBe(1);
    expect((await t.gql.ok(COUNTS, { id: referral }, applicant.token)).opportunity.applicationCounts).toBeNull();
    // Authors do not apply to their own referral.
    expect((await t.gql.error(APPLY, { i: { opportunityId: referral } }, author.token)).extensions).toMatchObject({ code: 'RULE_VIOLATION' });
  });

  it('recruiters move it along the table of moves only; each move is kept and notified to the applicant', async () => {
    const moved = (await t.gql.ok(MOVE, { id: applicationId, i: { stage: 'IN_REVIEW', note: 'Looks good' } }, recruiterA)).moveApplication;
    expect(moved).toMatchObject({ stage: 'IN_REVIEW', nextStages: ['INTERVIEW', 'OFFER', 'REJECTED'] });
    expect(moved.history.at(-1)).toMatchObject({
      fromStage: 'SUBMITTED',
      toStage: 'IN_REVIEW',
      movedBy: 'RECRUITER',
      actorUserId: recruiterAId,
      note: 'Looks good',
    });
    const skip = await t.gql.error(MOVE, { id: applicationId, i: { stage: 'HIRED' } }, recruiterA);
    expect(skip.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'APPLICATION_STAGE', from: 'IN_REVIEW', to: 'HIRED' }] });
    expect((await t.gql.error(MOVE, { id: applicationId, i: { stage: 'WITHDRAWN' } }, recruiterA)).extensions?.code).toBe('RULE_VIOLATION');
    expect((await t.gql.error(MOVE, { id: applicationId, i: { stage: 'INTERVIEW' } }, recruiterB)).extensions?.code).toBe('NOT_FOUND');
    // An alumnus cannot move stages at all.
    expect((await t.gql.error(MOVE, { id: applicationId, i: { stage: 'INTERVIEW' } }, applicant.token)).extensions?.code).toBe('FORBIDDEN');
    const notices = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ recipient: applicant.email, template: 'application.stage_changed' });
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('Looks good');
    // The applicant sees the stage and the history, not which recruiter moved it.
    const own = (await t.gql.ok(GET, { id: applicationId }, applicant.token)).application;
    expect(own.history.map((h: any) => [h.toStage, h.movedBy, h.actorUserId])).toEqual([
      ['SUBMITTED', 'APPLICANT', null],
      ['IN_REVIEW', 'RECRUITER', null],
    ]);
    expect((await t.gql.ok(MINE, {}, applicant.token)).myApplications.edges.map((e: any) => e.node.stage)).toEqual(['IN_REVIEW', 'SUBMITTED']);
  });

  it('the database refuses any other move and any history row that is not a move', async () => {
    await expect(t.dataSource.query(`UPDATE applications SET stage = 'HIRED' WHERE id = $1`, [applicationId])).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'applications_stage_transition' },
    });
    await expect(
      t.dataSource.query(`INSERT INTO application_history (application_id, from_stage, to_stage, at) VALUES ($1, 'SUBMITTED', 'HIRED', now())`, [
        applicationId,
      ]),
    ).rejects.toMatchObject({ driverError: { code: '23503' } });
    const moves = (await t.gql.ok(`{ applicationStageMoves { fromStage toStage mover } }`, {}, applicant.token)).applicationStageMoves;
    expect(moves).toContainEqual({ fromStage: 'OFFER', toStage: 'HIRED', mover: 'RECRUITER' });
    expect(moves.filter((m: any) => m.toStage === 'WITHDRAWN').every((m: any) => m.mover === 'APPLICANT')).toBe(true);
  });

  it('the applicant withdraws; nobody else can; a final stage moves no more', async () => {
    expect((await t.gql.error(WITHDRAW, { id: applicationId }, recruiterA)).extensions?.code).toBe('FORBIDDEN');
    const done = (await t.gql.ok(WITHDRAW, { id: applicationId, note: 'Took another job' }, applicant.token)).withdrawApplication;
    expect(done).toMatchObject({ stage: 'WITHDRAWN', nextStages: [] });
    expect((await t.gql.error(WITHDRAW, { id: applicationId }, applicant.token)).extensions?.code).toBe('RULE_VIOLATION');
    expect((await t.gql.error(MOVE, { id: applicationId, i: { stage: 'INTERVIEW' } }, recruiterA)).extensions?.code).toBe('RULE_VIOLATION');
  });

  it('closed opportunities, non-members and recruiters cannot apply', async () => {
    const closed = (await postOpportunity(t, recruiterA, orgA)).id;
    await t.gql.ok(`mutation($id: ID!) { closeOpportunity(id: $id) { id } }`, { id: closed }, recruiterA);
    expect((await t.gql.error(APPLY, { i: { opportunityId: closed } }, applicant.token)).extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: [{ rule: 'OPPORTUNITY_OPEN', status: 'CLOSED' }],
    });
    const former = await createMember(t);
    await t.dataSource.query('UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1', [former.id]);
    expect((await t.gql.error(APPLY, { i: { opportunityId: posting } }, former.token)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'CONSENT_REQUIRED',
    });
    expect((await t.gql.error(APPLY, { i: { opportunityId: posting } }, recruiterB)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(APPLY, { i: { opportunityId: posting, message: 'x'.repeat(4001) } }, applicant.token)).extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql.error(APPLY, { i: { opportunityId: '00000000-0000-4000-8000-000000000000' } }, applicant.token)).extensions?.code).toBe('NOT_FOUND');
  });
});
