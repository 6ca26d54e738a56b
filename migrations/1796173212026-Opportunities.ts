import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opportunities (postings and referrals) with the skills and languages they want, applications
 * with their frozen CV and history, and the table of allowed stage moves. Two triggers keep the
 * status and stage machines true whatever writes the rows.
 */
export class Opportunities1796173212026 implements MigrationInterface {
  name = 'Opportunities1796173212026';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TYPE "public"."opportunity_kind" AS ENUM(\'POSTING\', \'REFERRAL\')');
    await queryRunner.query("CREATE TYPE \"public\".\"opportunity_work_mode\" AS ENUM('REMOTE', 'HYBRID', 'ON_SITE')");
    await queryRunner.query(
      "CREATE TYPE \"public\".\"opportunity_contract_type\" AS ENUM('PERMANENT', 'FIXED_TERM', 'FREELANCE', 'INTERNSHIP', 'APPRENTICESHIP', 'VOLUNTEER')",
    );
    await queryRunner.query("CREATE TYPE \"public\".\"opportunity_status\" AS ENUM('DRAFT', 'OPEN', 'CLOSED', 'EXPIRED')");
    await queryRunner.query(
      'CREATE TABLE "opportunities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."opportunity_kind" NOT NULL, "organisation_id" uuid NOT NULL, "author_id" uuid, "title" text NOT NULL, "description" text NOT NULL, "city" text, "country" text NOT NULL, "work_mode" "public"."opportunity_work_mode" NOT NULL, "contract_type" "public"."opportunity_contract_type" NOT NULL, "sport_sector" boolean NOT NULL DEFAULT false, "event_id" uuid, "team_codes" text array NOT NULL DEFAULT \'{}\', "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "status" "public"."opportunity_status" NOT NULL DEFAULT \'DRAFT\', "published_at" TIMESTAMP(3) WITH TIME ZONE, "closed_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "opportunities_teams_check" CHECK (cardinality("team_codes") <= 20), CONSTRAINT "opportunities_expiry_check" CHECK ("published_at" IS NULL OR "expires_at" > "published_at"), CONSTRAINT "opportunities_published_check" CHECK (("status" = \'DRAFT\') = ("published_at" IS NULL)), CONSTRAINT "opportunities_location_check" CHECK ("work_mode" = \'REMOTE\' OR "city" IS NOT NULL), CONSTRAINT "opportunities_country_check" CHECK ("country" ~ \'^[A-Z]{2}$\'), CONSTRAINT "opportunities_text_check" CHECK (char_length("title") BETWEEN 1 AND 200 AND char_length("description") BETWEEN 1 AND 10000 AND char_length("city") <= 100), CONSTRAINT "PK_4bd9cd12ddc0ff48a5a97ddebce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "opportunities_author_idx" ON "opportunities"  ("author_id") ');
    await queryRunner.query('CREATE INDEX "opportunities_organisation_idx" ON "opportunities"  ("organisation_id", "status") ');
    await queryRunner.query('CREATE INDEX "opportunities_list_idx" ON "opportunities"  ("status", "expires_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "opportunity_skills" ("opportunity_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "level" smallint NOT NULL, "position" smallint NOT NULL, CONSTRAINT "opportunity_skills_level_check" CHECK ("level" BETWEEN 1 AND 4), CONSTRAINT "PK_0f5e5ef652b4247d364d339e197" PRIMARY KEY ("opportunity_id", "skill_id"))',
    );
    await queryRunner.query('CREATE INDEX "opportunity_skills_skill_idx" ON "opportunity_skills"  ("skill_id", "level") ');
    await queryRunner.query(
      'CREATE TABLE "opportunity_languages" ("opportunity_id" uuid NOT NULL, "code" text NOT NULL, "level" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "opportunity_languages_level_check" CHECK ("level" IN (\'A1\', \'A2\', \'B1\', \'B2\', \'C1\', \'C2\', \'NATIVE\')), CONSTRAINT "opportunity_languages_code_check" CHECK ("code" ~ \'^[a-z]{2}$\'), CONSTRAINT "PK_34797ffbecfacce093b5c876c0f" PRIMARY KEY ("opportunity_id", "code"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"application_stage\" AS ENUM('SUBMITTED', 'IN_REVIEW', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN')",
    );
    await queryRunner.query('CREATE TYPE "public"."application_stage_mover" AS ENUM(\'RECRUITER\', \'APPLICANT\')');
    await queryRunner.query(
      'CREATE TABLE "application_stage_moves" ("from_stage" "public"."application_stage" NOT NULL, "to_stage" "public"."application_stage" NOT NULL, "mover" "public"."application_stage_mover" NOT NULL, CONSTRAINT "PK_7a56067e8c1cfe6884139c0101a" PRIMARY KEY ("from_stage", "to_stage"))',
    );
    await queryRunner.query(
      'CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "opportunity_id" uuid NOT NULL, "applicant_id" uuid NOT NULL, "message" text, "cv_snapshot" jsonb NOT NULL, "stage" "public"."application_stage" NOT NULL DEFAULT \'SUBMITTED\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applications_once_key" UNIQUE ("opportunity_id", "applicant_id"), CONSTRAINT "applications_message_check" CHECK (char_length("message") <= 4000), CONSTRAINT "PK_938c0a27255637bde919591888f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "applications_opportunity_stage_idx" ON "applications"  ("opportunity_id", "stage") ');
    await queryRunner.query('CREATE INDEX "applications_applicant_idx" ON "applications"  ("applicant_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "application_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "from_stage" "public"."application_stage", "to_stage" "public"."application_stage" NOT NULL, "actor_user_id" uuid, "note" text, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "application_history_note_check" CHECK (char_length("note") <= 2000), CONSTRAINT "application_history_first_check" CHECK ("from_stage" IS NOT NULL OR "to_stage" = \'SUBMITTED\'), CONSTRAINT "PK_cfaef81d8ab33ced714ecda2486" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "application_history_application_idx" ON "application_history"  ("application_id", "at") ');
    await queryRunner.query(
      'ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_author_fk" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_opportunity_fk" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_skills" ADD CONSTRAINT "opportunity_skills_skill_fk" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "opportunity_languages" ADD CONSTRAINT "opportunity_languages_opportunity_fk" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "applications" ADD CONSTRAINT "applications_opportunity_fk" FOREIGN KEY ("opportunity_id") REFERENCES "opportunities"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_fk" FOREIGN KEY ("applicant_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "application_history" ADD CONSTRAINT "application_history_application_fk" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "application_history" ADD CONSTRAINT "application_history_actor_fk" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "application_history" ADD CONSTRAINT "application_history_move_fk" FOREIGN KEY ("from_stage", "to_stage") REFERENCES "application_stage_moves"("from_stage","to_stage") ON DELETE NO ACTION ON UPDATE NO ACTION',
    );
    await queryRunner.query(`INSERT INTO application_stage_moves (from_stage, to_stage, mover) VALUES
      ('SUBMITTED', 'IN_REVIEW', 'RECRUITER'), ('SUBMITTED', 'REJECTED', 'RECRUITER'),
      ('IN_REVIEW', 'INTERVIEW', 'RECRUITER'), ('IN_REVIEW', 'OFFER', 'RECRUITER'), ('IN_REVIEW', 'REJECTED', 'RECRUITER'),
      ('INTERVIEW', 'OFFER', 'RECRUITER'), ('INTERVIEW', 'REJECTED', 'RECRUITER'),
      ('OFFER', 'HIRED', 'RECRUITER'), ('OFFER', 'REJECTED', 'RECRUITER'),
      ('SUBMITTED', 'WITHDRAWN', 'APPLICANT'), ('IN_REVIEW', 'WITHDRAWN', 'APPLICANT'),
      ('INTERVIEW', 'WITHDRAWN', 'APPLICANT'), ('OFFER', 'WITHDRAWN', 'APPLICANT')`);
    // Raised as check_violation with a constraint name, so the API maps a race to a typed error.
    await queryRunner.query(`CREATE FUNCTION opportunities_status_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'DRAFT' AND NEW.status = 'OPEN')
          OR (OLD.status = 'OPEN' AND NEW.status IN ('CLOSED', 'EXPIRED'))
        ) THEN
          RAISE EXCEPTION 'opportunity % cannot move from % to %', OLD.id, OLD.status, NEW.status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'opportunities_status_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER opportunities_status_transition BEFORE UPDATE OF status ON opportunities FOR EACH ROW EXECUTE FUNCTION opportunities_status_transition()',
    );
    await queryRunner.query(`CREATE FUNCTION applications_stage_transition() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND NEW.stage <> 'SUBMITTED' THEN
          RAISE EXCEPTION 'an application starts as SUBMITTED' USING ERRCODE = 'check_violation', CONSTRAINT = 'applications_stage_transition';
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.stage IS DISTINCT FROM OLD.stage
           AND NOT EXISTS (SELECT 1 FROM application_stage_moves m WHERE m.from_stage = OLD.stage AND m.to_stage = NEW.stage) THEN
          RAISE EXCEPTION 'application % cannot move from % to %', OLD.id, OLD.stage, NEW.stage
            USING ERRCODE = 'check_violation', CONSTRAINT = 'applications_stage_transition';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      'CREATE TRIGGER applications_stage_transition BEFORE INSERT OR UPDATE OF stage ON applications FOR EACH ROW EXECUTE FUNCTION applications_stage_transition()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER applications_stage_transition ON applications');
    await queryRunner.query('DROP FUNCTION applications_stage_transition()');
    await queryRunner.query('DROP TRIGGER opportunities_status_transition ON opportunities');
    await queryRunner.query('DROP FUNCTION opportunities_status_transition()');
    await queryRunner.query('ALTER TABLE "application_history" DROP CONSTRAINT "application_history_move_fk"');
    await queryRunner.query('ALTER TABLE "application_history" DROP CONSTRAINT "application_history_actor_fk"');
    await queryRunner.query('ALTER TABLE "application_history" DROP CONSTRAINT "application_history_application_fk"');
    await queryRunner.query('ALTER TABLE "applications" DROP CONSTRAINT "applications_applicant_fk"');
    await queryRunner.query('ALTER TABLE "applications" DROP CONSTRAINT "applications_opportunity_fk"');
    await queryRunner.query('ALTER TABLE "opportunity_languages" DROP CONSTRAINT "opportunity_languages_opportunity_fk"');
    await queryRunner.query('ALTER TABLE "opportunity_skills" DROP CONSTRAINT "opportunity_skills_skill_fk"');
    await queryRunner.query('ALTER TABLE "opportunity_skills" DROP CONSTRAINT "opportunity_skills_opportunity_fk"');
    await queryRunner.query('ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_event_fk"');
    await queryRunner.query('ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_author_fk"');
    await queryRunner.query('ALTER TABLE "opportunities" DROP CONSTRAINT "opportunities_organisation_fk"');
    await queryRunner.query('DROP INDEX "public"."application_history_application_idx"');
    await queryRunner.query('DROP TABLE "application_history"');
    await queryRunner.query('DROP INDEX "public"."applications_applicant_idx"');
    await queryRunner.query('DROP INDEX "public"."applications_opportunity_stage_idx"');
    await queryRunner.query('DROP TABLE "applications"');
    await queryRunner.query('DROP TABLE "application_stage_moves"');
    await queryRunner.query('DROP TYPE "public"."application_stage_mover"');
    await queryRunner.query('DROP TYPE "public"."application_stage"');
    await queryRunner.query('DROP TABLE "opportunity_languages"');
    await queryRunner.query('DROP INDEX "public"."opportunity_skills_skill_idx"');
    await queryRunner.query('DROP TABLE "opportunity_skills"');
    await queryRunner.query('DROP INDEX "public"."opportunities_list_idx"');
    await queryRunner.query('DROP INDEX "public"."opportunities_organisation_idx"');
    await queryRunner.query('DROP INDEX "public"."opportunities_author_idx"');
    await queryRunner.query('DROP TABLE "opportunities"');
    await queryRunner.query('DROP TYPE "public"."opportunity_status"');
    await queryRunner.query('DROP TYPE "public"."opportunity_contract_type"');
    await queryRunner.query('DROP TYPE "public"."opportunity_work_mode"');
    await queryRunner.query('DROP TYPE "public"."opportunity_kind"');
  }
}
