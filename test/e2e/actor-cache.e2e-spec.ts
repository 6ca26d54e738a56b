import { Role } from '@baton/auth';
import { DatabaseChange, DatabaseNotifications } from '@baton/database';
import { ACTOR_CHANGED, ActorCache } from '@baton/identity';
import { Client } from 'pg';
import { createEvent, createOrganisation } from '../factories/events';
import { createUser, signIn, TEST_PASSWORD, UserFixture } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const ME = `{ me { id email } }`;
const MY_ROLES = `{ me { roles { role eventId organisationId } } }`;
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

/** Resolves once this app has heard (and its cache handled) a change matching `match`; subscribe before the write. */
function heard(t: TestApp, match: (change: DatabaseChange & { users?: string[] | null; families?: string[] | null }) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = t.app.get(DatabaseNotifications).on(ACTOR_CHANGED, (change) => {
      if (!match(change)) return;
      off();
      resolve();
    });
  });
}
const naming = (userId: string) => (change: { users?: string[] | null; all?: boolean }) => !!change.all || !!change.users?.includes(userId);

/** How many times the actor statement runs for one request. */
async function actorLoads(t: TestApp, run: () => Promise<unknown>): Promise<number> {
  const sql = countSql(t.dataSource);
  try {
    await run();
    return sql.statements.filter(isActorQuery).length;
  } finally {
    sql.stop();
  }
}

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

  // No write path calls the cache: these changes are made in SQL, as a cascade, the CLI or psql would.
  it('deleting an event drops the grants it cascades to from the cached actor on the very next request', async () => {
    const event = await createEvent(t.dataSource);
    const { user, token } = await warmSession([{ role: Role.COORDINATOR, eventId: event.id }]);
    expect((await t.gql.ok(MY_ROLES, {}, token)).me.roles).toEqual([{ role: 'COORDINATOR', eventId: event.id, organisationId: null }]);
    await t.dataSource.query(`DELETE FROM events WHERE id = $1`, [event.id]);
    expect((await t.gql.ok(MY_ROLES, {}, token)).me.roles).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM role_grants WHERE user_id = $1`, [user.id])).toHaveLength(0);
  });

  it("deleting an organisation drops its recruiters' grants on the very next request", async () => {
    const organisation = await createOrganisation(t.dataSource);
    const { token } = await warmSession([{ role: Role.RECRUITER, organisationId: organisation.id }]);
    expect((await t.gql.ok(MY_ROLES, {}, token)).me.roles).toEqual([{ role: 'RECRUITER', eventId: null, organisationId: organisation.id }]);
    await t.dataSource.query(`DELETE FROM organisations WHERE id = $1`, [organisation.id]);
    expect((await t.gql.ok(MY_ROLES, {}, token)).me.roles).toEqual([]);
  });

  it('a cascade over more than 100 people empties the whole cache (one notification, not one per person)', async () => {
    const event = await createEvent(t.dataSource);
    const bystander = await warmSession();
    const { token } = await warmSession([{ role: Role.STAFF, eventId: event.id }]);
    await t.dataSource.query(
      `WITH people AS (INSERT INTO users (email, display_name) SELECT 'bulk-' || i || '-' || $2 || '@test.baton', 'Bulk ' || i FROM generate_series(1, 110) i RETURNING id)
       INSERT INTO role_grants (user_id, role, event_id) SELECT id, 'STAFF', $1 FROM people`,
      [event.id, event.id.slice(0, 8)],
    );
    const all = heard(t, (change) => !!change.all);
    await t.dataSource.query(`DELETE FROM events WHERE id = $1`, [event.id]);
    await all;
    expect((await t.gql.ok(MY_ROLES, {}, token)).me.roles).toEqual([]);
    // Everyone's actor is read again, the bystander's too: the price of one notification for 111 people.
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, bystander.token))).toBe(1);
  });

  it('a repeated me sends no statement at all: the profile came with the cached actor', async () => {
    const { token } = await warmSession();
    const sql = countSql(t.dataSource);
    try {
      await t.gql.ok(`{ me { id email displayName status lastLoginAt createdAt roles { role eventId } } }`, {}, token);
      expect(sql.statements).toEqual([]);
    } finally {
      sql.stop();
    }
  });

  it('a new display name or sign-in time is on the very next me (the profile is dropped with the actor)', async () => {
    const { user, token } = await warmSession();
    const PROFILE = `{ me { displayName lastLoginAt } }`;
    const before = (await t.gql.ok(PROFILE, {}, token)).me;
    await t.dataSource.query(`UPDATE users SET display_name = 'Renamed' WHERE id = $1`, [user.id]);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(1);
    expect((await t.gql.ok(PROFILE, {}, token)).me).toEqual({ ...before, displayName: 'Renamed' });
    // A sign-in elsewhere moves lastLoginAt (set here in SQL: the test clock may stand still).
    await t.dataSource.query(`UPDATE users SET last_login_at = '2020-01-02T03:04:05Z' WHERE id = $1`, [user.id]);
    expect((await t.gql.ok(PROFILE, {}, token)).me).toEqual({ displayName: 'Renamed', lastLoginAt: '2020-01-02T03:04:05.000Z' });
  });

  it('a change neither actor nor profile holds keeps the cached actor', async () => {
    const { user, token } = await warmSession();
    await t.dataSource.query(`UPDATE users SET updated_at = now() WHERE id = $1`, [user.id]);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(0);
    await t.dataSource.query(`UPDATE users SET email = $2 WHERE id = $1`, [user.id, `renamed-${user.email}`]);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(1);
    expect((await t.gql.ok(ME, {}, token)).me.email).toBe(`renamed-${user.email}`);
  });

  it('a rolled-back change drops nothing', async () => {
    const { user, token } = await warmSession();
    await t.dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [user.id]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(0);
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

/** Another process writing (the worker, the CLI, psql): only a server can have one. */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;
onServer('actor cache and writes of other processes (server)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: CACHE });
  });
  afterAll(() => t?.close());

  it("hears a change committed on a connection that is not the app's", async () => {
    const user = await createUser(t.dataSource);
    const token = await signIn(t, user);
    await t.gql.ok(ME, {}, token);
    const outside = new Client({ connectionString: t.db.url });
    await outside.connect();
    try {
      const change = heard(t, naming(user.id));
      await outside.query(`UPDATE users SET status = 'DISABLED' WHERE id = $1`, [user.id]);
      await change;
    } finally {
      await outside.end();
    }
    expect((await t.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops using the cache while its change feed is down, and empties it when the feed is back', async () => {
    const token = await signIn(t, await createUser(t.dataSource));
    await t.gql.ok(ME, {}, token);
    const notifications = t.app.get(DatabaseNotifications);
    const cache = t.app.get(ActorCache);
    const back = heard(t, (change) => change.tx === 'reconnected');
    await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'baton-changes' AND datname = current_database()`,
    );
    await new Promise<void>((resolve) => {
      const wait = () => (notifications.live ? setImmediate(wait) : resolve());
      wait();
    });
    // Down: every request reads the actor, nothing is kept.
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(1);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(1);
    await back;
    expect(cache.size).toBe(0);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(1);
    expect(await actorLoads(t, () => t.gql.ok(ME, {}, token))).toBe(0);
  });
});

