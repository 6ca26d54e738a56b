import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staffing: staff members, shifts, work rules, assignments; the database keeps overlaps and headcounts impossible. */

export class Staffing1795877945215 implements MigrationInterface {
  name = 'Staffing1795877945215';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"shift_status\" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')");
    await queryRunner.query(
      'CREATE TABLE "shifts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "venue_id" uuid NOT NULL, "team_id" uuid NOT NULL, "role_title" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "headcount" smallint NOT NULL, "active_count" smallint NOT NULL DEFAULT \'0\', "status" "public"."shift_status" NOT NULL DEFAULT \'DRAFT\', "notes" text, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "shifts_capacity_check" CHECK ("active_count" >= 0 AND "active_count" <= "headcount"), CONSTRAINT "shifts_headcount_check" CHECK ("headcount" BETWEEN 1 AND 500), CONSTRAINT "shifts_order_check" CHECK ("ends_at" > "starts_at" AND "ends_at" - "starts_at" <= interval \'72 hours\'), CONSTRAINT "PK_84d692e367e4d6cdf045828768c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "shifts_event_starts_idx" ON "shifts"  ("event_id", "starts_at") ');
    await queryRunner.query('CREATE INDEX "shifts_event_team_starts_idx" ON "shifts"  ("event_id", "team_id", "starts_at") ');
    await queryRunner.query('CREATE INDEX "shifts_event_venue_starts_idx" ON "shifts"  ("event_id", "venue_id", "starts_at") ');
    await queryRunner.query(
      'CREATE TABLE "shift_required_skills" ("shift_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "min_level" smallint NOT NULL, CONSTRAINT "shift_required_skills_level_check" CHECK ("min_level" BETWEEN 1 AND 4), CONSTRAINT "PK_696ba7a23bd394dc7240d0af5ac" PRIMARY KEY ("shift_id", "skill_id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"employment_type\" AS ENUM('EMPLOYEE', 'CONTRACTOR', 'VOLUNTEER')");
    await queryRunner.query("CREATE TYPE \"public\".\"accreditation_status\" AS ENUM('PENDING', 'VALID', 'SUSPENDED')");
    await queryRunner.query(
      'CREATE TABLE "staff_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "user_id" uuid, "organisation_id" uuid NOT NULL, "team_id" uuid, "home_venue_id" uuid, "display_name" text NOT NULL, "email" text, "phone" text, "employment_type" "public"."employment_type" NOT NULL, "languages" text array NOT NULL DEFAULT \'{}\', "accreditation_zones" text array NOT NULL DEFAULT \'{}\', "accreditation_status" "public"."accreditation_status" NOT NULL DEFAULT \'PENDING\', "external_ref" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "staff_members_event_external_ref_key" UNIQUE ("event_id", "external_ref"), CONSTRAINT "staff_members_event_user_key" UNIQUE ("event_id", "user_id"), CONSTRAINT "staff_members_email_lower_check" CHECK ("email" IS NULL OR "email" = lower("email")), CONSTRAINT "PK_cdad75efe024402db5d51140960" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "staff_members_event_venue_idx" ON "staff_members"  ("event_id", "home_venue_id") ');
    await queryRunner.query('CREATE INDEX "staff_members_event_team_idx" ON "staff_members"  ("event_id", "team_id") ');
    await queryRunner.query("CREATE TYPE \"public\".\"availability_kind\" AS ENUM('UNAVAILABLE', 'PREFERRED', 'UNDESIRED')");
    await queryRunner.query(
      'CREATE TABLE "availability_periods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_member_id" uuid NOT NULL, "kind" "public"."availability_kind" NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_periods_order_check" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_26029038f6c60ed1508add58125" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "availability_periods_staff_idx" ON "availability_periods"  ("staff_member_id", "starts_at") ');
    await queryRunner.query(
      'CREATE TABLE "staff_member_skills" ("staff_member_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "level" smallint NOT NULL, CONSTRAINT "staff_member_skills_level_check" CHECK ("level" BETWEEN 1 AND 4), CONSTRAINT "PK_ae502477ec44c75571f69a056cb" PRIMARY KEY ("staff_member_id", "skill_id"))',
    );
    await queryRunner.query('CREATE INDEX "staff_member_skills_skill_idx" ON "staff_member_skills"  ("skill_id", "level") ');
    await queryRunner.query("CREATE TYPE \"public\".\"rule_mode\" AS ENUM('BLOCK', 'WARN', 'OFF')");
    await queryRunner.query(
      'CREATE TABLE "work_rule_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "employment_type" "public"."employment_type" NOT NULL, "min_rest_minutes" integer NOT NULL, "max_daily_minutes" integer NOT NULL, "max_weekly_minutes" integer NOT NULL, "rest_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "daily_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "weekly_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "skills_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "accreditation_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "availability_mode" "public"."rule_mode" NOT NULL DEFAULT \'BLOCK\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_rule_sets_event_type_key" UNIQUE ("event_id", "employment_type"), CONSTRAINT "work_rule_sets_values_check" CHECK ("min_rest_minutes" BETWEEN 0 AND 2880 AND "max_daily_minutes" BETWEEN 60 AND 1440 AND "max_weekly_minutes" BETWEEN 60 AND 10080), CONSTRAINT "PK_7a6d60b0ac71ab1da9dcc0ff591" PRIMARY KEY ("id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"assignment_status\" AS ENUM('ASSIGNED', 'CONFIRMED', 'DECLINED', 'CANCELLED')");
    await queryRunner.query("CREATE TYPE \"public\".\"assignment_source\" AS ENUM('MANUAL', 'SELF', 'SWAP', 'AUTO')");
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "shift_id" uuid NOT NULL, "staff_member_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."assignment_status" NOT NULL DEFAULT \'ASSIGNED\', "source" "public"."assignment_source" NOT NULL, "assigned_by_id" uuid, "rule_notes" jsonb NOT NULL DEFAULT \'[]\', "override_reason" text, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_out_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assignments_no_overlap" EXCLUDE USING gist ("staff_member_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" IN (\'ASSIGNED\', \'CONFIRMED\')), CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "assignments_event_starts_idx" ON "assignments"  ("event_id", "starts_at") ');
    await queryRunner.query('CREATE INDEX "assignments_shift_idx" ON "assignments"  ("shift_id", "status") ');
    await queryRunner.query('CREATE INDEX "assignments_staff_starts_idx" ON "assignments"  ("staff_member_id", "starts_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_one_active_per_shift" ON "assignments"  ("shift_id", "staff_member_id") WHERE "status" IN (\'ASSIGNED\', \'CONFIRMED\')',
    );
    await queryRunner.query(
      'CREATE TABLE "assignment_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "from_status" "public"."assignment_status", "to_status" "public"."assignment_status" NOT NULL, "note" text, CONSTRAINT "PK_9e3ec8e134976ba55ea4043b7bd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "assignment_history_assignment_idx" ON "assignment_history"  ("assignment_id", "at") ');
    await queryRunner.query(
      'ALTER TABLE "shifts" ADD CONSTRAINT "shifts_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "shifts" ADD CONSTRAINT "shifts_venue_fk" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "shifts" ADD CONSTRAINT "shifts_team_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "shift_required_skills" ADD CONSTRAINT "shift_required_skills_shift_fk" FOREIGN KEY ("shift_id") REFERENCES "shifts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "shift_required_skills" ADD CONSTRAINT "shift_required_skills_skill_fk" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_team_fk" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "staff_members_home_venue_fk" FOREIGN KEY ("home_venue_id") REFERENCES "venues"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "availability_periods" ADD CONSTRAINT "availability_periods_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_member_skills" ADD CONSTRAINT "staff_member_skills_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_member_skills" ADD CONSTRAINT "staff_member_skills_skill_fk" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "work_rule_sets" ADD CONSTRAINT "work_rule_sets_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "assignments_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "assignments_shift_fk" FOREIGN KEY ("shift_id") REFERENCES "shifts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "assignments_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assignment_history" ADD CONSTRAINT "assignment_history_assignment_fk" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Name search for coordinators ("who is Camille?") at 5,300 people.
    await queryRunner.query(`CREATE INDEX "staff_members_name_trgm_idx" ON "staff_members" USING gin ("display_name" gin_trgm_ops)`);
    // An assignment takes its times and event from its shift, and must be in the staff member's event.
    await queryRunner.query(`
      CREATE FUNCTION baton_assignment_fill() RETURNS trigger LANGUAGE plpgsql AS $$
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
    // shifts.active_count follows the active assignments. Its CHECK (active_count <= headcount)
    // and the row lock this UPDATE takes make overfilling a shift impossible, whatever the race.
    await queryRunner.query(`
      CREATE FUNCTION baton_assignment_count() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_active boolean := TG_OP <> 'INSERT' AND OLD.status IN ('ASSIGNED', 'CONFIRMED');
        is_active boolean := TG_OP <> 'DELETE' AND NEW.status IN ('ASSIGNED', 'CONFIRMED');
      BEGIN
        IF was_active AND (NOT is_active OR OLD.shift_id <> NEW.shift_id) THEN
          UPDATE shifts SET active_count = active_count - 1 WHERE id = OLD.shift_id;
        END IF;
        IF is_active AND (NOT was_active OR OLD.shift_id <> NEW.shift_id) THEN
          UPDATE shifts SET active_count = active_count + 1 WHERE id = NEW.shift_id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assignments_count AFTER INSERT OR DELETE OR UPDATE OF status, shift_id ON "assignments" FOR EACH ROW EXECUTE FUNCTION baton_assignment_count()`,
    );
    // Moving a shift moves its assignments (and the exclusion constraint re-checks them).
    await queryRunner.query(`
      CREATE FUNCTION baton_shift_times() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE assignments SET starts_at = NEW.starts_at, ends_at = NEW.ends_at WHERE shift_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER shifts_times AFTER UPDATE OF starts_at, ends_at ON "shifts" FOR EACH ROW WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at) EXECUTE FUNCTION baton_shift_times()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS shifts_times ON "shifts"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS assignments_count ON "assignments"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS assignments_fill ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_shift_times()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_assignment_count()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_assignment_fill()`);
    await queryRunner.query(`DROP INDEX IF EXISTS "staff_members_name_trgm_idx"`);
    await queryRunner.query('ALTER TABLE "assignment_history" DROP CONSTRAINT "assignment_history_assignment_fk"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "assignments_staff_fk"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "assignments_shift_fk"');
    await queryRunner.query('ALTER TABLE "assignments" DROP CONSTRAINT "assignments_event_fk"');
    await queryRunner.query('ALTER TABLE "work_rule_sets" DROP CONSTRAINT "work_rule_sets_event_fk"');
    await queryRunner.query('ALTER TABLE "staff_member_skills" DROP CONSTRAINT "staff_member_skills_skill_fk"');
    await queryRunner.query('ALTER TABLE "staff_member_skills" DROP CONSTRAINT "staff_member_skills_staff_fk"');
    await queryRunner.query('ALTER TABLE "availability_periods" DROP CONSTRAINT "availability_periods_staff_fk"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "staff_members_home_venue_fk"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "staff_members_team_fk"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "staff_members_organisation_fk"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "staff_members_user_fk"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "staff_members_event_fk"');
    await queryRunner.query('ALTER TABLE "shift_required_skills" DROP CONSTRAINT "shift_required_skills_skill_fk"');
    await queryRunner.query('ALTER TABLE "shift_required_skills" DROP CONSTRAINT "shift_required_skills_shift_fk"');
    await queryRunner.query('ALTER TABLE "shifts" DROP CONSTRAINT "shifts_team_fk"');
    await queryRunner.query('ALTER TABLE "shifts" DROP CONSTRAINT "shifts_venue_fk"');
    await queryRunner.query('ALTER TABLE "shifts" DROP CONSTRAINT "shifts_event_fk"');
    await queryRunner.query('DROP INDEX "public"."assignment_history_assignment_idx"');
    await queryRunner.query('DROP TABLE "assignment_history"');
    await queryRunner.query('DROP INDEX "public"."assignments_one_active_per_shift"');
    await queryRunner.query('DROP INDEX "public"."assignments_staff_starts_idx"');
    await queryRunner.query('DROP INDEX "public"."assignments_shift_idx"');
    await queryRunner.query('DROP INDEX "public"."assignments_event_starts_idx"');
    await queryRunner.query('DROP TABLE "assignments"');
    await queryRunner.query('DROP TYPE "public"."assignment_source"');
    await queryRunner.query('DROP TYPE "public"."assignment_status"');
    await queryRunner.query('DROP TABLE "work_rule_sets"');
    await queryRunner.query('DROP TYPE "public"."rule_mode"');
    await queryRunner.query('DROP INDEX "public"."staff_member_skills_skill_idx"');
    await queryRunner.query('DROP TABLE "staff_member_skills"');
    await queryRunner.query('DROP INDEX "public"."availability_periods_staff_idx"');
    await queryRunner.query('DROP TABLE "availability_periods"');
    await queryRunner.query('DROP TYPE "public"."availability_kind"');
    await queryRunner.query('DROP INDEX "public"."staff_members_event_team_idx"');
    await queryRunner.query('DROP INDEX "public"."staff_members_event_venue_idx"');
    await queryRunner.query('DROP TABLE "staff_members"');
    await queryRunner.query('DROP TYPE "public"."accreditation_status"');
    await queryRunner.query('DROP TYPE "public"."employment_type"');
    await queryRunner.query('DROP TABLE "shift_required_skills"');
    await queryRunner.query('DROP INDEX "public"."shifts_event_venue_starts_idx"');
    await queryRunner.query('DROP INDEX "public"."shifts_event_team_starts_idx"');
    await queryRunner.query('DROP INDEX "public"."shifts_event_starts_idx"');
    await queryRunner.query('DROP TABLE "shifts"');
    await queryRunner.query('DROP TYPE "public"."shift_status"');
  }
}
