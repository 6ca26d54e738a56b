import { ApiCommand, killAllNow, PROFILING, stopAll } from './children';
import type { BenchDatabase } from './database';
import type { DatabaseWatch } from './database-watch';
import { log } from './settings';

/** What the run has opened so far; cleanup closes whatever is set, once. */
export const resources: {
  database?: BenchDatabase;
  apiCommand?: ApiCommand;
  stopMeter?: () => Promise<void>;
  watch?: DatabaseWatch;
} = {};

let cleaning: Promise<void> | undefined;
let interrupted = false;

/** After Ctrl-C the children go away and pending steps fail: that is not news. */
export const wasInterrupted = () => interrupted;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const { database, apiCommand, stopMeter, watch } = resources;
    await stopMeter?.().catch(() => undefined);
    await watch?.close().catch(() => undefined);
    await stopAll().catch(() => undefined);
    try {
      apiCommand?.cleanup();
    } catch {
      /* a leftover cache folder is harmless */
    }
    if (database) {
      try {
        await database.drop();
        log(`dropped database ${database.name}`);
      } catch (error) {
        process.stderr.write(`[bench] could not drop database ${database.name}: ${(error as Error).message}\n`);
      }
    }
  })();
  return cleaning;
}

/** Runs once, on success, failure, Ctrl-C or SIGTERM; a hung step cannot keep the process past 30 s. */
export async function cleanupAndExit(code: number): Promise<never> {
  const bound = setTimeout(
    () => {
      killAllNow();
      process.exit(code);
    },
    PROFILING ? 90_000 : 30_000,
  );
  bound.unref();
  await cleanup();
  killAllNow();
  process.exit(code);
}

export function cleanupOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      process.stderr.write(`\n[bench] ${signal}: stopping the servers and dropping the database …\n`);
      void cleanupAndExit(130);
    });
  }
}