/** Two API instances sharing one database, no Redis: each hears the database itself. */
onServer('actor cache across instances (server)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  beforeAll(async () => {
    a = await startTestApp({ env: CACHE });
    b = await startTestApp({ db: a.db, env: { ...CACHE, JWT_SECRET: a.env.JWT_SECRET } });
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
    await b.gql.ok(ME, {}, token);
    // B answers the second request from its cache: what follows tests the notification, not a reload.
    expect(await actorLoads(b, () => b.gql.ok(ME, {}, token))).toBe(0);
    return { user, token };
  };

  it('logout on A ends the session on B', async () => {
    const { user, token } = await warmOnB();
    const change = heard(b, (c) => !!c.families?.length || naming(user.id)(c));
    await a.gql.ok(LOGOUT, {}, token);
    await change;
    expect((await b.gql.error(ME, {}, token)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('disabling on A refuses the session on B', async () => {
    const { user, token } = await warmOnB();
    const change = heard(b, naming(user.id));
    await a.gql.ok(SET_STATUS, { userId: user.id, status: 'DISABLED' }, admin);
    await change;
    expect((await b.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a role granted and revoked on A is seen by B', async () => {
    const { user, token } = await warmOnB();
    let change = heard(b, naming(user.id));
    const grantId = (await a.gql.ok(GRANT, { userId: user.id }, admin)).grantRole.id;
    await change;
    expect((await b.gql.ok(USERS, {}, token)).users.pageInfo).toBeDefined();
    change = heard(b, naming(user.id));
    await a.gql.ok(REVOKE, { grantId }, admin);
    await change;
    expect((await b.gql.error(USERS, {}, token)).extensions?.code).toBe('FORBIDDEN');
  });

  it('a password change on A ends the old session on B', async () => {
    const { user, token } = await warmOnB();
    const change = heard(b, naming(user.id));
    await a.gql.ok(CHANGE_PASSWORD, { current: TEST_PASSWORD, next: 'another long passphrase' }, token);
    await change;
    expect((await b.gql.error(ME, {}, token)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
