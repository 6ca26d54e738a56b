import type { INestApplicationContext, ModuleMetadata } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { TestDatabase } from './test-database';

/** The worker app (apps/worker: no HTTP) on a test database, with the same env handling as startTestApp. */
export async function startTestWorker(options: {
  db: TestDatabase;
  env?: Record<string, string>;
  imports?: ModuleMetadata['imports'];
}): Promise<INestApplicationContext> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: options.db.url,
    MIGRATIONS_RUN: 'false',
    SEED_DEMO: 'false',
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: options.db.kind === 'embedded' ? '1' : '4',
    JOBS: 'worker',
    ...options.env,
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.REDIS_URL;
  try {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule, ...(options.imports ?? [])] }).compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    return moduleRef;
  } finally {
    process.env = saved;
  }
}
