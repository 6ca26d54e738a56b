import type { Pair } from './database';
import type { BenchContext } from './scenarios';

/** One GraphQL call from the orchestrator (setup only, never under load); throws on any error. */
export async function graphql<T>(apiUrl: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let body: { data?: T | null; errors?: unknown[] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* reported below */
  }
  if (!body.data || body.errors?.length) throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  return body.data;
}

export async function login(apiUrl: string, email: string, password: string): Promise<string> {
  try {
    const data = await graphql<{ login: { accessToken: string } }>(apiUrl, 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { email, password },
    });
    return data.login.accessToken;
  } catch (error) {
    throw new Error(`login as ${email} failed: ${(error as Error).message}`, { cause: error });
  }
}

/** `work` over `items`, at most `limit` at a time, results in order. */
export async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * assign-mix: per open shift, the best replacementCandidates answer nobody else took (at most one
 * pair per shift and per person, up to `max`), then the overlapping pairs the rules must refuse,
 * one in four. The first request is a valid pair, so the check before the load sees a success.
 */
export async function buildAssignPairs(apiUrl: string, token: string, shiftIds: string[], refused: Pair[], max: number): Promise<BenchContext['assignPairs']> {
  const valid: Pair[] = [];
  const taken = new Set(refused.map((p) => p.staffMemberId));
  // In batches, stopping once there are enough: each call costs ~0.1 s of database time.
  for (let start = 0; start < shiftIds.length && valid.length < max; start += 16) {
    const batch = shiftIds.slice(start, start + 16);
    const answers = await mapLimit(batch, 2, (s) =>
      graphql<{ replacementCandidates: { staffMemberId: string }[] }>(
        apiUrl,
        'query R($s: ID!) { replacementCandidates(shiftId: $s, first: 10) { staffMemberId } }',
        { s },
        token,
      ),
    );
    batch.forEach((shiftId, i) => {
      if (valid.length >= max) return;
      const pick = answers[i].replacementCandidates.find((c) => !taken.has(c.staffMemberId));
      if (!pick) return;
      taken.add(pick.staffMemberId);
      valid.push({ shiftId, staffMemberId: pick.staffMemberId });
    });
  }
  const pairs: BenchContext['assignPairs'] = [];
  let r = 0;
  for (let v = 0; v < valid.length; v++) {
    pairs.push({ ...valid[v], expect: 'valid' });
    if (v % 3 === 2 && r < refused.length) pairs.push({ ...refused[r++], expect: 'refused' });
  }
  while (r < refused.length) pairs.push({ ...refused[r++], expect: 'refused' });
  return pairs;
}
