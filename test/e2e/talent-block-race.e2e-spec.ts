import { ProfileQueryService, ProfileViewer } from '@baton/alumni';
import { MemberFixture } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { createRecruiter, createTalent } from '../factories/talent';
import { GraphqlResponse } from '../utils/graphql-client';
import { serverUrl } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { TalentEngineService } from '../../libs/talent/src/search/engine/talent-engine.service';
import { TalentSearchService } from '../../libs/talent/src/search/talent-search.service';

const WITHDRAW = `mutation { withdrawAlumniConsent { member } }`;
const BLOCK = `mutation($o: ID!) { blockOrganisation(organisationId: $o) { organisationId } }`;
const REQUEST = `mutation($id: ID!) { requestContact(input: { alumnusId: $id, message: "Hello from the results team" }) { id status } }`;
const SEARCH = `query($text: String!) { talentSearch(filter: { text: $text }) { totalCount edges { node { userId } } } }`;
const PROFILE = `query($id: ID!) { talentProfile(userId: $id) { userId } }`;

/** One distinct word per person and round, so a search for it finds that person only (names also match with typos). */
const WITHDRAW_ROUNDS = ['Quebec', 'Romeo', 'Sierra', 'Tango', 'Uniform', 'Victor'];
const CONTACT_ROUNDS = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
const code = (result: GraphqlResponse) => result.errors?.[0]?.extensions?.code ?? 'OK';

/**
 * An alumnus withdraws their consent and blocks an organisation at the same moment; an alumnus
 * blocks an organisation while one of its recruiters asks for their contact details. Whatever the
 * interleaving, the writes end consistent: each applied or refused with a clean error, the blocked
 * organisation's recruiters never find the person (after the withdrawal nobody does), no request
 * from the blocked organisation is left pending or accepted, and the search engine agrees with a
 * fresh one built from the database. The concurrent rounds need two connections, so the server
 * database only (the embedded one serialises transactions); the database rule itself runs on both.
 */
