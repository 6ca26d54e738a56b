import { ConflictError } from '@baton/core';
import { TRANSACTION_ATTEMPTS, TransactionRunner } from '@baton/database';
import { serverUrl } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';

/** PostgreSQL's own refusal, as a deadlock or a serialization failure would arrive. */
const abortAs = (code: '40001' | '40P01') => `DO $$ BEGIN RAISE EXCEPTION 'aborted for the test' USING ERRCODE = '${code}'; END $$`;

/**
 * TransactionRunner runs a unit of work again when PostgreSQL aborts it as a deadlock (40P01) or a
 * serialization failure (40001); after-commit callbacks run once, for the attempt that committed.
 */
describe('transactions: retry of deadlocks and serialization failures', () => {
  let t: TestApp;
  let runner: TransactionRunner;

  beforeAll(async () => {
    t = await startTestApp();
    runner = t.app.get(TransactionRunner);
    await t.dataSource.query(`CREATE TABLE retry_probe (attempt int NOT NULL, label text NOT NULL)`);
  });
  afterAll(() => t?.close());

  it('retries an aborted attempt; only the committed attempt’s writes and callbacks remain', async () => {
    const ran: number[] = [];
    let attempts = 0;
    const result = await runner.run(async ({ manager, afterCommit }) => {
      const attempt = ++attempts;
      await manager.query(`INSERT INTO retry_probe (attempt, label) VALUES ($1, 'once')`, [attempt]);
      afterCommit(() => void ran.push(attempt));
      if (attempt < 3) await manager.query(abortAs(attempt === 1 ? '40P01' : '40001'));
      return `committed on attempt ${attempt}`;
    });
    expect(result).toBe('committed on attempt 3');
    expect(ran).toEqual([3]);
    expect(await t.dataSource.query(`SELECT attempt FROM retry_probe WHERE label = 'once'`)).toEqual([{ attempt: 3 }]);
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts with a retryable CONFLICT; nothing committed, no callback`, async () => {
    const ran: number[] = [];
    let attempts = 0;
    const failing = runner.run(async ({ manager, afterCommit }) => {
      const attempt = ++attempts;
      await manager.query(`INSERT INTO retry_probe (attempt, label) VALUES ($1, 'never')`, [attempt]);
      afterCommit(() => void ran.push(attempt));
      await manager.query(abortAs('40P01'));
    });
    await expect(failing).rejects.toBeInstanceOf(ConflictError);
    await expect(failing).rejects.toMatchObject({ code: 'CONFLICT', details: { retryable: true, reason: 'DEADLOCK' } });
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(ran).toEqual([]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM retry_probe WHERE label = 'never'`)).toEqual([{ n: 0 }]);
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      runner.run(async ({ manager }) => {
        attempts++;
        await manager.query(`SELECT 1 / 0`);
      }),
    ).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '22012' }) });
    expect(attempts).toBe(1);
  });

  // Two connections are needed for a real deadlock: the embedded database has one.
  (serverUrl() ? it : it.skip)('a real deadlock between two units of work: PostgreSQL aborts one, the runner retries it, both commit', async () => {
    await t.dataSource.query(`CREATE TABLE deadlock_probe (id int PRIMARY KEY, n int NOT NULL)`);
    await t.dataSource.query(`INSERT INTO deadlock_probe VALUES (1, 0), (2, 0)`);
    let attempts = 0;
    let bothHoldOne!: () => void;
    const firstLocks = new Promise<void>((resolve) => (bothHoldOne = resolve));
    let holders = 0;
    // Each locks one row, waits until the other holds its own, then reaches for the other's: a cycle.
    const crosswise = (mine: number, theirs: number) =>
      runner.run(async ({ manager }) => {
        attempts++;
        await manager.query(`UPDATE deadlock_probe SET n = n + 1 WHERE id = $1`, [mine]);
        if (++holders === 2) bothHoldOne();
        await Promise.race([firstLocks, new Promise((r) => setTimeout(r, 2000))]);
        await manager.query(`UPDATE deadlock_probe SET n = n + 1 WHERE id = $1`, [theirs]);
      });
    await Promise.all([crosswise(1, 2), crosswise(2, 1)]);
    expect(attempts).toBe(3); // two first attempts, one of them aborted and run again
    expect(await t.dataSource.query(`SELECT id, n FROM deadlock_probe ORDER BY id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });
});
