import { isDeepStrictEqual } from 'node:util';
import { BenchContext, NESTED_ROSTER, Scenario } from './scenarios';
import { log } from './settings';

async function json(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/**
 * A ratio to a reference means nothing if the two answer different things: before any load,
 * nested-roster and its hand-written SQL reference must give the same JSON for every venue
 * (the same rows, in the same order, with the same values).
 */
export async function checkSameAnswers(running: Scenario[], ctx: BenchContext): Promise<void> {
  if (!running.some((s) => s.name === 'nested-roster') || !running.some((s) => s.name === 'nested-roster-sql')) return;
  let assignments = 0;
  for (const venueId of ctx.venueIds) {
    const api = await json(`${ctx.apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.coordinatorToken}` },
      body: JSON.stringify({ query: NESTED_ROSTER, variables: { e: ctx.eventId, v: [venueId] } }),
    });
    const sql = await json(`${ctx.baselineUrl}/roster/${ctx.eventId}/${venueId}`, { method: 'GET' });
    if (!isDeepStrictEqual(api, sql)) {
      throw new Error(
        `nested-roster and nested-roster-sql answer differently for venue ${venueId}:\nAPI: ${JSON.stringify(api).slice(0, 600)}\nSQL: ${JSON.stringify(sql).slice(0, 600)}`,
      );
    }
    const edges = (api as { data: { shifts: { edges: { node: { assignments: unknown[] } }[] } } }).data.shifts.edges;
    assignments += edges.reduce((n, e) => n + e.node.assignments.length, 0);
  }
  log(`nested-roster: the API and the hand-written SQL give the same JSON for all ${ctx.venueIds.length} venues (${assignments} assignments)`);
}