describe('talent: a block racing a consent withdrawal or a contact request', () => {
  let t: TestApp;
  let blocked: { id: string; token: string };
  let other: { id: string; token: string };
  let blockedOrganisation: string;
  let otherOrganisation: string;
  const onServer = serverUrl() ? it : it.skip;

  beforeAll(async () => {
    t = await startTestApp();
    blockedOrganisation = (await createOrganisation(t.dataSource, { name: 'Blocked Ltd' })).id;
    otherOrganisation = (await createOrganisation(t.dataSource, { name: 'Other Ltd' })).id;
    blocked = await createRecruiter(t, blockedOrganisation);
    other = await createRecruiter(t, otherOrganisation);
  }, 120_000);
  afterAll(() => t?.close());

  const person = (name: string): Promise<MemberFixture> => createTalent(t, { name, headline: 'Racing engineer' });
  /** Who a recruiter finds; the engine's count must agree with the profiles the policy lets through (it re-checks each one). */
  const found = async (token: string, text: string) => {
    const { totalCount, edges } = (await t.gql.ok(SEARCH, { text }, token)).talentSearch as { totalCount: number; edges: Array<{ node: { userId: string } }> };
    expect(totalCount).toBe(edges.length);
    return edges.map((e) => e.node.userId).sort();
  };
  const viewerOf = (recruiter: { id: string }, organisationId: string): ProfileViewer => ({
    kind: 'RECRUITER',
    userId: recruiter.id,
    organisationId,
  });

  /** The app's engine (kept by catch-ups through the races) against one loaded now from the database. */
  const expectEngineAgrees = async () => {
    const fresh = new TalentSearchService(t.dataSource, t.app.get(ProfileQueryService), new TalentEngineService(t.dataSource), null as never);
    const live = t.app.get(TalentSearchService);
    for (const [recruiter, organisationId] of [
      [blocked, blockedOrganisation],
      [other, otherOrganisation],
    ] as const) {
      const page = { first: 1000, after: null, facets: true };
      const [mine, theirs] = await Promise.all([
        live.hits(viewerOf(recruiter, organisationId), { text: 'racing engineer' }, page),
        fresh.hits(viewerOf(recruiter, organisationId), { text: 'racing engineer' }, page),
      ]);
      // The same people, in the same order with the same scores: a page and its cursors do not depend on the engine's history.
      const ranked = (hits: Array<{ userId: string; score: number }>) => hits.map((h) => [h.userId, Number(h.score.toPrecision(12))]);
      expect(ranked(mine.hits)).toEqual(ranked(theirs.hits));
      expect(mine.totalCount).toBe(theirs.totalCount);
      expect(mine.facets).toEqual(theirs.facets);
    }
  };

  const openRequests = async (alumnusId: string) =>
    (
      await t.dataSource.query(
        `SELECT status FROM talent_contact_requests WHERE alumnus_id = $1 AND organisation_id = $2 AND status IN ('PENDING', 'ACCEPTED')`,
        [alumnusId, blockedOrganisation],
      )
    ).map((r: { status: string }) => r.status);

  it('the database refuses a pending request from an organisation the alumnus blocked (any writer, both databases)', async () => {
    const member = await person('Rule Person');
    await t.dataSource.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [member.id, blockedOrganisation]);
    const insert = t.dataSource.query(
      `INSERT INTO talent_contact_requests (organisation_id, alumnus_id, message, expires_at) VALUES ($1, $2, 'Hi', now() + interval '1 day')`,
      [blockedOrganisation, member.id],
    );
    await expect(insert).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'talent_contact_requests_not_blocked' } });
    // Another organisation may still ask, and the blocked one's declined history stays as it was.
    await t.dataSource.query(
      `INSERT INTO talent_contact_requests (organisation_id, alumnus_id, message, expires_at) VALUES ($1, $2, 'Hi', now() + interval '1 day')`,
      [otherOrganisation, member.id],
    );
    expect(await openRequests(member.id)).toEqual([]);
  });

  onServer('withdrawal and block at the same moment: both apply (or one is cleanly refused) and nobody finds the person afterwards', async () => {
    for (const [round, name] of WITHDRAW_ROUNDS.entries()) {
      const member = await person(`${name} Withdrawing`);
      expect(await found(other.token, name)).toEqual([member.id]);
      const withdraw = () => t.gql.request(WITHDRAW, {}, member.token);
      const block = () => t.gql.request(BLOCK, { o: blockedOrganisation }, member.token);
      // Vary who starts first, and let a search run through the middle of it (the engine catches up concurrently).
      const calls = round % 2 === 0 ? [withdraw, block] : [block, withdraw];
      const [first, second, during] = await Promise.all([calls[0](), calls[1](), t.gql.request(SEARCH, { text: name }, other.token)]);
      const [withdrawn, blockedResult] = round % 2 === 0 ? [first, second] : [second, first];
      expect(code(during)).toBe('OK');
      expect(code(withdrawn)).toBe('OK');
      expect(withdrawn.data?.withdrawAlumniConsent).toEqual({ member: false });
      // Blocking needs the alumni role the withdrawal removes: refused cleanly when the withdrawal came first.
      expect(['OK', 'FORBIDDEN']).toContain(code(blockedResult));
      const [{ active }] = await t.dataSource.query(`SELECT count(*)::int AS active FROM alumni_consents WHERE user_id = $1 AND withdrawn_at IS NULL`, [
        member.id,
      ]);
      expect(active).toBe(0);
      const blocks = await t.dataSource.query(`SELECT 1 FROM alumni_organisation_blocks WHERE user_id = $1 AND organisation_id = $2`, [
        member.id,
        blockedOrganisation,
      ]);
      expect(blocks).toHaveLength(code(blockedResult) === 'OK' ? 1 : 0);
      for (const recruiter of [blocked, other]) {
        expect(await found(recruiter.token, name)).toEqual([]);
        expect(code(await t.gql.request(PROFILE, { id: member.id }, recruiter.token))).toBe('NOT_FOUND');
      }
    }
    await expectEngineAgrees();
  });

  onServer('block and contact request at the same moment: no request from the blocked organisation stays open', async () => {
    for (const [round, name] of CONTACT_ROUNDS.entries()) {
      const member = await person(`${name} Blocking`);
      const block = () => t.gql.request(BLOCK, { o: blockedOrganisation }, member.token);
      const ask = () => t.gql.request(REQUEST, { id: member.id }, blocked.token);
      const [a, b] = round % 2 === 0 ? await Promise.all([block(), ask()]) : (await Promise.all([ask(), block()])).reverse();
      expect(code(a)).toBe('OK');
      // The request got in first (then the block declined it) or came second (then the person reads as not found).
      expect(['OK', 'NOT_FOUND']).toContain(code(b));
      expect(await openRequests(member.id)).toEqual([]);
      expect(await found(blocked.token, name)).toEqual([]);
      expect(await found(other.token, name)).toEqual([member.id]);
    }
    await expectEngineAgrees();
  });

  onServer('a request whose visibility check passed before the block committed is refused, not left pending', async () => {
    const member = await person('Late Request');
    const quota = async () =>
      (await t.dataSource.query(`SELECT coalesce(sum(sent), 0)::int AS sent FROM talent_contact_quotas WHERE recruiter_id = $1`, [blocked.id]))[0].sent;
    const spent = await quota();
    const rival = t.dataSource.createQueryRunner();
    await rival.connect();
    let answer: Promise<GraphqlResponse> | undefined;
    try {
      await rival.startTransaction();
      // The block as BlockService writes it, not yet committed: the request below still sees the person.
      await rival.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [member.id, blockedOrganisation]);
      await rival.query(
        `UPDATE talent_contact_requests SET status = 'DECLINED', answered_at = now() WHERE alumnus_id = $1 AND organisation_id = $2 AND status = 'PENDING'`,
        [member.id, blockedOrganisation],
      );
      let settled = false;
      answer = t.gql.request(REQUEST, { id: member.id }, blocked.token).finally(() => (settled = true));
      await waitUntil(() => settled, 'INSERT INTO talent_contact_requests%');
      await rival.commitTransaction();
      const result = await answer;
      expect(code(result)).toBe('NOT_FOUND');
    } finally {
      if (rival.isTransactionActive) await rival.rollbackTransaction();
      await rival.release();
      await answer?.catch(() => undefined);
    }
    expect(await openRequests(member.id)).toEqual([]);
    // Refused in its transaction: the recruiter's daily quota was not spent on it.
    expect(await quota()).toBe(spent);
  });

  onServer('a withdrawal and a block still running while a search catches up are in the searches after their commits', async () => {
    const member = await person('Lima Pending');
    expect(await found(other.token, 'lima')).toEqual([member.id]);
    const withdrawing = t.dataSource.createQueryRunner();
    const blocking = t.dataSource.createQueryRunner();
    await Promise.all([withdrawing.connect(), blocking.connect()]);
    try {
      await withdrawing.startTransaction();
      await blocking.startTransaction();
      // Both write (so hold a transaction id) before the searches below take their snapshot, and commit after.
      await withdrawing.query(`UPDATE alumni_consents SET withdrawn_at = now() WHERE user_id = $1 AND withdrawn_at IS NULL`, [member.id]);
      await blocking.query(`INSERT INTO alumni_organisation_blocks (user_id, organisation_id) VALUES ($1, $2)`, [member.id, blockedOrganisation]);
      expect(await found(blocked.token, 'lima')).toEqual([member.id]);
      expect(await found(other.token, 'lima')).toEqual([member.id]);
      await blocking.commitTransaction();
      expect(await found(blocked.token, 'lima')).toEqual([]);
      expect(await found(other.token, 'lima')).toEqual([member.id]);
      await withdrawing.commitTransaction();
      expect(await found(other.token, 'lima')).toEqual([]);
    } finally {
      for (const runner of [withdrawing, blocking]) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
    }
    await expectEngineAgrees();
  });

  onServer('a block committed after a request it could not yet see still declines that request', async () => {
    const member = await person('Early Request');
    const rival = t.dataSource.createQueryRunner();
    await rival.connect();
    let answer: Promise<GraphqlResponse> | undefined;
    try {
      await rival.startTransaction();
      await rival.query(
        `INSERT INTO talent_contact_requests (organisation_id, recruiter_id, alumnus_id, message, expires_at) VALUES ($1, $2, $3, 'Hi', now() + interval '30 days')`,
        [blockedOrganisation, blocked.id, member.id],
      );
      let settled = false;
      answer = t.gql.request(BLOCK, { o: blockedOrganisation }, member.token).finally(() => (settled = true));
      await waitUntil(() => settled, 'INSERT INTO alumni_organisation_blocks%');
      await rival.commitTransaction();
      expect(code(await answer)).toBe('OK');
    } finally {
      if (rival.isTransactionActive) await rival.rollbackTransaction();
      await rival.release();
      await answer?.catch(() => undefined);
    }
    expect(await openRequests(member.id)).toEqual([]);
    const [row] = await t.dataSource.query(`SELECT status FROM talent_contact_requests WHERE alumnus_id = $1`, [member.id]);
    expect(row).toEqual({ status: 'DECLINED' });
  });

  /** Until the API's statement waits on a lock, or its request already ended (then nothing held it back: the assertions after say whether that was right). */
  async function waitUntil(settled: () => boolean, statement: string): Promise<void> {
    for (let i = 0; i < 600 && !settled(); i++) {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1`,
        [statement],
      );
      if (row.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});
