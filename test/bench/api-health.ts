import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Child, ROOT } from './children';

/** Everything the API printed at warn or above (LOG_LEVEL=warn), grouped by message. */
export function apiProblems(api: Child): { count: number; distinct: { message: string; times: number }[] } {
  const groups = new Map<string, number>();
  let count = 0;
  for (const line of api.lines) {
    let message = line.slice(0, 300);
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string; type?: string }; context?: string };
      if (typeof entry.level === 'number' && entry.level < 40) continue;
      message = [entry.context, entry.msg, entry.err?.type, entry.err?.message].filter(Boolean).join(' | ').slice(0, 300);
    } catch {
      /* not JSON: a stack trace or a crash message, count it as is */
    }
    count++;
    groups.set(message, (groups.get(message) ?? 0) + 1);
  }
  const distinct = [...groups]
    .map(([message, times]) => ({ message, times }))
    .sort((a, b) => b.times - a.times)
    .slice(0, 20);
  return { count, distinct };
}

/** Until the API answers /health/live within 50 ms twice in a row (it may still be writing big answers), 60 s at most. */
export async function apiResponsive(apiUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let fast = 0;
  while (fast < 2 && Date.now() < deadline) {
    const started = Date.now();
    try {
      await (await fetch(`${apiUrl}/health/live`, { signal: AbortSignal.timeout(10_000) })).text();
      fast = Date.now() - started < 50 ? fast + 1 : 0;
    } catch {
      fast = 0;
    }
    if (fast < 2) await sleep(100);
  }
}

export function gitCommit(): string | null {
  try {
    const head = readFileSync(join(ROOT, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    return readFileSync(join(ROOT, '.git', head.slice(5)), 'utf8').trim();
  } catch {
    return null;
  }
}
