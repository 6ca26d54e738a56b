import { Role } from '@baton/auth';
import { createUser, signIn, TEST_PASSWORD, UserFixture } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const ME = `{ me { id email } }`;
const USERS = `{ users(first: 1) { pageInfo { hasNextPage } } }`;
const LOGOUT = `mutation { logout }`;
const LOGIN = `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { accessToken refreshToken } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(input: { refreshToken: $token }) { accessToken refreshToken } }`;
const CHANGE_PASSWORD = `mutation Change($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken } }`;
const GRANT = `mutation Grant($userId: ID!) { grantRole(userId: $userId, grant: { role: ADMIN }) { id } }`;
const REVOKE = `mutation Revoke($grantId: ID!) { revokeRole(grantId: $grantId) }`;
const SET_STATUS = `mutation SetStatus($userId: ID!, $status: UserStatus!) { setUserStatus(userId: $userId, status: $status) { id } }`;
const DELETE_MINE = `mutation Delete($password: String!) { deleteMyAccount(input: { password: $password }) { erasedAt } }`;

/** The statement of IdentityActorLoader: person, grants and session together. */
const isActorQuery = (sql: string) => sql.includes('FROM refresh_tokens r WHERE r.family_id');

// A TTL far longer than any test, so every "takes effect" below is the invalidation's doing, never expiry.
const CACHE = { ACTOR_CACHE_SECONDS: '60' };

