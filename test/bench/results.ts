import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { apiProblems, gitCommit } from './api-health';
import type { ApiCommand } from './children';
import type { BenchDatabase } from './database';
import type { DatabaseWatch } from './database-watch';
import type { DemoContext } from './demo-context';
import type { MemoryBreakdown } from './memory';
import type { LoadResult } from './protocol';
import { failureCount, ScenarioSummary, SkippedScenario, table } from './report';
import type { BenchContext } from './scenarios';
import { log, Settings } from './settings';
import type { StartedApi } from './servers';

export interface RunOutcome {
  settings: Settings;
  database: BenchDatabase;
  apiCommand: ApiCommand;
  started: StartedApi;
  demo: DemoContext;
  ctx: BenchContext;
  skipped: SkippedScenario[];
  summaries: ScenarioSummary[];
  rounds: Map<string, LoadResult>[];
  rss: { afterStart: number | null; atEnd: number | null; breakdown: MemoryBreakdown };
  watch: DatabaseWatch;
}

/** The table on stdout, the JSON report in the results folder, the hints; 1 when any response failed. */
export function reportResults(o: RunOutcome): number {
  const { settings, summaries, skipped, demo, ctx } = o;
  const names = settings.scenarios.map((s) => s.name);
  const problems = apiProblems(o.started.api);

  process.stdout.write(`\n${table(summaries, skipped)}\n\n`);
  process.stdout.write(
    `medians over ${settings.rounds} round(s) of ${settings.durationSeconds}s, ${settings.connections} connections; ` +
      `ratio = req/s ÷ ${settings.baseline} req/s; ratio sql = req/s ÷ the scenario's hand-written SQL reference. API: ${o.apiCommand.note}, RSS ${o.rss.afterStart ?? '?'} → ${o.rss.atEnd ?? '?'} MiB (peak ${o.rss.breakdown.peakMiB ?? '?'}).\n` +
      `API memory at the end: ${describeBreakdown(o.rss.breakdown)}\n`,
  );
  for (const s of summaries) {
    if (!s.outcomes) continue;
    const total = Object.values(s.outcomes).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${s.scenario} answers over all rounds (${total}): ${Object.entries(s.outcomes)
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ')}\n`,
    );
  }

  const report = {
    startedAt: new Date(o.started.startedAt).toISOString(),
    commit: gitCommit(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryMiB: Math.round(totalmem() / 2 ** 20),
      postgres: o.database.serverVersion,
    },
    settings: { ...settings, scenarios: names, apiMode: o.apiCommand.mode },
    data: {
      scale: settings.scale,
      event: { code: demo.data.eventCode, startsOn: demo.data.startsOn, endsOn: demo.data.endsOn, timeZone: demo.data.timeZone },
      ...demo.data.counts,
      seedSeconds: demo.seeded.seconds,
      candidateShifts: demo.data.candidateShiftIds.length,
      coverageWindow: ctx.eventWindow,
      coverageVenueDay: demo.data.venueDay,
      staffAccounts: ctx.staffTokens.length,
      assignPairs: { valid: demo.validPairs, refused: ctx.assignPairs.length - demo.validPairs },
    },
    skipped,
    summaries,
    rounds: o.rounds.map((round) => Object.fromEntries(round)),
    api: {
      rssMiBAfterStart: o.rss.afterStart,
      rssMiBAtEnd: o.rss.atEnd,
      memoryAtEnd: o.rss.breakdown,
      warnOrErrorLines: problems.count,
      messages: problems.distinct,
    },
    /** statements seen running for ≥ 100 ms (pg_stat_activity, sampled every second during the rounds) */
    slowStatements: o.watch.slowest(),
  };
  mkdirSync(settings.resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = join(settings.resultsDir, `bench-${stamp}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  writeFileSync(join(settings.resultsDir, 'latest.json'), JSON.stringify(report, null, 2));
  log(`results: ${file} (also ${join(settings.resultsDir, 'latest.json')})`);

  const noisy = summaries.filter((s) => (s.cpuCores.other ?? 0) > 0.25);
  if (noisy.length) {
    log(
      `other processes on this machine used ${noisy.map((s) => `${s.cpuCores.other} cores during ${s.scenario}`).join(', ')}: ` +
        'the numbers are noisy, compare them with care or rerun on a quiet machine.',
    );
  }
  const slowest = o.watch.slowest(5);
  if (slowest.length) {
    log('slowest statements seen running during the rounds (pg_stat_activity, sampled each second):');
    for (const s of slowest) log(`  ${s.maxMs} ms (${s.samples}×) ${s.statement}`);
  }
  if (problems.count) {
    log(`the API printed ${problems.count} warning/error line(s) during the run:`);
    for (const { message, times } of problems.distinct) log(`  ${times}× ${message}`);
  }
  const failing = summaries.filter((s) => failureCount(s) > 0);
  for (const s of failing) log(`FAILED responses in ${s.scenario}: ${JSON.stringify(s.failures)}`);
  return failing.length ? 1 : 0;
}

function describeBreakdown(b: MemoryBreakdown): string {
  const spaces = Object.entries(b.v8SpacesMiB);
  const v8 = spaces.reduce((total, [, mib]) => total + mib, 0);
  const parts = [
    spaces.length
      ? `V8 heap ${v8.toFixed(0)} MiB committed (${spaces.map(([space, mib]) => `${space.replace(/_space$/, '')} ${mib.toFixed(0)}`).join(', ')})`
      : 'V8 heap ?',
    `external ${b.externalMiB?.toFixed(0) ?? '?'} MiB`,
    b.smapsMiB ? `smaps: glibc heap ${b.smapsMiB.heap}, other anonymous ${b.smapsMiB.anonymous}, file-backed ${b.smapsMiB.file} MiB` : 'smaps ?',
  ];
  return parts.join('; ');
}
