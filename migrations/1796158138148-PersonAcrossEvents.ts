import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One person, several staff records (one per event): the account (user) is copied onto each
 * assignment by trigger, so PostgreSQL refuses two overlapping active assignments of one person
 * across events too, and keeps refusing when a record is linked to an account later.
 */
export class PersonAcrossEvents1796158138148 implements MigrationInterface {
  name = 'PersonAcrossEvents1796158138148';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "assignments" ADD "user_id" uuid');
    // A few seconds at Games scale, and the constraint below needs every row filled.
    await queryRunner.query(
      'UPDATE "assignments" a SET "user_id" = m."user_id" FROM "staff_members" m WHERE m."id" = a."staff_member_id" AND m."user_id" IS NOT NULL',
    );
    // Fails (23P01) if people are already double-booked across events: cancel one of each pair first.
    await queryRunner.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "assignments_person_no_overlap" EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" IN ('ASSIGNED', 'CONFIRMED') AND "user_id" IS NOT NULL)`,
    );
    await queryRunner.query('CREATE INDEX "staff_members_user_idx" ON "staff_members" ("user_id") WHERE "user_id" IS NOT NULL');
    // The fill trigger now also copies the person, and runs when anyone writes user_id by hand.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION baton_assignment_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        shift_row shifts%ROWTYPE;
        staff_row staff_members%ROWTYPE;
      BEGIN
        SELECT * INTO shift_row FROM shifts WHERE id = NEW.shift_id;
        SELECT * INTO staff_row FROM staff_members WHERE id = NEW.staff_member_id;
        IF shift_row.event_id IS DISTINCT FROM staff_row.event_id THEN
          RAISE EXCEPTION 'staff member and shift belong to different events'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_same_event_check';
        END IF;
        NEW.event_id := shift_row.event_id;
        NEW.starts_at := shift_row.starts_at;
        NEW.ends_at := shift_row.ends_at;
        NEW.user_id := staff_row.user_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`DROP TRIGGER assignments_fill ON "assignments"`);
    await queryRunner.query(
      `CREATE TRIGGER assignments_fill BEFORE INSERT OR UPDATE OF shift_id, staff_member_id, user_id ON "assignments" FOR EACH ROW EXECUTE FUNCTION baton_assignment_fill()`,
    );
    // Linking a record to an account (or the account going away: ON DELETE SET NULL) moves its
    // assignments to that person; the exclusion constraint then refuses an overlap (23P01).
    await queryRunner.query(`
      CREATE FUNCTION baton_staff_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE assignments SET user_id = NEW.user_id WHERE staff_member_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER staff_members_person AFTER UPDATE OF user_id ON "staff_members" FOR EACH ROW WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id) EXECUTE FUNCTION baton_staff_person()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER staff_members_person ON "staff_members"`);
    await queryRunner.query(`DROP FUNCTION baton_staff_person()`);
    await queryRunner.query(`DROP TRIGGER assignments_fill ON "assignments"`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION baton_assignment_fill() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        shift_row shifts%ROWTYPE;
        staff_event uuid;
      BEGIN
        SELECT * INTO shift_row FROM shifts WHERE id = NEW.shift_id;
        SELECT event_id INTO staff_event FROM staff_members WHERE id = NEW.staff_member_id;
        IF shift_row.event_id IS DISTINCT FROM staff_event THEN
          RAISE EXCEPTION 'staff member and shift belong to different events'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'assignments_same_event_check';
        END IF;
        NEW.event_id := shift_row.event_id;
        NEW.starts_at := shift_row.starts_at;
        NEW.ends_at := shift_row.ends_at;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assignments_fill BEFORE INSERT OR UPDATE OF shift_id ON "assignments" FOR EACH ROW EXECUTE FUNCTION baton_assignment_fill()`,
    );
    await queryRunner.query('DROP INDEX "public"."staff_members_user_idx"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "assignments_person_no_overlap"');
    await queryRunner.query('ALTER TABLE "assignments" DROP COLUMN "user_id"');
  }
}
