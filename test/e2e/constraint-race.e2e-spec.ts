import { Role } from '@baton/auth';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { serverUrl } from '../utils/test-database';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE = `mutation S($code: String!) { createSkill(input: { code: $code, name: "Racing", category: "race" }) { id code } }`;

/**
 * Two writes of the same unique key at the same moment: the second cannot see the first (it is not
 * committed yet), so only the database can refuse it. That refusal must reach the client as the
 * typed CONFLICT the skills module registered for `skills_code_key`, not as INTERNAL.
 * Needs two connections, so the server database only (the embedded one serialises transactions).
 */
describe('constraint translation under a race', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    token = (await t.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(() => t?.close());

  (serverUrl() ? it : it.skip)('the write that loses the unique-key race gets CONFLICT with the constraint and the field, and changes nothing', async () => {
    const rival = t.dataSource.createQueryRunner();
    await rival.connect();
    try {
      await rival.startTransaction();
      await rival.query(`INSERT INTO skills (code, name, category) VALUES ('RACE_KEY', 'Rival', 'race')`);
      const answer = t.gql.request(CREATE, { code: 'RACE_KEY' }, token);
      // The API's INSERT is now queued behind the rival's uncommitted row on the unique index.
      await waitUntilBlocked();
      await rival.commitTransaction();
      const result = await answer;
      expect(result.data?.createSkill ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', constraint: 'skills_code_key', field: 'code' });
    } finally {
      if (rival.isTransactionActive) await rival.rollbackTransaction();
      await rival.release();
    }
    const rows = await t.dataSource.query(`SELECT name FROM skills WHERE code = 'RACE_KEY'`);
    expect(rows).toEqual([{ name: 'Rival' }]);
  });

  async function waitUntilBlocked(): Promise<void> {
    for (let i = 0; i < 600; i++) {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO "skills"%'`,
      );
      if (row.waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the API never queued behind the rival insert');
  }
});
