import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { auditServer } from 'graphql-http';
import { createEvent } from '../factories/events';
import { tokenFor } from '../factories/users';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** GraphQL over HTTP as the spec (graphql-http's audits) describes it, and as this API refines it. */
describe('GraphQL over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let event: EventEntity;
  const post = async (body: unknown, accept?: string, token = admin) => {
    const response = await fetch(t.gql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(accept ? { accept } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', ...json };
  };

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  // Every kind of request error: the document or its variables cannot run.
  const REQUEST_ERRORS: Array<[string, unknown, string, string | undefined]> = [
    ['a syntax error', { query: '{' }, 'GRAPHQL_PARSE_FAILED', undefined],
    ['an unknown field', { query: '{ nope }' }, 'GRAPHQL_VALIDATION_FAILED', undefined],
    ['a wrong type inline', { query: '{ organisations(first: "ten") { totalCount } }' }, 'BAD_USER_INPUT', 'first'],
    ['an invalid scalar inline', { query: '{ myShifts(from: "garbage") { id } }' }, 'BAD_USER_INPUT', 'from'],
    [
      'a wrong type in the variables',
      { query: 'query Q($n: Int) { organisations(first: $n) { totalCount } }', variables: { n: 'ten' } },
      'BAD_USER_INPUT',
      'n',
    ],
    [
      'an invalid scalar in the variables',
      { query: 'query Q($f: DateTime) { myShifts(from: $f) { id } }', variables: { f: 'garbage' } },
      'BAD_USER_INPUT',
      'f',
    ],
    ['a missing required variable', { query: 'query Q($id: ID!) { event(id: $id) { id } }' }, 'BAD_USER_INPUT', 'id'],
  ];

  it.each(REQUEST_ERRORS)('answers %s with 200 and no data for application/json, naming the field', async (_, body, code, field) => {
    for (const accept of [undefined, JSON_TYPE, '*/*']) {
      const result = await post(body, accept);
      expect([accept, result.status, result.contentType, 'data' in result]).toEqual([accept, 200, expect.stringContaining(JSON_TYPE), false]);
      expect(result.errors?.[0].extensions.code).toBe(code);
      if (field) expect(result.errors?.[0].extensions.fields).toEqual([expect.objectContaining({ field })]);
    }
  });

  it.each(REQUEST_ERRORS)('answers %s with 400 for application/graphql-response+json', async (_, body, code) => {
    const result = await post(body, GRAPHQL_RESPONSE);
    expect([result.status, result.contentType]).toEqual([400, expect.stringContaining(GRAPHQL_RESPONSE)]);
    expect(result.errors?.[0].extensions.code).toBe(code);
  });

  it('keeps execution errors at 200 with data, whatever the client accepts', async () => {
    for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
      const result = await post({ query: `{ event(id: "00000000-0000-4000-8000-000000000000") { id } }` }, accept);
      expect([result.status, 'data' in result, result.errors?.[0].extensions.code]).toEqual([200, true, 'NOT_FOUND']);
    }
  });

  it('refuses a subscription over HTTP with a clear code and where to go instead', async () => {
    for (const query of [
      `subscription { eventChanged(eventId: "${event.id}") { id } }`,
      `subscription { assignmentChanged(eventId: "${event.id}") { change } }`,
      `subscription { staffingAlert(eventId: "${event.id}") { kind } }`,
    ]) {
      const result = await post({ query });
      expect([result.status, result.errors?.[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
      expect(result.errors?.[0].message).toMatch(/graphql-ws.*\/graphql/);
    }
  });

  it('refuses a mutation or a subscription sent with GET (405, POST only)', async () => {
    for (const query of ['mutation { logout }', `subscription { eventChanged(eventId: "${event.id}") { id } }`]) {
      const url = new URL(t.gql.url);
      url.searchParams.set('query', query);
      const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${admin}` } });
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect([response.status, response.headers.get('allow'), body.errors[0].extensions.code]).toEqual([405, 'POST', 'BAD_REQUEST']);
    }
  });

  it('serves only subscriptions over the WebSocket: queries and mutations there would skip the HTTP limits and rules', async () => {
    for (const query of [
      '{ me { id } }',
      'mutation { a: login(input: { email: "x@y.z", password: "a" }) { accessToken } b: login(input: { email: "x@y.z", password: "b" }) { accessToken } }',
    ]) {
      const ws = await subscribe(t.gql.url, query, {}, admin);
      try {
        const errors = await ws.next().then(
          () => undefined,
          (error: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }) => error.errors,
        );
        expect([query, errors?.[0].extensions?.code]).toEqual([query, 'BAD_REQUEST']);
        expect(errors?.[0].message).toMatch(/HTTP/);
      } finally {
        await ws.close();
      }
    }
  });

  it('passes every MUST and SHOULD of the graphql-http server audit', async () => {
    const results = await auditServer({ url: t.gql.url });
    const failed = results.filter((r) => r.status === 'error' || r.status === 'warn').map((r) => `${r.id} ${r.name}: ${r.status}`);
    expect(failed).toEqual([]);
    // The remaining notices are MAYs about GET, which CSRF prevention answers without a preflight header.
    expect(results.filter((r) => r.status === 'notice').every((r) => /GET/.test(r.name))).toBe(true);
  });
});
