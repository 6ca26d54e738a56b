/**
 * The load generator, run as its own process by run.ts (`fork` with an IPC channel) so that
 * autocannon's CPU use is not mixed into the orchestrator, and the servers under test run in
 * their own processes too. It loads scenarios.ts itself, so scenarios may hold functions.
 */
import autocannon from 'autocannon';
import type { LoadCommand, LoadReply, LoadResult, VerifyResult } from './protocol';
import { percentile } from './report';
import { BenchContext, Scenario, ScenarioRequest, scenarios } from './scenarios';

const ALLOWED_HOSTS = new Set(['127.0.0.1']);

function send(message: LoadReply): void {
  process.send?.(message);
}

function find(name: string): Scenario {
  const scenario = scenarios.find((s) => s.name === name);
  if (!scenario) throw new Error(`Unknown scenario "${name}"`);
  return scenario;
}

/** Scenarios are code: refuse anything that would send load off this machine. */
function build(scenario: Scenario, ctx: BenchContext): ScenarioRequest {
  const request = scenario.request(ctx);
  if (!request.url) throw new Error(`Scenario "${scenario.name}" returned no url`);
  const host = new URL(request.url).hostname;
  if (!ALLOWED_HOSTS.has(host)) throw new Error(`Scenario "${scenario.name}" targets ${host}; only 127.0.0.1 is allowed`);
  return request;
}

/** One request exactly as autocannon would send the first one, parsed properly. */
async function verify(scenario: Scenario, ctx: BenchContext): Promise<VerifyResult> {
  const request = build(scenario, ctx);
  const first = request.requests?.[0] ?? {};
  const base = new URL(request.url);
  const url = new URL(first.path ?? `${base.pathname}${base.search}`, base);
  const method = first.method ?? request.method ?? 'GET';
  const headers = { ...(request.headers ?? {}), ...(first.headers ?? {}) } as Record<string, string>;
  const body = first.body ?? request.body;
  const problems: string[] = [];
  const errorCodes: string[] = [];
  const accepted = new Set(scenario.acceptedErrorCodes ?? []);
  const response = await fetch(url, {
    method,
    headers,
    body: method === 'GET' || method === 'HEAD' ? undefined : (body as string | undefined),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) problems.push(`HTTP ${response.status}`);
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const parsed = JSON.parse(text) as { errors?: { message?: string; extensions?: { code?: string } }[]; data?: unknown };
      const errors = parsed.errors ?? [];
      for (const error of errors) {
        const code = error.extensions?.code ?? '';
        errorCodes.push(code);
        if (!accepted.has(code)) problems.push(`GraphQL error ${code}: ${error.message ?? JSON.stringify(error)}`);
      }
      const onlyAccepted = errors.length > 0 && errors.every((error) => accepted.has(error.extensions?.code ?? ''));
      if ('data' in parsed && parsed.data == null && !onlyAccepted) problems.push('GraphQL data is null');
    } catch {
      problems.push('response is not valid JSON');
    }
  } else {
    problems.push(`unexpected content-type ${response.headers.get('content-type') ?? '(none)'}`);
  }
  const outcome = scenario.classify?.(text);
  if (outcome?.startsWith('failure')) problems.push(`the scenario classified the response as ${outcome}`);
  else if (!scenario.classify && request.verifyBody && !request.verifyBody(text)) problems.push("the scenario's verifyBody refused the response");
  return { scenario: scenario.name, status: response.status, problems, sample: text.slice(0, 300), errorCodes, outcome };
}

let current: autocannon.Instance | undefined;

function load(
  scenario: Scenario,
  ctx: BenchContext,
  connections: number,
  durationSeconds: number,
  timeoutSeconds: number,
  keepLatencies: boolean,
): Promise<LoadResult> {
  const request = build(scenario, ctx);
  // Counted per run; a failure outcome is a mismatch, like a refused verifyBody.
  const outcomes: Record<string, number> = {};
  const classify = scenario.classify;
  if (classify) {
    request.verifyBody = (body: string | Buffer | undefined) => {
      const outcome = classify(String(body ?? ''));
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      return !outcome.startsWith('failure');
    };
  }
  // Keep the beginning of the first few refused answers, so a failure can be explained.
  const refusedSamples: string[] = [];
  const check = request.verifyBody;
  if (check) {
    request.verifyBody = (body: string | Buffer | undefined) => {
      const ok = check(body);
      if (!ok && refusedSamples.length < 3) refusedSamples.push(String(body ?? '').slice(0, 400));
      return ok;
    };
  }
  return new Promise((resolve, reject) => {
    // Bounded even if autocannon never reports: stop it after the duration plus a margin.
    const guard = setTimeout(() => {
      current?.stop();
      reject(new Error(`autocannon did not finish within ${timeoutSeconds}s`));
    }, timeoutSeconds * 1000);
    // autocannon's summary has p90 and p97.5 but no p95: keep every latency (a number per answer is cheap).
    const latencies: number[] = [];
    current = autocannon({ ...request, connections, duration: durationSeconds, timeout: 10, bailout: 10_000 }, (error, result) => {
      clearTimeout(guard);
      current = undefined;
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({
        scenario: scenario.name,
        durationSeconds: result.duration,
        requestsTotal: result.requests.total,
        requestsPerSecond: result.requests.average,
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p95: percentile(latencies, 0.95),
          p99: result.latency.p99,
          max: result.latency.max,
          mean: result.latency.mean,
        },
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        mismatches: result.mismatches,
        ...(classify ? { outcomes } : {}),
        ...(refusedSamples.length ? { refusedSamples } : {}),
        ...(keepLatencies ? { latencies } : {}),
      });
    });
    current.on('response', (_client, _status, _bytes, responseTime: number) => latencies.push(responseTime));
  });
}

async function handle(command: LoadCommand): Promise<void> {
  try {
    const scenario = find(command.scenario);
    if (command.type === 'verify') {
      send({ type: 'verified', id: command.id, result: await verify(scenario, command.ctx) });
    } else {
      send({
        type: 'result',
        id: command.id,
        result: await load(scenario, command.ctx, command.connections, command.durationSeconds, command.timeoutSeconds, command.keepLatencies === true),
      });
    }
  } catch (error) {
    send({ type: 'failed', id: command.id, message: error instanceof Error ? error.message : String(error) });
  }
}

if (!process.send) {
  process.stderr.write('load.ts is started by run.ts (npm run bench), not directly.\n');
  process.exit(1);
}
process.on('message', (command: LoadCommand) => void handle(command));
// The orchestrator went away (crash, Ctrl-C): stop at once rather than keep loading a server.
process.on('disconnect', () => {
  current?.stop();
  process.exit(0);
});
process.on('SIGTERM', () => {
  current?.stop();
  process.exit(0);
});
send({ type: 'ready' });
