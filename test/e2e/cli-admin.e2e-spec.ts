import { UserEntity } from '@baton/identity';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const ROOT = resolve(__dirname, '../..');
const CLI_TIMEOUT = 120_000;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command line as an operator runs it: a child process on the test database, the password on standard input. */
function cli(t: TestApp, args: string[], stdin: string | null): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...t.env, DB_POOL_SIZE: '1', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    if (stdin !== null) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

describe('cli: admin create', () => {
  let t: TestApp;
  const login = (email: string, password: string) =>
    t.gql.request(
      `mutation L($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { user { email roles { role } } } }`,
      {
        email,
        password,
      },
    );

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it(
    'creates the first admin with the password from standard input; they can then log in over GraphQL; audited without an actor',
    async () => {
      const run = await cli(t, ['admin', 'create', '--email', 'Root@Example.org', '--name', 'Root Admin'], 'a long enough passphrase\n');
      expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('Created the admin account root@example.org') });
      expect(run.stdout + run.stderr).not.toContain('a long enough passphrase');
      const signedIn = await login('root@example.org', 'a long enough passphrase');
      expect(signedIn.data?.login.user).toEqual({ email: 'root@example.org', roles: [{ role: 'ADMIN' }] });
      const audit = await t.dataSource.query(
        `SELECT action, actor_user_id, reason, after FROM audit_entries WHERE action IN ('user.created', 'user.role_granted') ORDER BY action`,
      );
      expect(audit).toEqual([
        {
          action: 'user.created',
          actor_user_id: null,
          reason: expect.stringContaining('admin create'),
          after: expect.objectContaining({ email: 'root@example.org' }),
        },
        {
          action: 'user.role_granted',
          actor_user_id: null,
          reason: expect.stringContaining('admin create'),
          after: expect.objectContaining({ role: 'ADMIN' }),
        },
      ]);
      expect(JSON.stringify(audit)).not.toContain('passphrase');
    },
    CLI_TIMEOUT,
  );

  it(
    'refuses an existing email (nothing changes) unless --grant-existing, which makes that account an admin and keeps its password',
    async () => {
      const person = await createUser(t.dataSource, [], { email: 'someone@example.org' });
      const refused = await cli(t, ['admin', 'create', '--email', 'someone@example.org', '--name', 'Someone'], 'another passphrase\n');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('already exists; nothing was changed. Add --grant-existing');
      expect((await login(person.email, TEST_PASSWORD)).data?.login.user.roles).toEqual([]);

      const granted = await cli(t, ['admin', 'create', '--email', 'someone@example.org', '--grant-existing'], null);
      expect(granted).toMatchObject({ code: 0, stdout: expect.stringContaining('Granted ADMIN to the existing account someone@example.org') });
      expect((await login(person.email, TEST_PASSWORD)).data?.login.user.roles).toEqual([{ role: 'ADMIN' }]);
    },
    CLI_TIMEOUT,
  );

  it(
    'applies the API password policy and never takes a password from the arguments',
    async () => {
      const weak = await cli(t, ['admin', 'create', '--email', 'weak@example.org', '--name', 'Weak'], 'short\n');
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('at least 10 characters');
      const inArgv = await cli(t, ['admin', 'create', '--email', 'argv@example.org', '--name', 'Argv', '--password', 'a long enough passphrase'], null);
      expect(inArgv.code).toBe(1);
      expect(inArgv.stderr).toContain('never taken from the command line');
      expect(await t.dataSource.getRepository(UserEntity).countBy([{ email: 'weak@example.org' }, { email: 'argv@example.org' }])).toBe(0);
    },
    CLI_TIMEOUT,
  );
});
