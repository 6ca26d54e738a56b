import { OutboxMessageEntity } from '@baton/outbox';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const REQUEST = `mutation R($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation S($token: String!, $pw: String!) { resetPassword(input: { token: $token, newPassword: $pw }) }`;
const LOGIN = `mutation L($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { refreshToken } }`;
const REFRESH = `mutation F($token: String!) { refreshToken(input: { refreshToken: $token }) { refreshToken } }`;
const AT_ONCE = 8;

/**
 * A one-time token presented several times at the same moment is spent once: every flow finds its
 * row through TokenRowRepository.lockByToken (FOR UPDATE), so the copies queue behind the first and
 * then find it used. With the lock taken out, the refresh case fails (7 of 8 copies rotated the
 * token, seen on the server database); the reset case is held by its own write as well, and checks
 * the outcome. The embedded database has one connection, so there it checks the outcome only.
 */
describe('one-time tokens spent in parallel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('a password reset token sent eight times at once resets the password once', async () => {
    const user = await createUser(t.dataSource, []);
    await t.gql.ok(REQUEST, { email: user.email });
    const message = await t.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ recipient: user.email, template: 'password-reset' });
    const token = message.payload.token as string;
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => t.gql.request(RESET, { token, pw: `parallel passphrase ${i} 2024` })));
    const won = answers.filter((a) => a.data?.resetPassword === true);
    expect(won).toHaveLength(1);
    const refused = answers.filter((a) => a.errors).map((a) => a.errors![0].extensions?.reason);
    expect(refused).toEqual(Array(AT_ONCE - 1).fill('RESET_TOKEN_INVALID'));
    const [{ used }] = await t.dataSource.query(`SELECT count(*)::int AS used FROM password_resets WHERE user_id = $1 AND used_at IS NOT NULL`, [user.id]);
    expect(used).toBe(1);
  });

  it('a refresh token sent eight times at once rotates once; the copies count as a replay', async () => {
    const user = await createUser(t.dataSource, []);
    const token = (await t.gql.ok(LOGIN, { email: user.email, password: TEST_PASSWORD })).login.refreshToken;
    const answers = await Promise.all(Array.from({ length: AT_ONCE }, () => t.gql.request(REFRESH, { token })));
    expect(answers.filter((a) => a.data?.refreshToken)).toHaveLength(1);
    expect(answers.filter((a) => a.errors?.[0].extensions?.code === 'UNAUTHENTICATED')).toHaveLength(AT_ONCE - 1);
  });
});
