import type autocannon from 'autocannon';
import { OPPORTUNITIES, OPPORTUNITY_FILTERS, TALENT_QUERIES, TALENT_SEARCH } from './talent-queries';

/**
 * What every scenario may use. Built by run.ts once the database is seeded and the servers are up,
 * then sent to the load process as JSON, so keep it plain data.
 */
export interface BenchContext {
  /** Baton API, e.g. http://127.0.0.1:41234 */
  apiUrl: string;
  /** The bare Fastify + pg reference server */
  baselineUrl: string;
  /** Access token of admin@baton.demo (ADMIN grant), from the demo seed */
  accessToken: string;
  adminUserId: string;
  /** The demo event (PAR24 at scale 1) */
  eventId: string;
  /** A random sample of user ids, for lookups that should not all hit one row */
  sampleUserIds: string[];
  /** Access token of coordinator@baton.demo (COORDINATOR of the demo event, all venues and teams) */
  coordinatorToken: string;
  /** Published shifts that have not started and have a place left, for replacementCandidates */
  candidateShiftIds: string[];
  /** The whole event window (local midnight of startsOn to local midnight after endsOn), ISO */
  eventWindow: { from: string; to: string };
  /** One venue, one day (its busiest among future shifts), ISO */
  venueDay: { venueId: string; from: string; to: string };
  /** Every venue of the demo event with shifts (nested-roster cycles over them) */
  venueIds: string[];
  /** One token per staff account with assignments in the next 14 days */
  staffTokens: string[];
  /** Access tokens of recruiter@baton.demo (RECRUITER of Atlantec) and alumnus@baton.demo; null when no talent scenario runs */
  recruiterToken: string | null;
  alumnusToken: string | null;
  /** opportunity-list: the endCursor of each filter's first page, to ask for the second one too */
  opportunityCursors: (string | null)[];
  /** assign-mix: pairs that should succeed once (from replacementCandidates) mixed with pairs the rules refuse */
  assignPairs: { shiftId: string; staffMemberId: string; expect: 'valid' | 'refused' }[];
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
   * A second reference for this scenario (another scenario's name): a hand-written server giving
   * the same answer. It runs whenever this one does; the summary carries `ratioToSqlBaseline`, and
   * the run checks both answer the same data before loading them (same-answers.ts).
   */
  sqlBaseline?: string;
  /**
   * Called in the load process. Must target 127.0.0.1 only. Prefer a fixed list of `requests`
   * over `setupRequest`: autocannon pre-builds fixed requests, while setupRequest costs CPU in the
   * load generator on every request, and this machine has only two cores for everything.
   */
  request(ctx: BenchContext): ScenarioRequest;
  /**
   * GraphQL error codes that are expected business outcomes here (e.g. RULE_VIOLATION for assign):
   * the check request before the load does not count them as problems.
   */
  acceptedErrorCodes?: string[];
  /**
   * Names each response's outcome (e.g. "assigned", "refused:OVERLAP"); the load process counts
   * them per run and reports them. An outcome starting with "failure" counts as a failed response.
   * When set, it replaces the request's verifyBody.
   */
  classify?(body: string): string;
  /**
   * The feature this scenario needs, when it may not be in the API yet (e.g. "the coverage query"):
   * if the check request is refused with GRAPHQL_VALIDATION_FAILED, the scenario is skipped and the
   * table says why, instead of failing the run.
   */
  optionalFeature?: string;
  /**
   * Load processes sharing the connections (default 1). One autocannon process decodes every
   * answer into a string, on one core: for megabyte answers that process, not the API, was the
   * limit (1.0 core against 0.2 for the API), and its own delay was in the latencies it reported.
   */
  loadProcesses?: number;
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

/** One POST per item, with its own headers (autocannon replaces, not merges, per-request headers). */
function graphqlRequests(ctx: BenchContext, items: { query: string; variables?: Record<string, unknown>; token: string }[]): ScenarioRequest {
  return {
    url: `${ctx.apiUrl}/graphql`,
    method: 'POST',
    requests: items.map(({ query, variables, token }) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(variables ? { query, variables } : { query }),
    })),
    verifyBody: noGraphqlErrors,
  };
}

const CANDIDATES = 'query R($s: ID!) { replacementCandidates(shiftId: $s, first: 10) { staffMemberId score { total } } }';
const COVERAGE =
  'query C($e: ID!, $v: [ID!], $from: DateTime!, $to: DateTime!, $b: CoverageBucket) { coverage(eventId: $e, venueIds: $v, from: $from, to: $to, bucket: $b) { ' +
  'cells { venueId teamId bucketStart required assigned checkedIn gap } gaps { shiftId missing } totals { required assigned gap } } }';
export const MY_SHIFTS = '{ myShifts { id status shift { id roleTitle startsAt endsAt } } }';
/** The field names of the schema; nested-roster-sql.ts writes the same answer by hand. */
export const NESTED_ROSTER =
  'query N($e: ID!, $v: [ID!]) { shifts(eventId: $e, first: 100, filter: { venueIds: $v }) { edges { node { id roleTitle ' +
  'assignments { staffMember { displayName skills { code level } } } } } } }';
const ASSIGN = 'mutation A($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id } }';

/**
 * assign answers: a new assignment, or a refusal by the rules (an expected outcome, named after
 * the first rule listed), or anything else, which is a failure. Substring tests only: this runs
 * on every response in the load process.
 */
