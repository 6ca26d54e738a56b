import type autocannon from 'autocannon';

/**
 * What every scenario may use. Built by run.ts once the database is seeded and the servers are up,
 * then sent to the load process as JSON, so keep it plain data.
 */
export interface BenchContext {
  /** Baton API, e.g. http://127.0.0.1:41234 */
  apiUrl: string;
  /** The bare Fastify + pg reference server */
  baselineUrl: string;
  /** Access token of the bench admin (ADMIN grant); see seed.ts */
  accessToken: string;
  adminUserId: string;
  /** The seeded event (code BENCH, phase GAMES) every bench user is STAFF of */
  eventId: string;
  /** A random sample of seeded user ids, for lookups that should not all hit one row */
  sampleUserIds: string[];
}

/** The subset of autocannon options a scenario decides; connections and duration come from run.ts. */
export type ScenarioRequest = Pick<autocannon.Options, 'url' | 'method' | 'headers' | 'body' | 'requests' | 'verifyBody'>;

export interface Scenario {
  /** Short, stable, kebab-case: used in BENCH_SCENARIOS and in the JSON results */
  name: string;
  description: string;
  /** The reference every ratio is divided by. Exactly one scenario has it. */
  baseline?: boolean;
  /**
   * Called in the load process. Must target 127.0.0.1 only. Prefer a fixed list of `requests`
   * over `setupRequest`: autocannon pre-builds fixed requests, while setupRequest costs CPU in the
   * load generator on every request, and this machine has only two cores for everything.
   */
  request(ctx: BenchContext): ScenarioRequest;
}

/**
 * Cheap check run on every response by autocannon (counted as `mismatches`): a GraphQL error
 * comes back with HTTP 200, so non-2xx counting alone would miss it. The sample request before
 * the load parses the body properly; this substring test keeps the load generator light.
 */
export const noGraphqlErrors = (body: string | Buffer | undefined): boolean => !String(body ?? '').includes('"errors"');

/** A GraphQL POST as the web client sends it. */
export function graphqlRequest(ctx: BenchContext, query: string, variables?: Record<string, unknown>, token: string | null = ctx.accessToken): ScenarioRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return {
    url: `${ctx.apiUrl}/graphql`,
    method: 'POST',
    headers,
    body: JSON.stringify(variables ? { query, variables } : { query }),
    verifyBody: noGraphqlErrors,
  };
}

/** Up to `count` ids from the sample, cycled so the list has exactly `count` entries. */
function cycle<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}

/**
 * Add new scenarios here (e.g. `assign`, `coverage`): seed what they need in seed.ts, expose the
 * ids through BenchContext, and write the request. run.ts interleaves them with the others.
 */
export const scenarios: Scenario[] = [
  {
    name: 'baseline-pk',
    description: 'Bare Fastify + pg (pool 10): SELECT id, email, display_name FROM users WHERE id = $1, random ids',
    baseline: true,
    request: (ctx) => ({
      url: ctx.baselineUrl,
      method: 'GET',
      // 500 pre-built requests with different ids; autocannon cycles through them.
      requests: cycle(ctx.sampleUserIds, 500).map((id) => ({ method: 'GET' as const, path: `/user/${id}` })),
    }),
  },
  {
    name: 'me',
    description: 'Baton GraphQL `me` with roles, signed in as the bench admin (JWT check + actor SQL + user SQL)',
    request: (ctx) => graphqlRequest(ctx, 'query Me { me { id email displayName roles { role eventId } } }'),
  },
];
