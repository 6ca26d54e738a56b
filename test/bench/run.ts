/**
 * `npm run bench`: Baton's API against a bare Fastify + pg server doing one primary-key lookup,
 * each in its own process, on a fresh database, loaded by autocannon from a third process.
 * See README.md in this folder for what it measures and the knobs. This file is the sequence;
 * each step lives in its own module.
 */
import { prepareApi } from './children';
import { cleanupAndExit, cleanupOnSignals, resources, wasInterrupted } from './cleanup';
import { CpuMeter } from './cpu';
import { createBenchDatabase, redact } from './database';
import { DatabaseWatch } from './database-watch';
import { prepareDemo } from './demo-context';
import { LoadClient } from './load-client';
import { memoryBreakdown, processRssMiB } from './memory';
import { summarise } from './report';
import { reportResults } from './results';
import { runRounds, verifyScenarios } from './rounds';
import { checkSameAnswers } from './same-answers';
import type { BenchContext } from './scenarios';
import { startApi, startBaseline } from './servers';
import { log, readSettings, Settings } from './settings';

async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    process.stderr.write(`[bench] ${(error as Error).message}\n`);
    return 1;
  }
  log(
    `${settings.scenarios.map((s) => s.name).join(', ')} | ${settings.rounds} round(s) × ${settings.durationSeconds}s, ${settings.connections} connections, ` +
      `warm-up ${settings.warmupSeconds}s, demo scale ${settings.scale}, pool ${settings.poolSize}`,
  );

  // The database first: without a server there is nothing to build for.
  let database;
  try {
    database = resources.database = await createBenchDatabase();
  } catch (error) {
    process.stderr.write(`[bench] ${(error as Error).message}\n`);
    return 1;
  }
  log(`created database ${database.name} (PostgreSQL ${database.serverVersion}) at ${redact(database.url)}`);
  const apiCommand = (resources.apiCommand = await prepareApi(settings.apiMode, log));

  const started = await startApi(settings, database, apiCommand);
  const demo = await prepareDemo(settings, database.url, started);
  const { baseline, baselineUrl } = await startBaseline(settings, database);
  const loader = await LoadClient.start();
  const ctx: BenchContext = { ...demo.ctx, baselineUrl };
  const { running, skipped } = await verifyScenarios(loader, settings, ctx);
  await checkSameAnswers(running, ctx);

  const rssAfterStart = processRssMiB(started.api.process.pid);
  // Scenarios with megabyte answers share their connections between load processes (split-load.ts).
  const extraLoaders = await Promise.all(Array.from({ length: Math.max(0, ...running.map((s) => (s.loadProcesses ?? 1) - 1)) }, () => LoadClient.start()));
  const loaders = [loader, ...extraLoaders];
  const meter = await CpuMeter.open({ api: started.api, baseline, load: loaders.map((l) => l.child) }, database.url);
  resources.stopMeter = () => meter.close();
  const watch = (resources.watch = await DatabaseWatch.open(database.url));
  const rounds = await runRounds(settings, running, ctx, { loaders, meter, watch, servers: [started.api, baseline], api: started.api, apiUrl: started.apiUrl });

  return reportResults({
    settings,
    database,
    apiCommand,
    started,
    demo,
    ctx,
    skipped,
    summaries: summarise(running, settings.baseline, rounds),
    rounds,
    rss: { afterStart: rssAfterStart, atEnd: processRssMiB(started.api.process.pid), breakdown: await memoryBreakdown(started.api, started.apiUrl) },
    watch,
  });
}

cleanupOnSignals();
main()
  .then((code) => cleanupAndExit(code))
  .catch((error: Error) => {
    if (!wasInterrupted()) process.stderr.write(`[bench] failed: ${error.stack ?? error.message}\n`);
    return cleanupAndExit(1);
  });