export function classifyAssign(body: string): string {
  if (!body.includes('"errors"')) return body.includes('"assign":{"id"') ? 'assigned' : 'failure:unexpected body';
  const codes = body.match(/"code":"[A-Z_]+"/g) ?? [];
  const other = codes.find((c) => c !== '"code":"RULE_VIOLATION"');
  if (other || !codes.length) return `failure:${other ? other.slice(8, -1) : 'no code'}`;
  const rule = /"rule":"([A-Z_]+)"/.exec(body);
  return `refused:${rule ? rule[1] : '?'}`;
}

/**
 * Add new scenarios here: gather the ids they need in database.ts (gatherDemoData) or run.ts,
 * expose them through BenchContext, and write the request. run.ts interleaves them with the others.
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
    description: 'Baton GraphQL `me` with roles, signed in as admin@baton.demo (JWT check + actor SQL + user SQL)',
    request: (ctx) => graphqlRequest(ctx, 'query Me { me { id email displayName roles { role eventId } } }'),
  },
  {
    name: 'replacement-candidates',
    description: 'replacementCandidates(shiftId, first: 10) as coordinator@baton.demo, ~200 different published future shifts',
    request: (ctx) =>
      graphqlRequests(
        ctx,
        ctx.candidateShiftIds.map((s) => ({ query: CANDIDATES, variables: { s }, token: ctx.coordinatorToken })),
      ),
  },
  {
    name: 'coverage-event-day',
    description: 'coverage(eventId, whole event window, bucket: DAY) as coordinator: every venue and team',
    optionalFeature: 'the coverage query',
    loadProcesses: 2,
    request: (ctx) => graphqlRequest(ctx, COVERAGE, { e: ctx.eventId, from: ctx.eventWindow.from, to: ctx.eventWindow.to, b: 'DAY' }, ctx.coordinatorToken),
  },
  {
    name: 'coverage-venue-hour',
    description: 'coverage(eventId, one venue, its busiest day, bucket: HOUR) as coordinator',
    optionalFeature: 'the coverage query',
    request: (ctx) =>
      graphqlRequest(
        ctx,
        COVERAGE,
        { e: ctx.eventId, v: [ctx.venueDay.venueId], from: ctx.venueDay.from, to: ctx.venueDay.to, b: 'HOUR' },
        ctx.coordinatorToken,
      ),
  },
  {
    name: 'my-shifts',
    description: '`myShifts` (next 14 days) with their shift, as ~50 different staff accounts',
    request: (ctx) =>
      graphqlRequests(
        ctx,
        ctx.staffTokens.map((token) => ({ query: MY_SHIFTS, token })),
      ),
  },
  {
    name: 'assign-mix',
    description:
      'assign as coordinator: valid pairs (a replacement candidate per open shift; each succeeds once, then is refused) mixed with overlapping pairs the rules refuse',
    acceptedErrorCodes: ['RULE_VIOLATION'],
    classify: classifyAssign,
    request: (ctx) =>
      graphqlRequests(
        ctx,
        ctx.assignPairs.map((p) => ({ query: ASSIGN, variables: { s: p.shiftId, m: p.staffMemberId }, token: ctx.coordinatorToken })),
      ),
  },
  {
    name: 'talent-search',
    description: `talentSearch as recruiter@baton.demo over the generated network (BENCH_TALENT_PROFILES): text plus two filters, page of 20 with every facet, ${TALENT_QUERIES.length} queries cycled`,
    optionalFeature: 'talent search',
    request: (ctx) =>
      graphqlRequests(
        ctx,
        TALENT_QUERIES.map((f) => ({ query: TALENT_SEARCH, variables: { f }, token: ctx.recruiterToken ?? '' })),
      ),
  },
  {
    name: 'opportunity-list',
    description: `opportunities(filter, first: 20) over the generated postings (BENCH_OPPORTUNITIES), first and second pages, ${OPPORTUNITY_FILTERS.length} filters, as the recruiter and the alumnus in turn`,
    optionalFeature: 'the opportunity list',
    request: (ctx) =>
      graphqlRequests(
        ctx,
        OPPORTUNITY_FILTERS.flatMap((f, i) =>
          [ctx.recruiterToken, ctx.alumnusToken].flatMap((token) => [
            { query: OPPORTUNITIES, variables: { f }, token: token ?? '' },
            { query: OPPORTUNITIES, variables: { f, after: ctx.opportunityCursors[i] }, token: token ?? '' },
          ]),
        ),
      ),
  },
  {
    name: 'nested-roster',
    description:
      'shifts(eventId, first: 100, one venue) { assignments { staffMember { displayName skills { code level } } } } as coordinator, cycling over the venues',
    sqlBaseline: 'nested-roster-sql',
    request: (ctx) =>
      graphqlRequests(
        ctx,
        ctx.venueIds.map((v) => ({ query: NESTED_ROSTER, variables: { e: ctx.eventId, v: [v] }, token: ctx.coordinatorToken })),
      ),
  },
  {
    name: 'nested-roster-sql',
    description: 'The second reference for nested-roster: bare Fastify + pg, the same JSON built by one hand-written json_agg statement',
    request: (ctx) => ({
      url: ctx.baselineUrl,
      method: 'GET',
      requests: ctx.venueIds.map((v) => ({ method: 'GET' as const, path: `/roster/${ctx.eventId}/${v}` })),
    }),
  },
];
