import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alumni network: consent texts and consents, invitations sent when an event closes, profiles
 * with their sections, the Games record copied from the roster, endorsements. Three indexes the
 * entities cannot describe are written by hand (trigram on names, lower-cased free-text skills,
 * GIN on the venues worked).
 */
export class Alumni1796158171004 implements MigrationInterface {
  name = 'Alumni1796158171004';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TYPE "public"."alumni_consent_purpose" AS ENUM(\'ALUMNI_NETWORK\')');
    await queryRunner.query(
      'CREATE TABLE "alumni_consent_texts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" "public"."alumni_consent_purpose" NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "published_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "published_by_id" uuid, CONSTRAINT "alumni_consent_texts_purpose_version_key" UNIQUE ("purpose", "version"), CONSTRAINT "alumni_consent_texts_length_check" CHECK (char_length("title") BETWEEN 1 AND 200 AND char_length("body") BETWEEN 1 AND 20000), CONSTRAINT "alumni_consent_texts_version_check" CHECK ("version" >= 1), CONSTRAINT "PK_5393305bedf7becd0dbb8330024" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "alumni_consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "consent_text_id" uuid NOT NULL, "purpose" "public"."alumni_consent_purpose" NOT NULL, "given_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP(3) WITH TIME ZONE, "request_id" text, "ip_address" text, "user_agent" text, "withdrawn_request_id" text, CONSTRAINT "alumni_consents_order_check" CHECK ("withdrawn_at" IS NULL OR "withdrawn_at" >= "given_at"), CONSTRAINT "PK_f5ddacfdafadaac3712dd1f0e47" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_consents_user_idx" ON "alumni_consents"  ("user_id", "given_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "alumni_consents_one_active" ON "alumni_consents"  ("user_id", "purpose") WHERE "withdrawn_at" IS NULL');
    await queryRunner.query("CREATE TYPE \"public\".\"alumni_visibility\" AS ENUM('PRIVATE', 'ALUMNI', 'PARTNERS')");
    await queryRunner.query(
      'CREATE TABLE "alumni_profiles" ("user_id" uuid NOT NULL, "display_name" text NOT NULL, "headline" text, "summary" text, "city" text, "country" text, "open_to_work" boolean NOT NULL DEFAULT false, "desired_roles" text array NOT NULL DEFAULT \'{}\', "visibility" "public"."alumni_visibility" NOT NULL DEFAULT \'ALUMNI\', "hidden_sections" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alumni_profiles_sections_check" CHECK ("hidden_sections" <@ ARRAY[\'SUMMARY\', \'LOCATION\', \'DESIRED_ROLES\', \'SKILLS\', \'LANGUAGES\', \'EXPERIENCES\', \'EDUCATION\', \'LINKS\', \'GAMES\', \'ENDORSEMENTS\', \'VERIFIED_RECORDS\']::text[]), CONSTRAINT "alumni_profiles_roles_check" CHECK (cardinality("desired_roles") <= 10), CONSTRAINT "alumni_profiles_country_check" CHECK ("country" ~ \'^[A-Z]{2}$\'), CONSTRAINT "alumni_profiles_text_check" CHECK (char_length("display_name") BETWEEN 1 AND 200 AND char_length("headline") <= 200 AND char_length("summary") <= 4000 AND char_length("city") <= 100), CONSTRAINT "PK_bdbe64db1645f7d23cf450f5b23" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_profiles_visibility_idx" ON "alumni_profiles"  ("visibility", "display_name") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_profile_skills" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "skill_id" uuid, "name" text, "level" smallint NOT NULL, "position" smallint NOT NULL, CONSTRAINT "alumni_profile_skills_catalogue_key" UNIQUE ("user_id", "skill_id"), CONSTRAINT "alumni_profile_skills_id_user_key" UNIQUE ("id", "user_id"), CONSTRAINT "alumni_profile_skills_kind_check" CHECK (("skill_id" IS NULL) <> ("name" IS NULL) AND char_length("name") <= 100), CONSTRAINT "alumni_profile_skills_level_check" CHECK ("level" BETWEEN 1 AND 4), CONSTRAINT "PK_ff9749cb0b9f62625b0f17db43b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_profile_skills_skill_idx" ON "alumni_profile_skills"  ("skill_id", "level") ');
    await queryRunner.query("CREATE TYPE \"public\".\"alumni_language_level\" AS ENUM('A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE')");
    await queryRunner.query(
      'CREATE TABLE "alumni_profile_languages" ("user_id" uuid NOT NULL, "code" text NOT NULL, "level" "public"."alumni_language_level" NOT NULL, "position" smallint NOT NULL, CONSTRAINT "alumni_profile_languages_code_check" CHECK ("code" ~ \'^[a-z]{2}$\'), CONSTRAINT "PK_4fccc5643e3c8f88307b7b03280" PRIMARY KEY ("user_id", "code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "alumni_experiences" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "title" text NOT NULL, "organisation" text NOT NULL, "location" text, "url" text, "start_month" date NOT NULL, "end_month" date, "description" text, "position" smallint NOT NULL, CONSTRAINT "alumni_experiences_text_check" CHECK (char_length("title") BETWEEN 1 AND 200 AND char_length("organisation") BETWEEN 1 AND 200 AND char_length("location") <= 200 AND char_length("description") <= 4000), CONSTRAINT "alumni_experiences_months_check" CHECK (("start_month" IS NULL OR (extract(day FROM "start_month") = 1 AND "start_month" >= \'1950-01-01\')) AND ("end_month" IS NULL OR extract(day FROM "end_month") = 1) AND ("start_month" IS NULL OR "end_month" IS NULL OR "end_month" >= "start_month")), CONSTRAINT "PK_ce26cdde86b66d34d4107b792de" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_experiences_user_idx" ON "alumni_experiences"  ("user_id", "position") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_education" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "institution" text NOT NULL, "area" text, "study_type" text, "start_month" date, "end_month" date, "position" smallint NOT NULL, CONSTRAINT "alumni_education_text_check" CHECK (char_length("institution") BETWEEN 1 AND 200 AND char_length("area") <= 200 AND char_length("study_type") <= 100), CONSTRAINT "alumni_education_months_check" CHECK (("start_month" IS NULL OR (extract(day FROM "start_month") = 1 AND "start_month" >= \'1950-01-01\')) AND ("end_month" IS NULL OR extract(day FROM "end_month") = 1) AND ("start_month" IS NULL OR "end_month" IS NULL OR "end_month" >= "start_month")), CONSTRAINT "PK_a5cdcfe5ccca9cc0a80225e4bc0" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_education_user_idx" ON "alumni_education"  ("user_id", "position") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "label" text NOT NULL, "url" text NOT NULL, "position" smallint NOT NULL, CONSTRAINT "alumni_links_url_check" CHECK ("url" ~ \'^https?://\' AND char_length("url") <= 500 AND char_length("label") BETWEEN 1 AND 50), CONSTRAINT "PK_a91dc16f7e26afacddfd942f5d8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_links_user_idx" ON "alumni_links"  ("user_id", "position") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_games_experiences" ("staff_member_id" uuid NOT NULL, "user_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_code" text NOT NULL, "event_name" text NOT NULL, "event_starts_on" date NOT NULL, "event_ends_on" date NOT NULL, "organisation_name" text NOT NULL, "team_code" text, "team_name" text, "role_titles" text array NOT NULL DEFAULT \'{}\', "shifts" integer NOT NULL, "minutes" integer NOT NULL, "first_shift_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_shift_at" TIMESTAMP WITH TIME ZONE NOT NULL, "venue_codes" text array NOT NULL DEFAULT \'{}\', "venues" jsonb NOT NULL DEFAULT \'[]\', "team_codes" text array NOT NULL DEFAULT \'{}\', "teams" jsonb NOT NULL DEFAULT \'[]\', CONSTRAINT "PK_e4109070ec82cbcd6da396d1d9f" PRIMARY KEY ("staff_member_id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_games_experiences_user_idx" ON "alumni_games_experiences"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_record_preferences" ("user_id" uuid NOT NULL, "record_id" uuid NOT NULL, "hidden" boolean NOT NULL, "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ea7e5e05d73faa11ded24f41f39" PRIMARY KEY ("user_id", "record_id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"alumni_endorsement_relation\" AS ENUM('SHARED_SHIFTS', 'ENDORSER_COORDINATED', 'ENDORSEE_COORDINATED')");
    await queryRunner.query(
      'CREATE TABLE "alumni_endorsements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "endorser_id" uuid NOT NULL, "endorsee_id" uuid NOT NULL, "profile_skill_id" uuid NOT NULL, "relation" "public"."alumni_endorsement_relation" NOT NULL, "event_id" uuid, "context" jsonb NOT NULL, "comment" text, "hidden_at" TIMESTAMP(3) WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alumni_endorsements_once_key" UNIQUE ("endorser_id", "profile_skill_id"), CONSTRAINT "alumni_endorsements_comment_check" CHECK (char_length("comment") <= 500), CONSTRAINT "alumni_endorsements_self_check" CHECK ("endorser_id" <> "endorsee_id"), CONSTRAINT "PK_a90a4aea8a3abbe94c4ff8348cc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_endorsements_endorser_idx" ON "alumni_endorsements"  ("endorser_id") ');
    await queryRunner.query('CREATE INDEX "alumni_endorsements_endorsee_idx" ON "alumni_endorsements"  ("endorsee_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "alumni_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "event_name" text NOT NULL, "staff_member_id" uuid NOT NULL, "user_id" uuid, "email" text, "notified" boolean NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alumni_invitations_staff_key" UNIQUE ("staff_member_id"), CONSTRAINT "PK_fbf826a10ffc358b3caabe560c1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_invitations_email_idx" ON "alumni_invitations"  ("email") ');
    await queryRunner.query('CREATE INDEX "alumni_invitations_user_idx" ON "alumni_invitations"  ("user_id") ');
    await queryRunner.query(`CREATE INDEX "alumni_profiles_name_trgm_idx" ON "alumni_profiles" USING gin ("display_name" gin_trgm_ops)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "alumni_profile_skills_name_key" ON "alumni_profile_skills" ("user_id", lower("name")) WHERE "name" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "alumni_games_experiences_venues_idx" ON "alumni_games_experiences" USING gin ("venue_codes")`);
    await queryRunner.query(`CREATE INDEX "alumni_games_experiences_teams_idx" ON "alumni_games_experiences" USING gin ("team_codes")`);
    await queryRunner.query(
      'ALTER TABLE "alumni_consent_texts" ADD CONSTRAINT "alumni_consent_texts_published_by_fk" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_consents" ADD CONSTRAINT "alumni_consents_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_consents" ADD CONSTRAINT "alumni_consents_text_fk" FOREIGN KEY ("consent_text_id") REFERENCES "alumni_consent_texts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_profiles" ADD CONSTRAINT "alumni_profiles_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_profile_skills" ADD CONSTRAINT "alumni_profile_skills_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_profile_skills" ADD CONSTRAINT "alumni_profile_skills_skill_fk" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_profile_languages" ADD CONSTRAINT "alumni_profile_languages_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_experiences" ADD CONSTRAINT "alumni_experiences_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_education" ADD CONSTRAINT "alumni_education_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_links" ADD CONSTRAINT "alumni_links_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_games_experiences" ADD CONSTRAINT "alumni_games_experiences_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_games_experiences" ADD CONSTRAINT "alumni_games_experiences_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_games_experiences" ADD CONSTRAINT "alumni_games_experiences_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_record_preferences" ADD CONSTRAINT "alumni_record_preferences_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_endorsements" ADD CONSTRAINT "alumni_endorsements_endorser_fk" FOREIGN KEY ("endorser_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_endorsements" ADD CONSTRAINT "alumni_endorsements_endorsee_fk" FOREIGN KEY ("endorsee_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_endorsements" ADD CONSTRAINT "alumni_endorsements_skill_fk" FOREIGN KEY ("profile_skill_id", "endorsee_id") REFERENCES "alumni_profile_skills"("id","user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_endorsements" ADD CONSTRAINT "alumni_endorsements_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_invitations" ADD CONSTRAINT "alumni_invitations_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_invitations" ADD CONSTRAINT "alumni_invitations_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_invitations" ADD CONSTRAINT "alumni_invitations_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "alumni_invitations" DROP CONSTRAINT "alumni_invitations_user_fk"');
    await queryRunner.query('ALTER TABLE "alumni_invitations" DROP CONSTRAINT "alumni_invitations_staff_fk"');
    await queryRunner.query('ALTER TABLE "alumni_invitations" DROP CONSTRAINT "alumni_invitations_event_fk"');
    await queryRunner.query('ALTER TABLE "alumni_endorsements" DROP CONSTRAINT "alumni_endorsements_event_fk"');
    await queryRunner.query('ALTER TABLE "alumni_endorsements" DROP CONSTRAINT "alumni_endorsements_skill_fk"');
    await queryRunner.query('ALTER TABLE "alumni_endorsements" DROP CONSTRAINT "alumni_endorsements_endorsee_fk"');
    await queryRunner.query('ALTER TABLE "alumni_endorsements" DROP CONSTRAINT "alumni_endorsements_endorser_fk"');
    await queryRunner.query('ALTER TABLE "alumni_record_preferences" DROP CONSTRAINT "alumni_record_preferences_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_games_experiences" DROP CONSTRAINT "alumni_games_experiences_event_fk"');
    await queryRunner.query('ALTER TABLE "alumni_games_experiences" DROP CONSTRAINT "alumni_games_experiences_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_games_experiences" DROP CONSTRAINT "alumni_games_experiences_staff_fk"');
    await queryRunner.query('ALTER TABLE "alumni_links" DROP CONSTRAINT "alumni_links_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_education" DROP CONSTRAINT "alumni_education_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_experiences" DROP CONSTRAINT "alumni_experiences_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_profile_languages" DROP CONSTRAINT "alumni_profile_languages_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_profile_skills" DROP CONSTRAINT "alumni_profile_skills_skill_fk"');
    await queryRunner.query('ALTER TABLE "alumni_profile_skills" DROP CONSTRAINT "alumni_profile_skills_profile_fk"');
    await queryRunner.query('ALTER TABLE "alumni_profiles" DROP CONSTRAINT "alumni_profiles_user_fk"');
    await queryRunner.query('ALTER TABLE "alumni_consents" DROP CONSTRAINT "alumni_consents_text_fk"');
    await queryRunner.query('ALTER TABLE "alumni_consents" DROP CONSTRAINT "alumni_consents_user_fk"');
    await queryRunner.query('ALTER TABLE "alumni_consent_texts" DROP CONSTRAINT "alumni_consent_texts_published_by_fk"');
    await queryRunner.query(`DROP INDEX "public"."alumni_games_experiences_teams_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alumni_games_experiences_venues_idx"`);
    await queryRunner.query(`DROP INDEX "public"."alumni_profile_skills_name_key"`);
    await queryRunner.query(`DROP INDEX "public"."alumni_profiles_name_trgm_idx"`);
    await queryRunner.query('DROP INDEX "public"."alumni_invitations_user_idx"');
    await queryRunner.query('DROP INDEX "public"."alumni_invitations_email_idx"');
    await queryRunner.query('DROP TABLE "alumni_invitations"');
    await queryRunner.query('DROP INDEX "public"."alumni_endorsements_endorsee_idx"');
    await queryRunner.query('DROP INDEX "public"."alumni_endorsements_endorser_idx"');
    await queryRunner.query('DROP TABLE "alumni_endorsements"');
    await queryRunner.query('DROP TYPE "public"."alumni_endorsement_relation"');
    await queryRunner.query('DROP TABLE "alumni_record_preferences"');
    await queryRunner.query('DROP INDEX "public"."alumni_games_experiences_user_idx"');
    await queryRunner.query('DROP TABLE "alumni_games_experiences"');
    await queryRunner.query('DROP INDEX "public"."alumni_links_user_idx"');
    await queryRunner.query('DROP TABLE "alumni_links"');
    await queryRunner.query('DROP INDEX "public"."alumni_education_user_idx"');
    await queryRunner.query('DROP TABLE "alumni_education"');
    await queryRunner.query('DROP INDEX "public"."alumni_experiences_user_idx"');
    await queryRunner.query('DROP TABLE "alumni_experiences"');
    await queryRunner.query('DROP TABLE "alumni_profile_languages"');
    await queryRunner.query('DROP TYPE "public"."alumni_language_level"');
    await queryRunner.query('DROP INDEX "public"."alumni_profile_skills_skill_idx"');
    await queryRunner.query('DROP TABLE "alumni_profile_skills"');
    await queryRunner.query('DROP INDEX "public"."alumni_profiles_visibility_idx"');
    await queryRunner.query('DROP TABLE "alumni_profiles"');
    await queryRunner.query('DROP TYPE "public"."alumni_visibility"');
    await queryRunner.query('DROP INDEX "public"."alumni_consents_one_active"');
    await queryRunner.query('DROP INDEX "public"."alumni_consents_user_idx"');
    await queryRunner.query('DROP TABLE "alumni_consents"');
    await queryRunner.query('DROP TABLE "alumni_consent_texts"');
    await queryRunner.query('DROP TYPE "public"."alumni_consent_purpose"');
  }
}
