import { Role } from '@baton/auth';
import { TransactionRunner } from '@baton/database';
import { JobInfo, JobQueue } from '@baton/queue';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { createEvent } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { jobRuns, testJobsModule, waitFor } from '../utils/test-jobs';

/** Jobs: durability across restarts, in-transaction enqueue, retries with backoff, cancellation, progress. */
describe('job queue', () => {
  let db: TestDatabase;
  let t: TestApp;
  let queue: JobQueue;
  const FAST = { JOBS: 'api', JOB_POLL_SECONDS: '0.5' };
  const start = (env: Record<string, string>) => startTestApp({ db, env, imports: [testJobsModule('api')] });
  const job = (id: string) => queue.find(id) as Promise<JobInfo>;
  const settled = (id: string) =>
    waitFor(`job ${id} to settle`, async () => ((await job(id)).state === 'completed' || (await job(id)).state === 'failed' ? job(id) : undefined));
  const runsOf = (id: string) => jobRuns.filter((r) => r.id === id);

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  // Two app boots: more than the default timeout on a loaded machine.
  it('a job queued while no process runs jobs survives a restart and then runs exactly once', async () => {
    t = await start({ JOBS: 'off' });
    queue = t.app.get(JobQueue);
    const id = (await queue.enqueue('test.record', { n: 1 }))!;
    expect((await job(id)).state).toBe('created');
    await t.close();

    t = await start(FAST);
    queue = t.app.get(JobQueue);
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'completed', attempts: 1, result: { seen: 1 }, error: null });
    // A second job queued after it and run: by then a duplicate of the first would have run too.
    await settled((await queue.enqueue('test.record', { n: 2 }))!);
    expect(runsOf(id)).toHaveLength(1);
  }, 90_000);

  it('enqueues inside the caller’s transaction: a rollback leaves no job, a commit makes it runnable', async () => {
    const transactions = t.app.get(TransactionRunner);
    let rolledBack: string | null = null;
    await expect(
      transactions.run(async (tx) => {
        rolledBack = await queue.enqueue('test.record', { n: 3 }, { tx });
        throw new Error('abort the change');
      }),
    ).rejects.toThrow('abort the change');
    expect(rolledBack).toMatch(/^[0-9a-f-]{36}$/);
    expect(await queue.find(rolledBack!)).toBeNull();

    const committed = await transactions.run((tx) => queue.enqueue('test.record', { n: 4 }, { tx }));
    expect(await settled(committed!)).toMatchObject({ state: 'completed', result: { seen: 4 } });
  });

  it('retries a failing job with growing delays until it succeeds', async () => {
    const id = (await queue.enqueue('test.flaky', { succeedOn: 3 }))!;
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'completed', attempts: 3, result: { attempt: 3 } });
    const runs = runsOf(id);
    expect(runs.map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'done'],
    ]);
    // pg-boss backoff: delay × 2^n / 2 × (1 + random) → at least 1 s, then at least 2 s (database clock).
    const gap = (a: number, b: number) => runs[b].at.getTime() - runs[a].at.getTime();
    expect(gap(0, 1)).toBeGreaterThanOrEqual(1000);
    expect(gap(1, 2)).toBeGreaterThanOrEqual(2000);
  });

  it('gives up after the retry limit: failed, with the last error and every attempt made', async () => {
    const id = (await queue.enqueue('test.doomed'))!;
    const failed = await settled(id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2, retryLimit: 1, error: 'doomed attempt 2' });
    expect(runsOf(id).map((r) => r.attempt)).toEqual([1, 2]);
  });

  it('shows progress while a job runs and keeps the last one when it completes', async () => {
    const id = (await queue.enqueue('test.slow', { steps: 30 }))!;
    const running = await waitFor('progress', async () => {
      const j = await job(id);
      return j.state === 'active' && j.progress && j.progress.done > 0 ? j : undefined;
    });
    expect(running.progress).toMatchObject({ total: 30, stage: 'waiting' });
    expect(running.progress!.done).toBeLessThan(30);
    const done = await settled(id);
    expect(done).toMatchObject({ state: 'completed', progress: { done: 30, total: 30, stage: 'waiting' }, result: { steps: 30 } });
  });

  it('cancels a waiting job (it never runs) and a running one (its signal aborts; no retry)', async () => {
    const waiting = (await queue.enqueue('test.record', { n: 5 }, { startAfterSeconds: 3600 }))!;
    expect((await queue.cancel(waiting)).state).toBe('cancelled');

    const id = (await queue.enqueue('test.slow', { steps: 10_000 }))!;
    await waitFor('the slow job to run', async () => ((await job(id)).state === 'active' && runsOf(id).length === 1 ? true : undefined));
    expect((await queue.cancel(id)).state).toBe('cancelled');
    await waitFor('the handler to see the abort', () => runsOf(id)[0]?.outcome === 'aborted');
    // Cancelling again, or a finished job, changes nothing.
    expect((await queue.cancel(id)).state).toBe('cancelled');
    await settled((await queue.enqueue('test.record', { n: 6 }))!);
    expect(await job(id)).toMatchObject({ state: 'cancelled', attempts: 1 });
    expect(runsOf(waiting)).toHaveLength(0);
  });

  it('refuses unknown jobs, oversized payloads and ids that are not jobs', async () => {
    await expect(queue.enqueue('test.nope')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(queue.enqueue('test.record', { blob: 'x'.repeat(5000) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(queue.cancel('not-a-uuid')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(queue.cancel('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('runs a job directly, outside the queue, for tests and commands', async () => {
    const before = jobRuns.length;
    expect(await queue.runNow('test.record', { n: 7 })).toEqual({ result: { seen: 7 }, progress: null });
    expect(jobRuns.slice(before)).toEqual([expect.objectContaining({ id: expect.stringMatching(/^direct:/), attempt: 1 })]);
  });

  describe('GraphQL: jobs and cancelJob (admins only)', () => {
    const JOBS = `query J($state: JobState, $name: String, $first: Int, $after: String) {
      jobs(state: $state, name: $name, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id name state attempts retryLimit error createdAt startedAt completedAt progress { done total percent stage } } }
      }
    }`;
    const CANCEL = `mutation C($id: ID!) { cancelJob(id: $id) { id state completedAt } }`;
    const tokens: Record<string, string> = {};
    const login = async (email: string) =>
      (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken as string;

    beforeAll(async () => {
      tokens.admin = await login((await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
      const event = await createEvent(t.dataSource);
      tokens.staff = await login((await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }])).email);
    });

    it('lists jobs newest first with filters, progress and keyset pages', async () => {
      const first = (await t.gql.ok(JOBS, { name: 'test.slow', state: 'COMPLETED' }, tokens.admin)).jobs;
      expect(first.totalCount).toBe(1);
      expect(first.edges[0].node).toMatchObject({
        name: 'test.slow',
        state: 'COMPLETED',
        attempts: 1,
        progress: { done: 30, total: 30, percent: 100, stage: 'waiting' },
      });
      const all = (await t.gql.ok(JOBS, { name: 'test.record' }, tokens.admin)).jobs;
      expect(all.totalCount).toBeGreaterThanOrEqual(4);
      const pages: string[] = [];
      let after: string | null = null;
      do {
        const page: any = (await t.gql.ok(JOBS, { name: 'test.record', first: 2, after }, tokens.admin)).jobs;
        pages.push(...page.edges.map((e: any) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(pages).toEqual(all.edges.map((e: any) => e.node.id));
      const created = all.edges.map((e: any) => e.node.createdAt);
      expect([...created].sort().reverse()).toEqual(created);
      const failed = (await t.gql.ok(JOBS, { name: 'test.doomed', state: 'FAILED' }, tokens.admin)).jobs.edges[0].node;
      expect(failed).toMatchObject({ attempts: 2, retryLimit: 1, error: 'doomed attempt 2' });
    });

    it('cancels a waiting job; finished ones come back unchanged', async () => {
      const id = (await queue.enqueue('test.record', { n: 8 }, { startAfterSeconds: 3600 }))!;
      expect((await t.gql.ok(CANCEL, { id }, tokens.admin)).cancelJob).toMatchObject({ id, state: 'CANCELLED' });
      expect((await t.gql.ok(CANCEL, { id }, tokens.admin)).cancelJob.state).toBe('CANCELLED');
      expect(runsOf(id)).toHaveLength(0);
    });

    it('refuses other roles and anonymous callers, and bad input, changing nothing', async () => {
      const id = (await queue.enqueue('test.record', { n: 9 }, { startAfterSeconds: 3600 }))!;
      for (const [token, code] of [
        [tokens.staff, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const) {
        expect((await t.gql.error(JOBS, {}, token)).extensions?.code).toBe(code);
        expect((await t.gql.error(CANCEL, { id }, token)).extensions?.code).toBe(code);
      }
      expect((await job(id)).state).toBe('created');
      expect((await t.gql.error(CANCEL, { id: 'not-a-job' }, tokens.admin)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', constraint: 'uuid' }],
      });
      expect((await t.gql.error(CANCEL, { id: '00000000-0000-4000-8000-000000000000' }, tokens.admin)).extensions?.code).toBe('NOT_FOUND');
      expect((await t.gql.error(JOBS, { after: 'garbage' }, tokens.admin)).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await t.gql.error(JOBS, { first: 100000 }, tokens.admin)).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await t.gql.error(JOBS, { name: 'x'.repeat(51) }, tokens.admin)).extensions?.code).toBe('BAD_USER_INPUT');
      expect((await t.gql.error(JOBS, { state: 'SLEEPING' }, tokens.admin)).extensions?.code).toBe('BAD_USER_INPUT');
      await queue.cancel(id);
    });
  });
});
