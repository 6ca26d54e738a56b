import { EnvelopeCipher } from '@baton/crypto';
import { dataSourceOptions } from '@baton/database';
import { STAFF_PHONE_CONTEXT } from '@baton/staff';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { migrations } from '@baton/migrations';
import { createTestDatabase, TestDatabase } from '../utils/test-database';

/** Phone numbers stored in plaintext before encryption existed are sealed by the migration, and unsealed by its down. */
describe('staff phone encryption migration', () => {
  let db: TestDatabase;
  let dataSource: DataSource | undefined;
  const key = { id: 'mig1', key: randomBytes(32) };
  const saved = process.env.DATA_ENCRYPTION_KEYS;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    process.env.DATA_ENCRYPTION_KEYS = `${key.id}:${key.key.toString('base64')}`;
  }, 90_000);
  afterAll(async () => {
    process.env.DATA_ENCRYPTION_KEYS = saved;
    await dataSource?.destroy();
    await db?.drop();
  });

  it('moves every plaintext phone into an envelope of the configured key, drops the plaintext; down restores it', async () => {
    const at = migrations.findIndex((m) => m.name.startsWith('StaffPhoneEncryption'));
    dataSource = new DataSource({
      ...dataSourceOptions({ url: db.url, poolSize: 1, runMigrations: false, entities: [], migrations: migrations.slice(0, at) }),
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const [event] = await dataSource.query(
      `INSERT INTO events (code, name, time_zone, starts_on, ends_on) VALUES ('PH', 'P', 'UTC', '2024-07-01', '2024-08-01') RETURNING id`,
    );
    const [org] = await dataSource.query(`INSERT INTO organisations (code, name, kind) VALUES ('ORG', 'Org', 'PARTNER') RETURNING id`);
    const phones = ['+33 6 11 22 33 44', null, '+1 (555) 010-9999'];
    const ids: string[] = [];
    for (const [i, phone] of phones.entries()) {
      const [row] = await dataSource.query(
        `INSERT INTO staff_members (event_id, organisation_id, display_name, employment_type, phone) VALUES ($1, $2, $3, 'EMPLOYEE', $4) RETURNING id`,
        [event.id, org.id, `P${i}`, phone],
      );
      ids.push(row.id);
    }
    await dataSource.destroy();

    dataSource = new DataSource({
      ...dataSourceOptions({ url: db.url, poolSize: 1, runMigrations: false, entities: [], migrations: migrations.slice(0, at + 1) }),
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const columns = await dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'staff_members' AND column_name LIKE 'phone%'`,
    );
    expect(columns).toEqual([{ column_name: 'phone_envelope' }]);
    const rows: Array<{ id: string; phone_envelope: string | null }> = await dataSource.query(
      `SELECT id, phone_envelope FROM staff_members ORDER BY display_name`,
    );
    const cipher = new EnvelopeCipher([key]);
    expect(rows.map((r) => r.phone_envelope && cipher.openText(r.phone_envelope, STAFF_PHONE_CONTEXT))).toEqual(phones);
    expect(rows[0].phone_envelope).toMatch(/^v1:mig1:/);
    expect(JSON.stringify(rows)).not.toContain('11 22 33');

    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await dataSource.query(`SELECT phone FROM staff_members ORDER BY display_name`)).toEqual(phones.map((phone) => ({ phone })));
  }, 90_000);
});
