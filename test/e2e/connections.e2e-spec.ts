import { Role } from '@baton/auth';
import { createOrganisation } from '../factories/events';
import { tokenFor } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const PAGE = `query P($after: String) {
  organisations(first: 2, after: $after) { totalCount edges { cursor node { code } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;

/** Lists are Relay connections: PageInfo carries all four fields the Relay specification requires. */
describe('connections', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['ORG-A', 'ORG-B', 'ORG-C']) await createOrganisation(t.dataSource, { code });
    token = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  it('pages forwards with start and end cursors, and knows when rows come before', async () => {
    const first = (await t.gql.ok(PAGE, {}, token)).organisations;
    expect(first.edges.map((e: any) => e.node.code)).toEqual(['ORG-A', 'ORG-B']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });

    const second = (await t.gql.ok(PAGE, { after: first.pageInfo.endCursor }, token)).organisations;
    expect(second.edges.map((e: any) => e.node.code)).toEqual(['ORG-C']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: second.edges[0].cursor, endCursor: second.edges[0].cursor });

    const beyond = (await t.gql.ok(PAGE, { after: second.pageInfo.endCursor }, token)).organisations;
    expect(beyond).toMatchObject({ edges: [], totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null } });
  });
});
