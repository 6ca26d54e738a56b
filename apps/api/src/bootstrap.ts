import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { BatonConfig } from '@baton/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';

/** Builds the HTTP app; main.ts, the e2e tests and the benchmarks all start Baton through here. */
export async function createApp(options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ trustProxy: process.env.TRUST_PROXY === 'true', bodyLimit: 1_048_576 });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, { bufferLogs: true, abortOnError: false });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

export async function startApp(): Promise<NestFastifyApplication> {
  const app = await createApp();
  const config = app.get(BatonConfig);
  await app.listen(config.http.port, config.http.host);
  return app;
}
