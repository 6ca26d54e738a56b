import { Role } from '@baton/auth';
import { OpportunityExpirySweeper } from '@baton/opportunities';
import { createMember, login, MemberFixture } from '../factories/alumni';
import { createEvent, createOrganisation } from '../factories/events';
import { CREATE_OPPORTUNITY, OPPORTUNITY_FIELDS, opportunityInput, postOpportunity, PUBLISH_OPPORTUNITY } from '../factories/opportunities';
import { createSkill } from '../factories/staff';
import { createUser } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const LIST = `query($f: OpportunityFilter, $first: Int, $after: String) {
  opportunities(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${OPPORTUNITY_FIELDS} } } } }`;
const GET = `query($id: ID!) { opportunity(id: $id) { ${OPPORTUNITY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateOpportunityInput!) { updateOpportunity(id: $id, input: $i) { id title city workMode skills { skillId level } } }`;
const CLOSE = `mutation($id: ID!) { closeOpportunity(id: $id) { id status closedAt } }`;

/** Opportunities: who posts and manages what, the life cycle (in code and in the database), the list and its filters. */
describe('opportunities', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let recruiterA: string;
  let recruiterA2: string;
  let recruiterB: string;
  let admin: string;
  let staff: string;
  let member: MemberFixture;
  let skill1: string;
  let skill2: string;

  const ids = (list: any) => list.edges.map((e: any) => e.node.id).sort();
  const list = async (token: string, filter: Record<string, unknown> = {}, first = 200) => (await t.gql.ok(LIST, { f: filter, first }, token)).opportunities;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-03-01T09:00:00Z' });
    orgA = (await createOrganisation(t.dataSource, { name: 'Partner A' })).id;
    orgB = (await createOrganisation(t.dataSource, { name: 'Partner B' })).id;
    const sign = async (grants: Parameters<typeof createUser>[1]) => login(t, (await createUser(t.dataSource, grants)).email);
    recruiterA = await sign([{ role: Role.RECRUITER, organisationId: orgA }]);
    recruiterA2 = await sign([{ role: Role.RECRUITER, organisationId: orgA }]);
    recruiterB = await sign([{ role: Role.RECRUITER, organisationId: orgB }]);
    admin = await sign([{ role: Role.ADMIN }]);
    staff = await sign([{ role: Role.STAFF, eventId: (await createEvent(t.dataSource)).id }]);
    member = await createMember(t);
    skill1 = (await createSkill(t.dataSource)).id;
    skill2 = (await createSkill(t.dataSource)).id;
  }, 120_000);
  afterAll(() => t?.close());

  it('a recruiter drafts a posting for their organisation; only its recruiters see the draft; publishing opens it to all', async () => {
    const input = opportunityInput(t, orgA, { skills: [{ skillId: skill1, level: 3 }], languages: [{ code: 'en', level: 'B2' }], teamCodes: ['NET'] });
    const draft = (await t.gql.ok(CREATE_OPPORTUNITY, { i: input }, recruiterA)).createOpportunity;
    expect(draft).toMatchObject({
      kind: 'POSTING',
      status: 'DRAFT',
      publishedAt: null,
      managedByMe: true,
      writtenByMe: true,
      organisation: { id: orgA, name: 'Partner A' },
      skills: [{ skillId: skill1, level: 3 }],
      languages: [{ code: 'en', level: 'B2' }],
      teamCodes: ['NET'],
      applicationCounts: [],
    });
    // Another recruiter of the same organisation manages it too; nobody else sees the draft.
    expect((await t.gql.ok(GET, { id: draft.id }, recruiterA2)).opportunity.managedByMe).toBe(true);
    for (const token of [recruiterB, member.token]) expect((await t.gql.error(GET, { id: draft.id }, token)).extensions?.code).toBe('NOT_FOUND');
    expect(ids(await list(member.token))).not.toContain(draft.id);
    expect(ids(await list(recruiterA, { statuses: ['DRAFT'] }))).toEqual([draft.id]);
    expect(ids(await list(recruiterB, { statuses: ['DRAFT'] }))).toEqual([]);

    const opened = (await t.gql.ok(PUBLISH_OPPORTUNITY, { id: draft.id }, recruiterA2)).publishOpportunity;
    expect(opened).toMatchObject({ status: 'OPEN', publishedAt: '2026-03-01T09:00:00.000Z' });
    const seen = (await t.gql.ok(GET, { id: draft.id }, member.token)).opportunity;
    expect(seen).toMatchObject({ status: 'OPEN', managedByMe: false, writtenByMe: false, applicationCounts: null });
    expect(ids(await list(member.token))).toContain(draft.id);
  });

  it('a recruiter of another organisation cannot post for it nor touch its postings', async () => {
    const error = await t.gql.error(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgA) }, recruiterB);
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const posting = await postOpportunity(t, recruiterA, orgA);
    for (const [query, vars] of [
      [UPDATE, { id: posting.id, i: { title: 'Taken over' } }],
      [CLOSE, { id: posting.id }],
    ] as const) {
      expect((await t.gql.error(query, vars, recruiterB)).extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql.error(query, vars, member.token)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql.ok(GET, { id: posting.id }, recruiterA)).opportunity.title).toBe('Network engineer, venue technology');
    // Admins manage everything, for support.
    expect((await t.gql.ok(UPDATE, { id: posting.id, i: { title: 'Edited by support' } }, admin)).updateOpportunity.title).toBe('Edited by support');
  });

  it('a member posts a referral they alone manage; a non-member may not; staff without the role are refused at the gate', async () => {
    const referral = (await t.gql.ok(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgB, { workMode: 'REMOTE', city: null }) }, member.token)).createOpportunity;
    expect(referral).toMatchObject({ kind: 'REFERRAL', managedByMe: true, writtenByMe: true, city: null, workMode: 'REMOTE' });
    // The organisation's recruiters do not manage a referral, and do not see its draft.
    expect((await t.gql.error(GET, { id: referral.id }, recruiterB)).extensions?.code).toBe('NOT_FOUND');
    await t.gql.ok(PUBLISH_OPPORTUNITY, { id: referral.id }, member.token);
    const seenByB = (await t.gql.ok(GET, { id: referral.id }, recruiterB)).opportunity;
    expect(seenByB).toMatchObject({ managedByMe: false, applicationCounts: [] });
    expect((await t.gql.error(UPDATE, { id: referral.id, i: { title: 'Mine now' } }, recruiterB)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.gql.error(CLOSE, { id: referral.id }, recruiterB)).extensions?.code).toBe('FORBIDDEN');

    // An alumnus whose consent is withdrawn is no longer a member: no referral.
    const former = await createMember(t);
    await t.dataSource.query('UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1', [former.id]);
    expect((await t.gql.error(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgB) }, former.token)).extensions?.code).toBe('FORBIDDEN');
    for (const [query, vars] of [
      [CREATE_OPPORTUNITY, { i: opportunityInput(t, orgB) }],
      [LIST, {}],
      [GET, { id: referral.id }],
    ] as const) {
      expect((await t.gql.error(query, vars, staff)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql.error(LIST, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('bad input is refused with the field at fault, and nothing is written', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM opportunities');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ expiresAt: '2026-02-01T00:00:00Z' }, 'expiresAt'],
      [{ expiresAt: '2028-03-01T00:00:00Z' }, 'expiresAt'],
      [{ city: null, workMode: 'HYBRID' }, 'city'],
      [{ country: 'France' }, 'country'],
      [{ title: '' }, 'title'],
      [
        {
          skills: [
            { skillId: skill1, level: 2 },
            { skillId: skill1, level: 3 },
          ],
        },
        'skills.1',
      ],
      [{ skills: [{ skillId: skill1, level: 5 }] }, 'skills.0.level'],
      [{ skills: [{ skillId: '00000000-0000-4000-8000-000000000000', level: 2 }] }, 'skills'],
      [{ organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
    ];
    for (const [overrides, field] of cases) {
      const error = await t.gql.error(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgA, overrides) }, overrides.organisationId ? admin : recruiterA);
      expect({ field, code: error.extensions?.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(error.extensions)).toContain(`"${field}"`);
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM opportunities')).toEqual(before);
  });

  it('the life cycle allows DRAFT → OPEN → CLOSED only, in code and in the database', async () => {
    const draft = (await t.gql.ok(CREATE_OPPORTUNITY, { i: opportunityInput(t, orgA) }, recruiterA)).createOpportunity;
    expect((await t.gql.error(CLOSE, { id: draft.id }, recruiterA)).extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: [{ rule: 'OPPORTUNITY_STATUS', from: 'DRAFT', to: 'CLOSED' }],
    });
    await t.gql.ok(PUBLISH_OPPORTUNITY, { id: draft.id }, recruiterA);
    expect((await t.gql.error(PUBLISH_OPPORTUNITY, { id: draft.id }, recruiterA)).extensions?.code).toBe('RULE_VIOLATION');
    expect((await t.gql.ok(CLOSE, { id: draft.id }, recruiterA)).closeOpportunity).toMatchObject({ status: 'CLOSED', closedAt: '2026-03-01T09:00:00.000Z' });
    expect((await t.gql.error(UPDATE, { id: draft.id, i: { title: 'Again' } }, recruiterA)).extensions?.code).toBe('RULE_VIOLATION');
    // A hand-written UPDATE cannot reopen it either: the trigger refuses.
    await expect(t.dataSource.query(`UPDATE opportunities SET status = 'OPEN' WHERE id = $1`, [draft.id])).rejects.toMatchObject({
      driverError: { code: '23514', constraint: 'opportunities_status_transition' },
    });
    await expect(t.dataSource.query(`UPDATE opportunities SET status = 'DRAFT', published_at = NULL WHERE id = $1`, [draft.id])).rejects.toMatchObject({
      driverError: { code: '23514' },
    });
  });

  it('updates replace the lists and keep the location rule', async () => {
    const o = await postOpportunity(t, recruiterA, orgA, { skills: [{ skillId: skill1, level: 2 }] });
    const updated = (await t.gql.ok(UPDATE, { id: o.id, i: { workMode: 'REMOTE', city: null, skills: [{ skillId: skill2, level: 4 }] } }, recruiterA))
      .updateOpportunity;
    expect(updated).toMatchObject({ city: null, workMode: 'REMOTE', skills: [{ skillId: skill2, level: 4 }] });
    const error = await t.gql.error(UPDATE, { id: o.id, i: { workMode: 'ON_SITE' } }, recruiterA);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'city' }] });
    expect((await t.gql.error(UPDATE, { id: o.id, i: { title: null } }, recruiterA)).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('filters by organisation, country, work mode, skill and sport sector, and pages with a cursor', async () => {
    const berlin = await postOpportunity(t, recruiterB, orgB, { city: 'Berlin', country: 'DE', sportSector: false, skills: [{ skillId: skill2, level: 1 }] });
    const remote = await postOpportunity(t, recruiterB, orgB, { city: null, workMode: 'REMOTE', country: 'DE', sportSector: true });
    const all = await list(member.token);
    expect(ids(all)).toEqual(expect.arrayContaining([berlin.id, remote.id]));
    expect(ids(await list(member.token, { organisationId: orgB, country: 'DE' }))).toEqual([berlin.id, remote.id].sort());
    expect(ids(await list(member.token, { country: 'DE', workModes: ['REMOTE'] }))).toEqual([remote.id]);
    expect(ids(await list(member.token, { country: 'DE', sportSector: false }))).toEqual([berlin.id]);
    expect(ids(await list(member.token, { skillIds: [skill2], country: 'DE' }))).toEqual([berlin.id]);
    const mine = await list(member.token, { mine: true });
    expect(mine.edges.every((e: any) => e.node.writtenByMe)).toBe(true);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await t.gql.ok(LIST, { first: 2, after }, member.token)).opportunities;
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(ids(all));
    expect((await t.gql.error(LIST, { after: 'nonsense' }, member.token)).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a page costs the same number of statements for 3 or 12 opportunities with their edges (no N+1)', async () => {
    const org = (await createOrganisation(t.dataSource)).id;
    const recruiter = await login(t, (await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: org }])).email);
    const measure = async () => {
      const counter = countSql(t.dataSource);
      await list(recruiter, { organisationId: org });
      counter.stop();
      return counter.count;
    };
    const post = (n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          postOpportunity(t, recruiter, org, { skills: [{ skillId: skill1, level: 2 }], languages: [{ code: 'fr', level: 'C1' }] }),
        ),
      );
    await post(3);
    const few = await measure();
    await post(9);
    expect(await measure()).toBe(few);
    expect(few).toBeLessThanOrEqual(8);
  });

  it('an opportunity past its expiry reads EXPIRED at once; the scheduled job then marks it', async () => {
    // Minutes, not days: the access tokens follow the same clock.
    const o = await postOpportunity(t, recruiterA, orgA, { expiresAt: '2026-03-01T09:05:00Z' });
    t.clock.set('2026-03-01T09:06:00Z');
    try {
      expect((await t.gql.ok(GET, { id: o.id }, recruiterA)).opportunity.status).toBe('EXPIRED');
      expect(ids(await list(member.token))).not.toContain(o.id);
      expect(ids(await list(recruiterA, { statuses: ['EXPIRED'] }))).toContain(o.id);
      expect((await t.gql.error(GET, { id: o.id }, member.token)).extensions?.code).toBe('NOT_FOUND');
      expect(await t.app.get(OpportunityExpirySweeper).sweep()).toBeGreaterThanOrEqual(1);
      const [row] = await t.dataSource.query('SELECT status FROM opportunities WHERE id = $1', [o.id]);
      expect(row.status).toBe('EXPIRED');
      expect((await t.gql.error(CLOSE, { id: o.id }, recruiterA)).extensions?.code).toBe('RULE_VIOLATION');
      expect(await t.app.get(OpportunityExpirySweeper).sweep()).toBe(0);
    } finally {
      t.clock.set('2026-03-01T09:00:00Z');
    }
  });
});
