import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staffing counters per shift (assigned, checked in, no-show among the active assignments), kept
 * by triggers in the same transaction as every write to assignments, so that the coverage board
 * reads one row per shift instead of counting assignments, and no write path can forget them.
 * "Needed" is the shift's headcount, read from the shift itself (as are its times, venue, team
 * and status: a shift change needs no counter work). The UPDATE of the counter row takes its row
 * lock, so two transactions writing to the same shift add up exactly.
 */
export class CoverageCounters1796200500000 implements MigrationInterface {
  name = 'CoverageCounters1796200500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "shift_staffing" (
        "shift_id" uuid PRIMARY KEY REFERENCES "shifts"("id") ON DELETE CASCADE,
        "assigned" integer NOT NULL DEFAULT 0,
        "checked_in" integer NOT NULL DEFAULT 0,
        "no_show" integer NOT NULL DEFAULT 0,
        CONSTRAINT "shift_staffing_counts_check" CHECK ("assigned" >= 0 AND "checked_in" >= 0 AND "no_show" >= 0)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION baton_shift_staffing_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO shift_staffing (shift_id) VALUES (NEW.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER shifts_staffing_row AFTER INSERT ON "shifts" FOR EACH ROW EXECUTE FUNCTION baton_shift_staffing_row()`);
    // One delta per side (old row out, new row in); a change that moves nothing touches nothing.
    await queryRunner.query(`
      CREATE FUNCTION baton_shift_staffing_count() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_active boolean := TG_OP <> 'INSERT' AND OLD.status IN ('ASSIGNED', 'CONFIRMED');
        is_active boolean := TG_OP <> 'DELETE' AND NEW.status IN ('ASSIGNED', 'CONFIRMED');
        old_a int := 0; old_c int := 0; old_n int := 0;
        new_a int := 0; new_c int := 0; new_n int := 0;
      BEGIN
        IF was_active THEN
          old_a := 1;
          old_c := CASE WHEN OLD.checked_in_at IS NULL THEN 0 ELSE 1 END;
          old_n := CASE WHEN OLD.no_show_at IS NULL THEN 0 ELSE 1 END;
        END IF;
        IF is_active THEN
          new_a := 1;
          new_c := CASE WHEN NEW.checked_in_at IS NULL THEN 0 ELSE 1 END;
          new_n := CASE WHEN NEW.no_show_at IS NULL THEN 0 ELSE 1 END;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.shift_id = NEW.shift_id THEN
          IF (new_a, new_c, new_n) IS DISTINCT FROM (old_a, old_c, old_n) THEN
            UPDATE shift_staffing
               SET assigned = assigned + new_a - old_a, checked_in = checked_in + new_c - old_c, no_show = no_show + new_n - old_n
             WHERE shift_id = NEW.shift_id;
          END IF;
          RETURN NULL;
        END IF;
        IF old_a = 1 THEN
          UPDATE shift_staffing SET assigned = assigned - 1, checked_in = checked_in - old_c, no_show = no_show - old_n
           WHERE shift_id = OLD.shift_id;
        END IF;
        IF new_a = 1 THEN
          UPDATE shift_staffing SET assigned = assigned + 1, checked_in = checked_in + new_c, no_show = no_show + new_n
           WHERE shift_id = NEW.shift_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assignments_staffing_count AFTER INSERT OR DELETE OR UPDATE OF status, shift_id, checked_in_at, no_show_at ON "assignments" FOR EACH ROW EXECUTE FUNCTION baton_shift_staffing_count()`,
    );
    // Backfill inside the migration's transaction: the triggers above see every later write.
    await queryRunner.query(`
      INSERT INTO shift_staffing (shift_id, assigned, checked_in, no_show)
      SELECT s.id,
             count(a.id) FILTER (WHERE a.status IN ('ASSIGNED', 'CONFIRMED')),
             count(a.checked_in_at) FILTER (WHERE a.status IN ('ASSIGNED', 'CONFIRMED')),
             count(a.no_show_at) FILTER (WHERE a.status IN ('ASSIGNED', 'CONFIRMED'))
        FROM shifts s LEFT JOIN assignments a ON a.shift_id = s.id
       GROUP BY s.id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS assignments_staffing_count ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS shifts_staffing_row ON "shifts"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_shift_staffing_count()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_shift_staffing_row()`);
    await queryRunner.query(`DROP TABLE IF EXISTS "shift_staffing"`);
  }
}
