import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BatonConfig, loadConfig } from '@baton/config';
import { printDemoBanner } from '@baton/demo';
import { createFastifyAdapter } from '@baton/observability';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

/** Builds the HTTP app; main.ts and the benchmarks start Baton through here. */
export async function createApp(): Promise<NestFastifyApplication> {
  // Validated before Nest starts, so a bad variable is reported once, clearly.
  const config = loadConfig();
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createFastifyAdapter(config), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

export async function startApp(): Promise<NestFastifyApplication> {
  const app = await createApp();
  const config = app.get(BatonConfig);
  await app.listen(config.http.port, config.http.host);
  if (!config.isProduction) printDemoBanner(`http://localhost:${config.http.port}`, { ide: config.graphql.ide });
  return app;
}
