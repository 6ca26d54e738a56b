import type { ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@baton/config';
import { createFastifyAdapter } from '@baton/observability';
import { Clock, FixedClock } from '@baton/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { createTestDatabase, TestDatabase } from './test-database';
import { GraphqlClient } from './graphql-client';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  db: TestDatabase;
  dataSource: DataSource;
  clock: FixedClock;
  gql: GraphqlClient;
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real app (all modules, real guards, real database) on a random port, with a clock the
 * test controls. Each call gets its own database unless `db` is given; `close()` drops it.
 * `imports` adds test-only modules (job handlers used as test vehicles).
 */
export async function startTestApp(
  options: { env?: Record<string, string>; now?: string; db?: TestDatabase; imports?: ModuleMetadata['imports'] } = {},
): Promise<TestApp> {
  const db = options.db ?? (await createTestDatabase());
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_ENCRYPTION_KEYS: `test:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'silent',
    // One connection on the embedded database, as the app itself uses there (see EMBEDDED_POOL_SIZE).
    DB_POOL_SIZE: db.kind === 'embedded' ? '1' : '10',
    ...options.env,
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  if (!options.env?.REDIS_URL) delete process.env.REDIS_URL;
  const clock = new FixedClock(new Date(options.now ?? Date.now()));
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(loadConfig()), { logger: false });
    app.enableShutdownHooks();
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    const dataSource = app.get(DataSource);
    return {
      app,
      url: url.replace('[::1]', '127.0.0.1'),
      db,
      dataSource,
      clock,
      env,
      gql: new GraphqlClient(`${url}/graphql`),
      close: async () => {
        await app.close();
        if (!options.db) await db.drop();
      },
    };
  } finally {
    process.env = saved;
  }
}
