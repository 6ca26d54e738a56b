import { MigrationInterface, QueryRunner } from 'typeorm';

/** Foundation: identity, sessions, invitations, events with venues and teams, organisations, skills, outbox, audit. */

export class Initial1795875778191 implements MigrationInterface {
  name = 'Initial1795875778191';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Needed by later migrations: exclusion constraints on time ranges, fuzzy search.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      'CREATE TABLE "audit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" uuid, "event_id" uuid, "before" jsonb, "after" jsonb, "reason" text, "request_id" text, CONSTRAINT "PK_6b1623bcad4d04530b76548d619" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "audit_entries_event_idx" ON "audit_entries"  ("event_id", "occurred_at") ');
    await queryRunner.query('CREATE INDEX "audit_entries_entity_idx" ON "audit_entries"  ("entity_type", "entity_id") ');
    await queryRunner.query('CREATE INDEX "audit_entries_occurred_idx" ON "audit_entries"  ("occurred_at") ');
    await queryRunner.query("CREATE TYPE \"public\".\"event_phase\" AS ENUM('PLANNING', 'GAMES', 'CLOSED')");
    await queryRunner.query(
      'CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "time_zone" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "phase" "public"."event_phase" NOT NULL DEFAULT \'PLANNING\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "events_code_key" UNIQUE ("code"), CONSTRAINT "events_code_check" CHECK ("code" ~ \'^[A-Z0-9][A-Z0-9-]{1,15}$\'), CONSTRAINT "events_dates_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE TYPE "public"."venue_kind" AS ENUM(\'COMPETITION\', \'NON_COMPETITION\')');
    await queryRunner.query(
      'CREATE TABLE "venues" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "city" text NOT NULL, "kind" "public"."venue_kind" NOT NULL, "time_zone" text NOT NULL, "zones" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "venues_event_code_key" UNIQUE ("event_id", "code"), CONSTRAINT "PK_cb0f885278d12384eb7a81818be" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "teams_event_code_key" UNIQUE ("event_id", "code"), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"outbox_status\" AS ENUM('PENDING', 'SENT', 'FAILED')");
    await queryRunner.query(
      'CREATE TABLE "outbox_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL DEFAULT \'email\', "recipient" text NOT NULL, "template" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "payload" jsonb NOT NULL DEFAULT \'{}\', "status" "public"."outbox_status" NOT NULL DEFAULT \'PENDING\', "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0171348f527c64b137e4d4f5b66" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "outbox_messages_recipient_idx" ON "outbox_messages"  ("recipient") ');
    await queryRunner.query('CREATE INDEX "outbox_messages_pending_idx" ON "outbox_messages"  ("available_at") WHERE "status" = \'PENDING\'');
    await queryRunner.query("CREATE TYPE \"public\".\"user_status\" AS ENUM('ACTIVE', 'INVITED', 'DISABLED')");
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "status" "public"."user_status" NOT NULL DEFAULT \'ACTIVE\', "password_changed_at" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_key" UNIQUE ("email"), CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email")), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "password_resets_token_hash_key" UNIQUE ("token_hash"), CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "password_resets_user_idx" ON "password_resets"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rotated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "user_agent" text, "ip_address" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "refresh_tokens_hash_key" UNIQUE ("token_hash"), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens"  ("user_id") ');
    await queryRunner.query('CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens"  ("family_id") ');
    await queryRunner.query("CREATE TYPE \"public\".\"organisation_kind\" AS ENUM('COMMITTEE', 'PARTNER', 'CONTRACTOR', 'VOLUNTEER_PROGRAMME')");
    await queryRunner.query(
      'CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "kind" "public"."organisation_kind" NOT NULL, "website" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organisations_code_key" UNIQUE ("code"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"role\" AS ENUM('ADMIN', 'COORDINATOR', 'STAFF', 'ALUMNUS', 'RECRUITER')");
    await queryRunner.query(
      'CREATE TABLE "role_grants" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "event_id" uuid, "organisation_id" uuid, "venue_ids" uuid array NOT NULL DEFAULT \'{}\', "team_ids" uuid array NOT NULL DEFAULT \'{}\', "granted_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "role_grants_narrowing_check" CHECK ("role" = \'COORDINATOR\' OR (cardinality("venue_ids") = 0 AND cardinality("team_ids") = 0)), CONSTRAINT "role_grants_scope_check" CHECK (("role" = \'ADMIN\' AND "event_id" IS NULL AND "organisation_id" IS NULL) OR ("role" IN (\'COORDINATOR\', \'STAFF\') AND "event_id" IS NOT NULL AND "organisation_id" IS NULL) OR ("role" = \'RECRUITER\' AND "organisation_id" IS NOT NULL AND "event_id" IS NULL) OR ("role" = \'ALUMNUS\' AND "event_id" IS NULL AND "organisation_id" IS NULL)), CONSTRAINT "PK_f7cf33da46b9f884f2d459e0eff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "role_grants_user_idx" ON "role_grants"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "token_hash" text NOT NULL, "role" "public"."role" NOT NULL, "event_id" uuid, "organisation_id" uuid, "venue_ids" uuid array NOT NULL DEFAULT \'{}\', "team_ids" uuid array NOT NULL DEFAULT \'{}\', "invited_by_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "accepted_user_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "invitations_token_hash_key" UNIQUE ("token_hash"), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "invitations_email_idx" ON "invitations"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "skills" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "category" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "skills_code_key" UNIQUE ("code"), CONSTRAINT "PK_0d3212120f4ecedf90864d7e298" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "venues" ADD CONSTRAINT "venues_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "teams" ADD CONSTRAINT "teams_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "invitations_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_granted_by_fk" FOREIGN KEY ("granted_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_fk" FOREIGN KEY ("invited_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "invitations_organisation_fk"');
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "invitations_accepted_user_fk"');
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "invitations_invited_by_fk"');
    await queryRunner.query('ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_granted_by_fk"');
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "invitations_event_fk"');
    await queryRunner.query('ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_organisation_fk"');
    await queryRunner.query('ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_event_fk"');
    await queryRunner.query('ALTER TABLE "role_grants" DROP CONSTRAINT "role_grants_user_fk"');
    await queryRunner.query('ALTER TABLE "refresh_tokens" DROP CONSTRAINT "refresh_tokens_user_fk"');
    await queryRunner.query('ALTER TABLE "password_resets" DROP CONSTRAINT "password_resets_user_fk"');
    await queryRunner.query('ALTER TABLE "teams" DROP CONSTRAINT "teams_event_fk"');
    await queryRunner.query('ALTER TABLE "venues" DROP CONSTRAINT "venues_event_fk"');
    await queryRunner.query('DROP TABLE "skills"');
    await queryRunner.query('DROP INDEX "public"."invitations_email_idx"');
    await queryRunner.query('DROP TABLE "invitations"');
    await queryRunner.query('DROP INDEX "public"."role_grants_user_idx"');
    await queryRunner.query('DROP TABLE "role_grants"');
    await queryRunner.query('DROP TYPE "public"."role"');
    await queryRunner.query('DROP TABLE "organisations"');
    await queryRunner.query('DROP TYPE "public"."organisation_kind"');
    await queryRunner.query('DROP INDEX "public"."refresh_tokens_family_idx"');
    await queryRunner.query('DROP INDEX "public"."refresh_tokens_user_idx"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP INDEX "public"."password_resets_user_idx"');
    await queryRunner.query('DROP TABLE "password_resets"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."user_status"');
    await queryRunner.query('DROP INDEX "public"."outbox_messages_pending_idx"');
    await queryRunner.query('DROP INDEX "public"."outbox_messages_recipient_idx"');
    await queryRunner.query('DROP TABLE "outbox_messages"');
    await queryRunner.query('DROP TYPE "public"."outbox_status"');
    await queryRunner.query('DROP TABLE "teams"');
    await queryRunner.query('DROP TABLE "venues"');
    await queryRunner.query('DROP TYPE "public"."venue_kind"');
    await queryRunner.query('DROP TABLE "events"');
    await queryRunner.query('DROP TYPE "public"."event_phase"');
    await queryRunner.query('DROP INDEX "public"."audit_entries_occurred_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_entries_entity_idx"');
    await queryRunner.query('DROP INDEX "public"."audit_entries_event_idx"');
    await queryRunner.query('DROP TABLE "audit_entries"');
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS btree_gist`);
  }
}
