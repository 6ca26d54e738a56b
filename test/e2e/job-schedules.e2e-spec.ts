import { INestApplicationContext, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { OUTBOX_DELIVERY_JOB, OutboxMessageEntity, OutboxService, OutboxStatus } from '@baton/outbox';
import { TransactionRunner } from '@baton/database';
import { JobQueue, JobScheduler, JobStartGate } from '@baton/queue';
import { NO_SHOW_SWEEP_JOB } from '@baton/rostering';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';
import { jobRuns, testJobsModule, waitFor } from '../utils/test-jobs';
import { startTestWorker } from '../utils/test-worker';

const SCHEDULED = [OUTBOX_DELIVERY_JOB, NO_SHOW_SWEEP_JOB];

/** The scheduled jobs of this database, per name and slot. */
async function scheduledRuns(dataSource: DataSource): Promise<Array<{ name: string; slot: string; runs: number; completed: number }>> {
  return dataSource.query(
    `SELECT name, singleton_on::text AS slot, count(*)::int AS runs, count(*) FILTER (WHERE state = 'completed')::int AS completed
       FROM pgboss.job WHERE name = ANY($1) AND singleton_key = 'schedule' GROUP BY name, singleton_on ORDER BY name, singleton_on`,
    [SCHEDULED],
  );
}

/**
 * The outbox delivery and the no-show sweep are scheduled jobs: they run on schedule in API mode,
 * once per slot however many instances run; with JOBS=worker only the worker runs jobs.
 */
describe('scheduled jobs and the worker', () => {
  let db: TestDatabase;
  const apps: TestApp[] = [];
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
  }, 60_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await worker?.close();
    await db?.drop();
  });

  it('two API instances (JOBS=api) both schedule, and each slot of each periodic job runs once', async () => {
    // Intervals shortened from 2 s and 60 s so the test sees several slots.
    const env = { JOBS: 'api', JOB_POLL_SECONDS: '0.5', JOB_INTERVALS: `${OUTBOX_DELIVERY_JOB}=1,${NO_SHOW_SWEEP_JOB}=1` };
    apps.push(await startTestApp({ db, env }), await startTestApp({ db, env }));
    const [a] = apps;
    // A message enqueued with a change is delivered by the schedule, with nobody calling deliverPending().
    await a.app
      .get(TransactionRunner)
      .run(({ manager }) => a.app.get(OutboxService).enqueue(manager, { recipient: 'scheduled@example.org', template: 't', subject: 's', body: 'b' }));
    // Both instances must have offered two slots of each job too: the second one can start a few seconds
    // after the first on a loaded machine, and three slots may already be done by then (CI saw it once).
    const completedSlots = async () => {
      const rows = await scheduledRuns(a.dataSource);
      const offeredTwice = apps.every((app) => SCHEDULED.every((name) => (app.app.get(JobScheduler).stats()[name]?.offered ?? 0) >= 2));
      return offeredTwice && SCHEDULED.every((name) => rows.filter((r) => r.name === name && r.completed === 1).length >= 3) ? rows : undefined;
    };
    await waitFor('three completed slots of each scheduled job, each offered by both instances', completedSlots, 30_000);
    await Promise.all(apps.map((app) => app.app.get(JobScheduler).stop()));
    const rows = await scheduledRuns(a.dataSource);
    expect(rows.filter((r) => r.runs !== 1)).toEqual([]);
    // Both instances offered every slot they saw; between them they won exactly the slots that exist.
    const stats = apps.map((app) => app.app.get(JobScheduler).stats());
    for (const name of SCHEDULED) {
      expect(stats.map((s) => s[name].offered)).toEqual([expect.any(Number), expect.any(Number)]);
      expect(Math.min(...stats.map((s) => s[name].offered))).toBeGreaterThanOrEqual(2);
      expect(stats[0][name].won + stats[1][name].won).toBe(rows.filter((r) => r.name === name).length);
      expect(stats[0][name].offered + stats[1][name].offered).toBeGreaterThan(rows.filter((r) => r.name === name).length);
    }
    const message = await a.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ recipient: 'scheduled@example.org' });
    expect(message.status).toBe(OutboxStatus.SENT);
    for (const app of apps.splice(0)) await app.close();
  }, 90_000);

  it('JOBS=worker: the API only enqueues, the worker app runs the job and the schedules', async () => {
    const env = { JOBS: 'worker', JOB_POLL_SECONDS: '0.5', JOB_INTERVALS: `${OUTBOX_DELIVERY_JOB}=1` };
    const api = await startTestApp({ db, env, imports: [testJobsModule('api')] });
    apps.push(api);
    worker = await startTestWorker({ db, env, imports: [testJobsModule('worker')] });
    const queue = api.app.get(JobQueue);
    const id = (await queue.enqueue('test.record', { n: 1 }))!;
    await waitFor('the worker to run it', async () => ((await queue.find(id))?.state === 'completed' ? true : undefined));
    expect(jobRuns.filter((r) => r.id === id).map((r) => r.role)).toEqual(['worker']);

    // The schedules run too: slots keep completing after the API instances of the first test stopped.
    const before = (await scheduledRuns(api.dataSource)).filter((r) => r.name === OUTBOX_DELIVERY_JOB && r.completed).length;
    await waitFor('new outbox slots from the worker', async () => {
      const now = (await scheduledRuns(api.dataSource)).filter((r) => r.name === OUTBOX_DELIVERY_JOB && r.completed).length;
      return now >= before + 2 ? true : undefined;
    });

    // A running job is cancelled from the API while the worker runs it: the worker's run aborts.
    const slow = (await queue.enqueue('test.slow', { steps: 10_000 }))!;
    await waitFor('the slow job to run', async () => ((await queue.find(slow))?.state === 'active' ? true : undefined));
    await queue.cancel(slow);
    await waitFor('the worker to see the cancellation', () => jobRuns.find((r) => r.id === slow)?.outcome === 'aborted');
    expect(jobRuns.find((r) => r.id === slow)?.role).toBe('worker');
  }, 90_000);

  it('a start-up task holding the gate (the demo seed) keeps the loops and schedules waiting, then they start', async () => {
    const own = await createTestDatabase();
    let release: () => void = () => undefined;
    @Injectable()
    class HoldsTheGate implements OnModuleInit {
      constructor(private readonly gate: JobStartGate) {}
      onModuleInit() {
        release = this.gate.hold();
      }
    }
    @Module({ providers: [HoldsTheGate] })
    class HoldingModule {}
    const env = { JOBS: 'api', JOB_POLL_SECONDS: '0.5', JOB_INTERVALS: `${OUTBOX_DELIVERY_JOB}=1,${NO_SHOW_SWEEP_JOB}=1` };
    const app = await startTestApp({ db: own, env, imports: [HoldingModule] });
    try {
      // The app answers meanwhile; only the jobs wait. Two slots of 1 s go by with no offer.
      expect((await app.gql.request('{ __typename }')).data).toEqual({ __typename: 'Query' });
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(app.app.get(JobScheduler).stats()).toEqual({});
      expect(await scheduledRuns(app.dataSource)).toEqual([]);
      release();
      await waitFor('a completed slot of each scheduled job once released', async () => {
        const rows = await scheduledRuns(app.dataSource);
        return SCHEDULED.every((name) => rows.some((r) => r.name === name && r.completed === 1)) || undefined;
      });
    } finally {
      await app.close();
      await own.drop();
    }
  }, 60_000);
});
