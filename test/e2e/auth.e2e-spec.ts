import { Role } from '@baton/auth';
import { OutboxMessageEntity } from '@baton/outbox';
import { sign } from 'jsonwebtoken';
import { createUser, TEST_PASSWORD, UserFixture } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken refreshToken accessTokenExpiresAt user { id email roles { role } } }
}`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(input: { refreshToken: $token }) { accessToken refreshToken } }`;
const ME = `{ me { id email } }`;

describe('authentication', () => {
  let t: TestApp;
  let admin: UserFixture;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_LIMIT_PER_ACCOUNT: '5' } });
    admin = await createUser(t.dataSource, [{ role: Role.ADMIN }], { email: 'Admin@Test.Baton'.toLowerCase() });
  });
  afterAll(() => t?.close());

  const login = (email: string, password: string) => t.gql.request(LOGIN, { email, password });

  it('logs in with the right password, whatever the case of the email', async () => {
    const result = await login('ADMIN@test.baton', TEST_PASSWORD);
    expect(result.errors).toBeUndefined();
    expect(result.data?.login.user).toMatchObject({ id: admin.id, email: 'admin@test.baton', roles: [{ role: 'ADMIN' }] });
    const me = await t.gql.ok(ME, {}, result.data?.login.accessToken);
    expect(me.me.id).toBe(admin.id);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await login(admin.email, 'not the password');
    const unknown = await login('nobody@test.baton', TEST_PASSWORD);
    for (const result of [wrong, unknown]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED', reason: 'BAD_CREDENTIALS' } });
    }
  });

  it('refuses a disabled account', async () => {
    const disabled = await createUser(t.dataSource, [], { status: 'DISABLED' as never });
    const result = await login(disabled.email, TEST_PASSWORD);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('requires a token for me, and rejects forged, expired and refresh-typed tokens', async () => {
    expect((await t.gql.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    // The app's clock, not the machine's: the app stands still at its boot time while a slow CI moves on.
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const forged = sign({ sub: admin.id, fam: admin.id, typ: 'access' }, 'another-secret-of-at-least-32-characters!!', { expiresIn: 600 });
    expect((await t.gql.error(ME, {}, forged)).extensions?.code).toBe('UNAUTHENTICATED');
    const expired = sign({ sub: admin.id, fam: admin.id, typ: 'access', iat: now - 1000, exp: now - 10 }, t.env.JWT_SECRET);
    expect((await t.gql.error(ME, {}, expired)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    const wrongType = sign({ sub: admin.id, fam: admin.id, typ: 'refresh' }, t.env.JWT_SECRET, { expiresIn: 600 });
    expect((await t.gql.error(ME, {}, wrongType)).extensions?.code).toBe('UNAUTHENTICATED');
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: admin.id, typ: 'access', exp: now + 600 })).toString('base64url')}.`;
    expect((await t.gql.error(ME, {}, noneAlg)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rotates refresh tokens and revokes the whole family when an old one is replayed', async () => {
    const first = (await login(admin.email, TEST_PASSWORD)).data!.login;
    const second = (await t.gql.ok(REFRESH, { token: first.refreshToken })).refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.gql.ok(ME, {}, second.accessToken)).me.id).toBe(admin.id);

    const replay = await t.gql.error(REFRESH, { token: first.refreshToken });
    expect(replay.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'REFRESH_TOKEN_REUSED' });
    // The thief's replay ends the legitimate session too: both its tokens stop working.
    expect((await t.gql.error(REFRESH, { token: second.refreshToken })).extensions?.reason).toBe('REFRESH_TOKEN_REVOKED');
    expect((await t.gql.error(ME, {}, second.accessToken)).extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
  });

  it('rejects an unknown and an expired refresh token', async () => {
    expect((await t.gql.error(REFRESH, { token: 'made-up' })).extensions?.reason).toBe('REFRESH_TOKEN_UNKNOWN');
    const session = (await login(admin.email, TEST_PASSWORD)).data!.login;
    t.clock.advance(31 * 24 * 3600 * 1000);
    try {
      expect((await t.gql.error(REFRESH, { token: session.refreshToken })).extensions?.reason).toBe('REFRESH_TOKEN_EXPIRED');
    } finally {
      t.clock.set(new Date());
    }
  });

  it('logout ends the session: the access and refresh tokens stop working', async () => {
    const session = (await login(admin.email, TEST_PASSWORD)).data!.login;
    expect(await t.gql.ok('mutation { logout }', {}, session.accessToken)).toEqual({ logout: true });
    expect((await t.gql.error(ME, {}, session.accessToken)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(REFRESH, { token: session.refreshToken })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes the password: wrong current password refused, other sessions ended, new session returned', async () => {
    const user = await createUser(t.dataSource, []);
    const other = (await login(user.email, TEST_PASSWORD)).data!.login;
    const CHANGE = `mutation C($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { accessToken } }`;
    const wrong = await t.gql.error(CHANGE, { current: 'nope', next: 'a brand new passphrase' }, other.accessToken);
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'currentPassword' }] });
    const tooShort = await t.gql.error(CHANGE, { current: TEST_PASSWORD, next: 'short' }, other.accessToken);
    expect(tooShort.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'newPassword', constraint: 'minLength' }] });

    t.clock.advance(2000); // the change must be later than the old token's issue second
    const changed = await t.gql.ok(CHANGE, { current: TEST_PASSWORD, next: 'a brand new passphrase' }, other.accessToken);
    expect((await t.gql.ok(ME, {}, changed.changePassword.accessToken)).me.id).toBe(user.id);
    expect((await t.gql.error(REFRESH, { token: other.refreshToken })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(user.email, TEST_PASSWORD)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(user.email, 'a brand new passphrase')).errors).toBeUndefined();
    t.clock.set(new Date());
  });

  it('resets a forgotten password with a one-time token sent through the outbox', async () => {
    const user = await createUser(t.dataSource, []);
    const REQUEST = `mutation R($email: String!) { requestPasswordReset(input: { email: $email }) }`;
    const RESET = `mutation S($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) }`;
    expect(await t.gql.ok(REQUEST, { email: user.email })).toEqual({ requestPasswordReset: true });
    // Unknown emails get the same answer and no message.
    expect(await t.gql.ok(REQUEST, { email: 'ghost@test.baton' })).toEqual({ requestPasswordReset: true });
    expect(await t.dataSource.getRepository(OutboxMessageEntity).countBy({ recipient: 'ghost@test.baton' })).toBe(0);

    const message = await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ recipient: user.email, template: 'password-reset' });
    const token = message.payload.token as string;
    expect(message.body).toContain(token);
    expect(await t.gql.ok(RESET, { token, pw: 'reset passphrase 2024' })).toEqual({ resetPassword: true });
    expect((await t.gql.error(RESET, { token, pw: 'another passphrase 2024' })).extensions?.reason).toBe('RESET_TOKEN_INVALID');
    expect((await login(user.email, 'reset passphrase 2024')).errors).toBeUndefined();
  });
});

describe('login abuse protection', () => {
  let t: TestApp;
  let user: UserFixture;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_ADDRESS: '1000' } });
    user = await createUser(t.dataSource, []);
  });
  afterAll(() => t?.close());

  it('refuses login aliased several times in one document', async () => {
    const result = await t.gql.request(
      `mutation { a: login(input: { email: "${user.email}", password: "x1" }) { accessToken } b: login(input: { email: "${user.email}", password: "x2" }) { accessToken } }`,
    );
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', rule: 'SINGLETON_FIELD', field: 'login' });
  });

  it('refuses login hidden in fragments', async () => {
    const result = await t.gql.request(
      `mutation { ...A ...B } fragment A on Mutation { a: login(input: { email: "a@b.c", password: "x" }) { accessToken } } fragment B on Mutation { b: login(input: { email: "a@b.c", password: "y" }) { accessToken } }`,
    );
    expect(result.errors?.[0].extensions?.rule).toBe('SINGLETON_FIELD');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(t.gql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([
        { query: `mutation { login(input: { email: "${user.email}", password: "x" }) { accessToken } }` },
        { query: `mutation { login(input: { email: "${user.email}", password: "y" }) { accessToken } }` },
      ]),
    });
    expect(response.status).toBe(400);
  });

  it('throttles guesses per account, then refuses even the right password until the window passes', async () => {
    for (let i = 0; i < 3; i++) {
      const result = await t.gql.request(`mutation { login(input: { email: "${user.email}", password: "guess ${i}" }) { accessToken } }`);
      expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.gql.request(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`);
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    const other = await createUser(t.dataSource, []);
    expect(
      (await t.gql.request(`mutation { login(input: { email: "${other.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).errors,
    ).toBeUndefined();
  });
});
