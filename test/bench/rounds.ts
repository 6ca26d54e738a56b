import { setTimeout as sleep } from 'node:timers/promises';
import { apiResponsive } from './api-health';
import type { Child } from './children';
import type { CpuMeter } from './cpu';
import type { DatabaseWatch } from './database-watch';
import type { LoadClient } from './load-client';
import { RssSampler } from './memory';
import { runScenario } from './split-load';
import type { LoadResult } from './protocol';
import type { SkippedScenario } from './report';
import type { BenchContext } from './scenarios';
import { log, Settings } from './settings';

type Scenario = Settings['scenarios'][number];

/**
 * A benchmark of error responses measures nothing: one real answer per scenario first. A scenario
 * whose optional feature is not in the schema yet is skipped; any other wrong answer stops the run.
 */
export async function verifyScenarios(loader: LoadClient, settings: Settings, ctx: BenchContext): Promise<{ running: Scenario[]; skipped: SkippedScenario[] }> {
  const skipped: SkippedScenario[] = [];
  for (const scenario of settings.scenarios) {
    const result = await loader.verify(scenario.name, ctx);
    if (result.problems.length && scenario.optionalFeature && result.errorCodes.includes('GRAPHQL_VALIDATION_FAILED')) {
      const reason = `${scenario.optionalFeature} is not in this API's schema yet`;
      skipped.push({ scenario: scenario.name, reason });
      log(`SKIPPED ${scenario.name}: ${reason} (${result.problems.join('; ').slice(0, 200)})`);
      continue;
    }
    if (result.problems.length) {
      throw new Error(`scenario ${scenario.name} does not answer correctly: ${result.problems.join('; ')}\nresponse: ${result.sample}`);
    }
    log(`verified ${scenario.name}: HTTP ${result.status}${result.outcome ? ` (${result.outcome})` : ''} ${result.sample.slice(0, 120)}`);
  }
  return { running: settings.scenarios.filter((s) => !skipped.some((k) => k.scenario === s.name)), skipped };
}

export interface Measurement {
  /** the first one runs every scenario; the others join for scenarios with `loadProcesses` */
  loaders: LoadClient[];
  meter: CpuMeter;
  watch: DatabaseWatch;
  servers: Child[];
  /** the API, whose RSS is sampled during each run */
  api: Child;
  apiUrl: string;
}

/** Warm-up (not counted), then the rounds, scenarios interleaved; one result map per round. */
export async function runRounds(settings: Settings, running: Scenario[], ctx: BenchContext, m: Measurement): Promise<Map<string, LoadResult>[]> {
  const settle = async (after: string) => {
    const started = Date.now();
    await m.watch.settle();
    await apiResponsive(m.apiUrl);
    const seconds = (Date.now() - started) / 1000;
    if (seconds > 1) log(`  waited ${seconds.toFixed(1)}s for the API to finish the requests of ${after} still running after the load stopped`);
  };
  const checkAlive = () => {
    for (const child of m.servers) {
      if (child.hasExited()) throw new Error(`${child.name} exited during the load:\n${child.output.toString().slice(-4_000)}`);
    }
  };

  if (settings.warmupSeconds > 0) {
    for (const scenario of running) {
      const warm = await runScenario(m.loaders, scenario, ctx, settings.connections, settings.warmupSeconds);
      checkAlive();
      await settle(scenario.name);
      log(`warm-up ${scenario.name}: ${warm.requestsPerSecond.toFixed(0)} req/s (not counted)`);
    }
  }

  const rounds: Map<string, LoadResult>[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    // Interleaved, and the order rotates each round so no scenario always runs first.
    const order = running.map((_, i) => running[(i + round) % running.length]);
    const results = new Map<string, LoadResult>();
    for (const scenario of order) {
      await settle('the previous scenario');
      await sleep(500);
      const before = await m.meter.snapshot();
      m.watch.startSampling(scenario.name);
      const rss = new RssSampler(m.api);
      const result = await runScenario(m.loaders, scenario, ctx, settings.connections, settings.durationSeconds);
      delete result.latencies;
      result.apiRssMiB = rss.stop();
      m.watch.stopSampling();
      const cpu = m.meter.cores(before, await m.meter.snapshot());
      result.cpuCores = cpu;
      checkAlive();
      results.set(scenario.name, result);
      const bad = result.non2xx + result.errors + result.timeouts + result.mismatches;
      for (const sample of result.refusedSamples ?? []) log(`  refused answer: ${sample.slice(0, 300)}`);
      log(
        `round ${round + 1}/${settings.rounds} ${scenario.name.padEnd(22)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
          `p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms  ` +
          `cores: server ${cpu.server ?? '?'} db ${cpu.db ?? '?'} load ${cpu.load ?? '?'} other ${cpu.other ?? '?'}  ` +
          `API RSS peak ${result.apiRssMiB.peak ?? '?'} MiB` +
          `${result.loadProcesses ? `  (${result.loadProcesses} load processes)` : ''}` +
          `${bad ? `  FAILURES ${bad}` : ''}`,
      );
    }
    rounds.push(results);
  }
  return rounds;
}
