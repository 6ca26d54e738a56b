import { dataSourceOptions } from '@baton/database';
import { DataSource } from 'typeorm';
import { migrations } from '@baton/migrations';
import { createTestDatabase, TestDatabase } from '../utils/test-database';

/**
 * Data written before a rule existed is repaired by the migration that brings the rule: run the
 * migrations up to just before it, write what the old code accepted, then run the rest.
 */
describe('data migrations', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  const open = async (count: number) => {
    const source = new DataSource({
      ...dataSourceOptions({ url: db.url, poolSize: 1, runMigrations: false, entities: [], migrations: migrations.slice(0, count) }),
    });
    await source.initialize();
    await source.runMigrations({ transaction: 'each' });
    return source;
  };
  const index = (name: string) => migrations.findIndex((m) => m.name.startsWith(name));

  // An empty embedded database starts cold and migrates from nothing, twice: slow on a busy machine.
  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
  }, 90_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('time zones stored as typed become canonical (audited); grants naming another event’s venues are narrowed or removed, never widened', async () => {
    const old = await open(index('GrantScopeInEvent'));
    const [a] = await old.query(
      `INSERT INTO events (code, name, time_zone, starts_on, ends_on) VALUES ('OLDA', 'A', 'europe/paris', '2024-07-01', '2024-08-01') RETURNING id`,
    );
    const [b] = await old.query(
      `INSERT INTO events (code, name, time_zone, starts_on, ends_on) VALUES ('OLDB', 'B', 'UTC', '2024-07-01', '2024-08-01') RETURNING id`,
    );
    const venue = async (event: string, code: string, zone: string) =>
      (
        await old.query(`INSERT INTO venues (event_id, code, name, city, kind, time_zone) VALUES ($1, $2, $2, 'x', 'COMPETITION', $3) RETURNING id`, [
          event,
          code,
          zone,
        ])
      )[0].id as string;
    const zones: Record<string, string> = {
      'pacific/tahiti': 'Pacific/Tahiti',
      'Asia/Calcutta': 'Asia/Kolkata',
      EST: 'America/Panama',
      PST: 'America/Los_Angeles',
      'Etc/GMT': 'UTC',
      'Europe/Paris': 'Europe/Paris',
    };
    const venues: Record<string, string> = {};
    let i = 0;
    for (const zone of Object.keys(zones)) venues[zone] = await venue(a.id, `V${i++}`, zone);
    const foreign = await venue(b.id, 'FB', 'UTC');
    const [team] = await old.query(`INSERT INTO teams (event_id, code, name) VALUES ($1, 'NET', 'Network') RETURNING id`, [a.id]);
    const [user] = await old.query(`INSERT INTO users (email, display_name) VALUES ('c@example.org', 'C') RETURNING id`);
    const grant = async (venueIds: string[], teamIds: string[] = []) =>
      (
        await old.query(`INSERT INTO role_grants (user_id, role, event_id, venue_ids, team_ids) VALUES ($1, 'COORDINATOR', $2, $3, $4) RETURNING id`, [
          user.id,
          a.id,
          venueIds,
          teamIds,
        ])
      )[0].id as string;
    const mixed = await grant([venues['Europe/Paris'], foreign], [team.id]);
    const onlyForeign = await grant([foreign]);
    const clean = await grant([venues['Europe/Paris']]);
    const [invitation] = await old.query(
      `INSERT INTO invitations (email, display_name, token_hash, role, event_id, venue_ids, invited_by_id, expires_at) VALUES ('i@example.org', 'I', 'h', 'COORDINATOR', $1, $2, $3, now() + interval '1 day') RETURNING id`,
      [a.id, [foreign], user.id],
    );
    await old.destroy();

    dataSource = await open(migrations.length);
    const stored = await dataSource.query(`SELECT id, time_zone FROM venues`);
    for (const [zone, id] of Object.entries(venues)) expect([zone, stored.find((r: { id: string }) => r.id === id).time_zone]).toEqual([zone, zones[zone]]);
    expect((await dataSource.query(`SELECT time_zone FROM events WHERE id = $1`, [a.id]))[0].time_zone).toBe('Europe/Paris');
    const zoneAudit = await dataSource.query(`SELECT entity_id, before, after, reason FROM audit_entries WHERE action = 'venue.time_zone_canonicalised'`);
    expect(zoneAudit).toHaveLength(5);
    expect(zoneAudit.find((r: { entity_id: string }) => r.entity_id === venues.EST).reason).toContain('check it is the right city');

    const grants = await dataSource.query(`SELECT id, venue_ids, team_ids FROM role_grants ORDER BY created_at`);
    expect(grants.map((g: { id: string }) => g.id).sort()).toEqual([mixed, clean].sort());
    expect(grants.find((g: { id: string }) => g.id === mixed)).toMatchObject({ venue_ids: [venues['Europe/Paris']], team_ids: [team.id] });
    expect((await dataSource.query(`SELECT revoked_at FROM invitations WHERE id = $1`, [invitation.id]))[0].revoked_at).not.toBeNull();
    const grantAudit = await dataSource.query(`SELECT action, entity_id FROM audit_entries WHERE entity_type IN ('role_grant', 'invitation') ORDER BY action`);
    expect(grantAudit).toEqual([
      { action: 'invitation.revoked', entity_id: invitation.id },
      { action: 'role_grant.narrowed', entity_id: mixed },
      { action: 'role_grant.removed', entity_id: onlyForeign },
    ]);
  }, 90_000);

  it('a stored zone that cannot be mapped stops the migration and names the row', async () => {
    const applied = async () => (await dataSource.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name as string);
    // Back to just before CanonicalTimeZones, whatever migrations came after it.
    while ((await applied()).some((name: string) => name.startsWith('CanonicalTimeZones'))) await dataSource.undoLastMigration({ transaction: 'each' });
    const [venue] = await dataSource.query(`SELECT id FROM venues LIMIT 1`);
    await dataSource.query(`UPDATE venues SET time_zone = 'mars/base' WHERE id = $1`, [venue.id]);
    await expect(dataSource.runMigrations({ transaction: 'each' })).rejects.toThrow(new RegExp(`venue ${venue.id}: "mars/base"`));
    await dataSource.query(`UPDATE venues SET time_zone = 'Europe/Paris' WHERE id = $1`, [venue.id]);
    expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(migrations.length - index('CanonicalTimeZones'));
  }, 90_000);
});
