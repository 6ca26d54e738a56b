import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables the replacement search reads for its ranking and its verdicts (beyond the shift's own
 * row and the rules, which the API reads fresh on every request and makes part of its cache key):
 * any write to them tells the API, on channel `baton_changes`, topic `replacements`, so a cached
 * ranking can never outlive a change, whatever made it (a cascade, the CLI, another instance,
 * psql). One notification per statement, and PostgreSQL folds identical ones of a transaction into
 * one, so an assignment (its row, the shift's counter, the working days) sends one.
 *
 * No ids in the payload: a change to one person's roster moves the workload score of everyone in
 * the ranking (it is relative to the busiest candidate), and a person may work several events, so
 * the cache is emptied whole.
 */
const TABLES = [
  'assignments',
  'person_work_days',
  'shifts',
  'shift_required_skills',
  'staff_members',
  'staff_member_skills',
  'availability_periods',
  'work_rule_sets',
  'venues',
  'skills',
];

/**
 * Check-ins, no-shows and notes update assignments far more often than anything else at Games time,
 * and the search reads none of them: only these columns' updates empty the cache.
 */
const ASSIGNMENT_COLUMNS_READ = ['status', 'shift_id', 'staff_member_id', 'event_id', 'user_id', 'starts_at', 'ends_at'];

export class ReplacementChangeNotifications1796470000000 implements MigrationInterface {
  name = 'ReplacementChangeNotifications1796470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION baton_replacements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('baton_changes', json_build_object('topic', 'replacements', 'tx', pg_current_xact_id()::text)::text);
        RETURN NULL;
      END $$`);
    for (const table of TABLES) {
      const updates = table === 'assignments' ? `UPDATE OF ${ASSIGNMENT_COLUMNS_READ.join(', ')}` : 'UPDATE';
      await queryRunner.query(
        `CREATE TRIGGER ${table}_replacements_changed AFTER INSERT OR ${updates} OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION baton_replacements_changed()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TRIGGER ${table}_replacements_changed ON ${table}`);
    await queryRunner.query(`DROP FUNCTION baton_replacements_changed()`);
  }
}
