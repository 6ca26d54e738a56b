import { Role } from '@baton/auth';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

describe('GraphQL platform (test mode)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { GRAPHQL_IDE: 'true', GRAPHQL_MAX_DEPTH: '2' } });
    const user = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    token = (await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(() => t?.close());

  it('refuses queries deeper than GRAPHQL_MAX_DEPTH (2 in this app)', async () => {
    expect((await t.gql.request('{ me { id } }', {}, token)).errors).toBeUndefined();
    const result = await t.gql.request('{ me { roles { role } } }', {}, token);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/depth/i);
  });

  it('applies the limits to every request, not only the first: parsed documents are cached, refused ones never are', async () => {
    // Apollo's document cache stores a document only once it passed validation (armor's rules included),
    // so the same refused text is validated, and refused, again; an accepted one is reused as is.
    for (let i = 0; i < 3; i++) {
      expect((await t.gql.request('{ me { roles { role } } }', {}, token)).errors?.[0].message).toMatch(/depth/i);
      expect((await t.gql.request('{ me { id } }', {}, token)).errors).toBeUndefined();
    }
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: me { id }`).join(' ');
    const result = await t.gql.request(`{ ${aliases} }`, {}, token);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/alias/i);
  });

  it('keeps expected errors free of stack traces outside development', async () => {
    const result = await t.gql.request(`{ event(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, token);
    expect(result.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND', entity: 'Event', id: '00000000-0000-4000-8000-000000000000' });
  });

  it('serves Prometheus metrics, with GraphQL operations counted', async () => {
    await t.gql.request('query CountMe { __typename }');
    const text = await (await fetch(`${t.url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/baton_graphql_operation_duration_seconds_count\{type="query",operation="CountMe"\} [1-9]/);
  });

  it('serves GraphiQL and its assets from the npm packages (works offline)', async () => {
    const page = await fetch(`${t.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z]/i); // no CDN
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css', 'graphql-ws.js']) {
      const response = await fetch(`${t.url}/graphiql/assets/${asset}`);
      expect([asset, response.status]).toEqual([asset, 200]);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${t.url}/graphiql/assets/..%2Fpackage.json`)).status).toBe(404);
  });

  it('tags every response with a request id, keeping a sane one from the caller', async () => {
    const own = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'trace-1234567890' } });
    expect(own.headers.get('x-request-id')).toBe('trace-1234567890');
    const generated = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphQL platform (production mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t?.close());

  it('turns off introspection, field suggestions and the IDE', async () => {
    const introspection = await t.gql.request('{ __schema { types { name } } }');
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    const typo = await t.gql.request('{ mee { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect((await fetch(`${t.url}/graphiql`)).status).toBe(404);
  });

  it('never sends a stack trace, whatever the error', async () => {
    const result = await t.gql.request(`mutation { login(input: { email: "x@y.z", password: "" }) { accessToken } }`);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+|\.js:\d+/);
  });
});
