import { dataSourceOptions, pendingSchemaChanges } from '@baton/database';
import { migrations } from '@baton/migrations';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { createTestDatabase, TestDatabase } from '../utils/test-database';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';

/** Migrations run up and down on an empty database, and leave a schema equal to the entities. */
describe('migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let entities: DataSource['options']['entities'];

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    // The entity list as the app registers it (autoLoadEntities), without starting the app.
    const saved = { ...process.env };
    Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: db.url, MIGRATIONS_RUN: 'false', LOG_LEVEL: 'silent' });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    entities = moduleRef.get<DataSource>(getDataSourceToken()).options.entities;
    await moduleRef.close();
    process.env = saved;
    dataSource = new DataSource(dataSourceOptions({ url: db.url, poolSize: 2, runMigrations: false, entities, migrations }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const tables = async () =>
    (await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map(
      (r: { table_name: string }) => r.table_name,
    );

  it('apply on an empty database, and the schema then equals the entities', async () => {
    expect(await tables()).toEqual([]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    expect(await tables()).toEqual(expect.arrayContaining(['users', 'events', 'role_grants', 'refresh_tokens', 'audit_entries', 'outbox_messages']));
    const extensions = (await dataSource.query(`SELECT extname FROM pg_extension`)).map((r: { extname: string }) => r.extname);
    expect(extensions).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm']));
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });

  it('revert down to nothing, then apply again', async () => {
    while ((await dataSource.query(`SELECT count(*)::int AS n FROM migrations`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables()).toEqual(['migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await pendingSchemaChanges(dataSource)).toEqual({ up: [], down: [] });
  });
});