describe('actor cache: who is asking, without a statement per request', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ env: CACHE });
    admin = await signIn(t, await createUser(t.dataSource, [{ role: Role.ADMIN }]));
  });
  afterAll(() => t?.close());

  /** A fresh person and a session whose actor is already cached (one request answered). */
  const warmSession = async (grants: Parameters<typeof createUser>[1] = []): Promise<{ user: UserFixture; token: string; refreshToken: string }> => {
    const user = await createUser(t.dataSource, grants);
    const login = (await t.gql.ok(LOGIN, { email: user.email, password: TEST_PASSWORD })).login;
    expect((await t.gql.ok(ME, {}, login.accessToken)).me.id).toBe(user.id);
    return { user, token: login.accessToken, refreshToken: login.refreshToken };
  };

  it('loads the actor once per session: the second me runs no actor statement', async () => {
    const user = await createUser(t.dataSource);
    const token = await signIn(t, user);
    const sql = countSql(t.dataSource);
    try {
      await t.gql.ok(ME, {}, token);
      expect(sql.statements.filter(isActorQuery)).toHaveLength(1);
      sql.reset();
      expect((await t.gql.ok(ME, {}, token)).me.id).toBe(user.id);
      expect(sql.statements.filter(isActorQuery)).toHaveLength(0);
    } finally {
      sql.stop();
    }
  });

  it('logout ends the session on the very next request', async () => {
    const { token } = await warmSession();
    await t.gql.ok(LOGOUT, {}, token);
    expect((await t.gql.error(ME, {}, token)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('a replayed refresh token (session revoked for reuse) ends the cached session at once', async () => {
    const { token, refreshToken } = await warmSession();
    await t.gql.ok(REFRESH, { token: refreshToken });
    expect((await t.gql.error(REFRESH, { token: refreshToken })).extensions?.reason).toBe('REFRESH_TOKEN_REUSED');
    expect((await t.gql.error(ME, {}, token)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('a password change ends the other sessions at once and the new token works', async () => {
    const { user, token } = await warmSession();
    const second = (await t.gql.ok(LOGIN, { email: user.email, password: TEST_PASSWORD })).login.accessToken;
    await t.gql.ok(ME, {}, second);
    const fresh = (await t.gql.ok(CHANGE_PASSWORD, { current: TEST_PASSWORD, next: 'another long passphrase' }, token)).changePassword.accessToken;
    for (const old of [token, second]) expect((await t.gql.error(ME, {}, old)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.ok(ME, {}, fresh)).me.id).toBe(user.id);
  });

  it('a granted role is usable, and a revoked one refused, on the very next request', async () => {
    const { user, token } = await warmSession();
    expect((await t.gql.error(USERS, {}, token)).extensions?.code).toBe('FORBIDDEN');
    const grantId = (await t.gql.ok(GRANT, { userId: user.id }, admin)).grantRole.id;
    expect((await t.gql.ok(USERS, {}, token)).users.pageInfo).toBeDefined();
    await t.gql.ok(REVOKE, { grantId }, admin);
    expect((await t.gql.error(USERS, {}, token)).extensions?.code).toBe('FORBIDDEN');
  });

  it('disabling an account refuses its cached session on the very next request', async () => {
    const { user, token } = await warmSession();
    await t.gql.ok(SET_STATUS, { userId: user.id, status: 'DISABLED' }, admin);
    expect((await t.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('deleting (erasing) an account ends its other cached sessions at once', async () => {
    const { user, token } = await warmSession();
    const other = (await t.gql.ok(LOGIN, { email: user.email, password: TEST_PASSWORD })).login.accessToken;
    await t.gql.ok(ME, {}, other);
    await t.gql.ok(DELETE_MINE, { password: TEST_PASSWORD }, token);
    for (const session of [token, other]) expect((await t.gql.error(ME, {}, session)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('actor cache turned off (ACTOR_CACHE_SECONDS=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ACTOR_CACHE_SECONDS: '0' } });
  });
  afterAll(() => t?.close());

  it('loads the actor on every request', async () => {
    const token = await signIn(t, await createUser(t.dataSource));
    await t.gql.ok(ME, {}, token);
    const sql = countSql(t.dataSource);
    try {
      await t.gql.ok(ME, {}, token);
      expect(sql.statements.filter(isActorQuery)).toHaveLength(1);
    } finally {
      sql.stop();
    }
  });
});

/** Two API instances sharing one database and one Redis: a change made through A reaches B's cache. */
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
withRedis('actor cache across instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  beforeAll(async () => {
    a = await startTestApp({ env: { ...CACHE, REDIS_URL: process.env.REDIS_URL! } });
    b = await startTestApp({ db: a.db, env: { ...CACHE, REDIS_URL: process.env.REDIS_URL!, JWT_SECRET: a.env.JWT_SECRET } });
    admin = await signIn(a, await createUser(a.dataSource, [{ role: Role.ADMIN }]));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** Signed in through A, with the actor cached on B. */
  const warmOnB = async (grants: Parameters<typeof createUser>[1] = []) => {
    const user = await createUser(a.dataSource, grants);
    const token = await signIn(a, user);
    const sql = countSql(b.dataSource);
    try {
      await b.gql.ok(ME, {}, token);
      await b.gql.ok(ME, {}, token);
      // B answered the second request from its cache: what follows tests the invalidation, not a reload.
      expect(sql.statements.filter(isActorQuery)).toHaveLength(1);
    } finally {
      sql.stop();
    }
    return { user, token };
  };

  it('logout on A ends the session on B at once', async () => {
    const { token } = await warmOnB();
    await a.gql.ok(LOGOUT, {}, token);
    expect((await b.gql.error(ME, {}, token)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('disabling on A refuses the session on B at once', async () => {
    const { user, token } = await warmOnB();
    await a.gql.ok(SET_STATUS, { userId: user.id, status: 'DISABLED' }, admin);
    expect((await b.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a role granted and revoked on A is seen by B on the next request', async () => {
    const { user, token } = await warmOnB();
    const grantId = (await a.gql.ok(GRANT, { userId: user.id }, admin)).grantRole.id;
    expect((await b.gql.ok(USERS, {}, token)).users.pageInfo).toBeDefined();
    await a.gql.ok(REVOKE, { grantId }, admin);
    expect((await b.gql.error(USERS, {}, token)).extensions?.code).toBe('FORBIDDEN');
  });

  it('a password change on A ends the old session on B', async () => {
    const { token } = await warmOnB();
    await a.gql.ok(CHANGE_PASSWORD, { current: TEST_PASSWORD, next: 'another long passphrase' }, token);
    expect((await b.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
