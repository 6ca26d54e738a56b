import { TransactionRunner } from '@baton/database';
import { JobInfo, JobQueue } from '@baton/queue';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
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
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

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
  });

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
});
