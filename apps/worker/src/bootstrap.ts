import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BatonConfig, loadConfig } from '@baton/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Starts the worker: a Nest application context (no HTTP server) whose queue runs the jobs. */
export async function startWorker(): Promise<INestApplicationContext> {
  const config = loadConfig();
  if (config.jobs.mode === 'off') throw new Error('JOBS=off: this worker would run nothing. Set JOBS=worker (or api).');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: stop taking jobs, let running ones finish (or abort them after the grace period), close the pool.
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`Baton worker started (JOBS=${app.get(BatonConfig).jobs.mode})`);
  return app;
}
