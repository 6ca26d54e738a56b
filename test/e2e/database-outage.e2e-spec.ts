import { Role } from '@baton/auth';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';
import { adminQuery, serverUrl } from '../utils/test-database';

/**
 * Losing the database must not take the process down: requests fail with a clean, retryable
 * error while it is gone, and the app recovers by itself when it is back. Killing backends
 * needs a PostgreSQL server; the embedded database lives inside the process.
 */
const onServer = serverUrl() ? describe : describe.skip;

onServer('database outage', () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    const user = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    token = (await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(async () => {
    await adminQuery(serverUrl()!, `ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`).catch(() => undefined);
    await t?.close();
  });

  const terminate = () =>
    adminQuery(serverUrl()!, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${t.db.name}' AND pid <> pg_backend_pid()`);

  it('survives its connections being killed under load, with only clean errors', async () => {
    const codes = new Map<string, number>();
    const load = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 25; i++) {
        const result = await t.gql.request('{ me { id } events { id } }', {}, token);
        const code = result.errors?.[0]?.extensions?.code ?? 'OK';
        codes.set(code, (codes.get(code) ?? 0) + 1);
        expect(result.status).toBeLessThan(500);
        expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.js:\d+/);
      }
    });
    const killer = (async () => {
      for (let i = 0; i < 5; i++) {
        await terminate();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    await Promise.all([...load, killer]);
    expect(codes.get('OK')).toBeGreaterThan(0);
    expect([...codes.keys()].filter((code) => !['OK', 'SERVICE_UNAVAILABLE'].includes(code))).toEqual([]);
    // Afterwards every request works again without a restart.
    expect((await t.gql.request('{ me { id } }', {}, token)).errors).toBeUndefined();
  });

  it('reports SERVICE_UNAVAILABLE and not-ready while the database refuses connections, then recovers', async () => {
    await adminQuery(serverUrl()!, `ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS false`);
    await terminate();
    const during = await t.gql.request('{ me { id } }', {}, token);
    expect(during.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);

    await adminQuery(serverUrl()!, `ALTER DATABASE "${t.db.name}" ALLOW_CONNECTIONS true`);
    expect((await t.gql.request('{ me { id } }', {}, token)).errors).toBeUndefined();
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
  });
});
