import { Role } from '@baton/auth';
import { JwtService } from '@nestjs/jwt';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { tokenFor } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

/** What an authenticated request costs besides its own work, and the protections that stay. */
describe('per-request overhead', () => {
  let t: TestApp;
  let admin: string;
  const post = async (query: string, token?: string) =>
    fetch(t.gql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  it('answers no-store on every GraphQL answer, as Apollo’s cache-control plugin did: data, a refusal, a validation error', async () => {
    for (const [query, token] of [
      ['{ me { id roles { role } } }', admin],
      ['{ me { id } }', undefined],
      ['{ me { nope } }', admin],
    ] as const) {
      const response = await post(query, token);
      expect(response.headers.get('cache-control')).toBe('no-store');
      await response.text();
    }
  });

  it('leaves the schema’s resolvers unwrapped by Apollo’s per-field instrumentation (no plugin listens to each field)', async () => {
    await (await post('{ me { id roles { role eventId } } }', admin)).text();
    const schema = t.app.get(GraphQLSchemaHost).schema;
    expect(Object.getOwnPropertySymbols(schema).map((s) => s.description)).not.toContain('apolloServerPluginsEnabled');
  });

  it('checks a token’s signature once, and a `me` costs no statement once the session’s actor (and its profile row) is loaded', async () => {
    const jwt = t.app.get(JwtService);
    const verify = jest.spyOn(jwt, 'verify');
    try {
      const token = await tokenFor(t, [{ role: Role.ADMIN }]);
      await t.gql.ok('{ me { id } }', {}, token);
      const counter = countSql(t.dataSource);
      const data = await t.gql.ok('{ me { id email displayName roles { role eventId } } }', {}, token);
      counter.stop();
      expect(data.me.roles).toEqual([{ role: 'ADMIN', eventId: null }]);
      // The actor's statement brought the profile row too (actor-profiles.ts); the cache holds both.
      expect(counter.count).toBe(0);
      expect(verify.mock.calls.filter(([signed]) => signed === token)).toHaveLength(1);
      // A token that does not verify is refused each time, whatever was seen before.
      const forged = `${token.slice(0, token.lastIndexOf('.'))}.AAAA`;
      for (let i = 0; i < 2; i++) expect((await t.gql.error('{ me { id } }', {}, forged)).extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      verify.mockRestore();
    }
  });
});
