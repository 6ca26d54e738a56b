import { Role } from '@baton/auth';
import { tokenFor } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * An oversized page written inline is the client's bad input, named as such, not a cost overrun:
 * the same answer as the same value sent in a variable. A document that is expensive for other
 * reasons is still refused by the cost limit.
 */
describe('page sizes written inline', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  const USERS = '{ edges { node { id } } }';

  it.each([
    ['users', `{ users(first: 100000) ${USERS} }`],
    ['opportunities', `{ opportunities(first: 100000) ${USERS} }`],
    ['talentSearch', `{ talentSearch(first: 1000000) { edges { node { userId } } } }`],
  ])('%s(first: a huge number) names first, alone, as in a variable', async (_name, query) => {
    const inline = await t.gql.request(query, {}, admin);
    expect(inline.data).toBeUndefined();
    expect(inline.errors).toEqual([
      expect.objectContaining({
        message: 'first must not be greater than 200',
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', message: 'first must not be greater than 200', constraint: 'max' }] },
      }),
    ]);
    const variable = await t.gql.request(`query($f: Int) { users(first: $f) ${USERS} }`, { f: 100000 }, admin);
    expect(variable.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'first', constraint: 'max' })] });
  });

  it('still refuses a document whose cost is too high with pages of an allowed size', async () => {
    const aliases = Array.from({ length: 10 }, (_, i) => `u${i}: users(first: 200) ${USERS}`).join(' ');
    const result = await t.gql.request(`{ ${aliases} }`, {}, admin);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/Query Cost limit of \d+ exceeded/) })]);
    expect((await t.gql.request(`{ users(first: 200) ${USERS} }`, {}, admin)).errors).toBeUndefined();
  });
});
