import { MigrationInterface, QueryRunner } from 'typeorm';

/** The certified columns of a record: once issued, only a reissue (a new row) changes them. */
const CERTIFIED = [
  'event_id',
  'code',
  'credential_id',
  'subject_id',
  'key_id',
  'public_url',
  'issuer_id',
  'issuer_name',
  'issued_at',
  'event_code',
  'event_name',
  'organisation_name',
  'team_names',
  'venue_names',
  'role_titles',
  'first_day',
  'last_day',
  'shifts_worked',
  'worked_minutes',
];

/**
 * Verified Games records and the issuer's key ring. Private keys are stored only as envelopes
 * (CHECK), public JWKs never hold `d` (CHECK), one current key and one current record per staff
 * record (partial unique indexes), and a trigger refuses any edit of what a record certifies:
 * corrections are reissues, revocation and supersession are final, erasure only clears.
 */
export class Credentials1796158695512 implements MigrationInterface {
  name = 'Credentials1796158695512';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"signing_key_status\" AS ENUM('CURRENT', 'RETIRED', 'REVOKED')");
    await queryRunner.query(
      'CREATE TABLE "credential_signing_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kid" text NOT NULL, "algorithm" text NOT NULL DEFAULT \'EdDSA\', "public_jwk" jsonb NOT NULL, "private_key_envelope" text NOT NULL, "status" "public"."signing_key_status" NOT NULL DEFAULT \'CURRENT\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "retired_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, CONSTRAINT "credential_signing_keys_kid_key" UNIQUE ("kid"), CONSTRAINT "credential_signing_keys_status_check" CHECK (("status" = \'CURRENT\' AND "retired_at" IS NULL AND "revoked_at" IS NULL) OR ("status" = \'RETIRED\' AND "retired_at" IS NOT NULL AND "revoked_at" IS NULL) OR ("status" = \'REVOKED\' AND "revoked_at" IS NOT NULL AND "revocation_reason" IS NOT NULL)), CONSTRAINT "credential_signing_keys_envelope_check" CHECK ("private_key_envelope" ~ \'^v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$\'), CONSTRAINT "credential_signing_keys_public_only_check" CHECK (NOT ("public_jwk" ? \'d\') AND "public_jwk" ->> \'kty\' = \'OKP\' AND "public_jwk" ->> \'crv\' = \'Ed25519\'), CONSTRAINT "credential_signing_keys_algorithm_check" CHECK ("algorithm" = \'EdDSA\'), CONSTRAINT "PK_7f4cdecaf1b686fc5e7d4eccd99" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "credential_signing_keys_one_current" ON "credential_signing_keys"  ("status") WHERE "status" = \'CURRENT\'');
    await queryRunner.query(
      'CREATE TABLE "games_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "event_id" uuid NOT NULL, "staff_member_id" uuid, "code" text NOT NULL, "credential_id" uuid NOT NULL, "subject_id" uuid NOT NULL, "key_id" uuid NOT NULL, "public_url" text NOT NULL, "issuer_id" text NOT NULL, "issuer_name" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject_name" text, "event_code" text NOT NULL, "event_name" text NOT NULL, "organisation_name" text NOT NULL, "team_names" text array NOT NULL, "venue_names" text array NOT NULL, "role_titles" text array NOT NULL, "first_day" date NOT NULL, "last_day" date NOT NULL, "shifts_worked" integer NOT NULL, "worked_minutes" integer NOT NULL, "credential_jwt" text, "hidden_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, "superseded_at" TIMESTAMP WITH TIME ZONE, "superseded_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "games_records_credential_id_key" UNIQUE ("credential_id"), CONSTRAINT "games_records_code_key" UNIQUE ("code"), CONSTRAINT "games_records_redaction_check" CHECK (("credential_jwt" IS NOT NULL AND "subject_name" IS NOT NULL) OR "revoked_at" IS NOT NULL), CONSTRAINT "games_records_superseded_check" CHECK ("superseded_by_id" IS NULL OR "superseded_at" IS NOT NULL), CONSTRAINT "games_records_revocation_check" CHECK (("revoked_at" IS NULL) = ("revocation_reason" IS NULL)), CONSTRAINT "games_records_figures_check" CHECK ("shifts_worked" >= 1 AND "worked_minutes" >= 0), CONSTRAINT "games_records_days_check" CHECK ("first_day" <= "last_day"), CONSTRAINT "games_records_code_check" CHECK ("code" ~ \'^[A-Za-z0-9_-]{22}$\'), CONSTRAINT "PK_a6fe2851f97a1c74474113bba31" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "games_records_key_idx" ON "games_records"  ("key_id") ');
    await queryRunner.query('CREATE INDEX "games_records_event_issued_idx" ON "games_records"  ("event_id", "issued_at") ');
    await queryRunner.query('CREATE INDEX "games_records_staff_idx" ON "games_records"  ("staff_member_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "games_records_one_current_per_staff" ON "games_records"  ("staff_member_id") WHERE "superseded_at" IS NULL');
    await queryRunner.query(
      'ALTER TABLE "games_records" ADD CONSTRAINT "games_records_event_fk" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "games_records" ADD CONSTRAINT "games_records_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "games_records" ADD CONSTRAINT "games_records_key_fk" FOREIGN KEY ("key_id") REFERENCES "credential_signing_keys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "games_records" ADD CONSTRAINT "games_records_superseded_by_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "games_records"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );

    await queryRunner.query(`
      CREATE FUNCTION baton_games_record_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (${CERTIFIED.map((c) => `NEW.${c}`).join(', ')}) IS DISTINCT FROM (${CERTIFIED.map((c) => `OLD.${c}`).join(', ')})
           OR (NEW.subject_name IS DISTINCT FROM OLD.subject_name AND NEW.subject_name IS NOT NULL)
           OR (NEW.credential_jwt IS DISTINCT FROM OLD.credential_jwt AND NEW.credential_jwt IS NOT NULL)
           OR (NEW.staff_member_id IS DISTINCT FROM OLD.staff_member_id AND NEW.staff_member_id IS NOT NULL)
           OR (OLD.revoked_at IS NOT NULL AND (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at OR NEW.revocation_reason IS DISTINCT FROM OLD.revocation_reason))
           OR (OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at)
           OR (OLD.superseded_by_id IS NOT NULL AND NEW.superseded_by_id IS DISTINCT FROM OLD.superseded_by_id) THEN
          RAISE EXCEPTION 'A Games record is never edited once issued: reissue it'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'games_records_certified_guard';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER games_records_certified_guard BEFORE UPDATE ON "games_records" FOR EACH ROW EXECUTE FUNCTION baton_games_record_guard()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS games_records_certified_guard ON "games_records"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_games_record_guard()`);
    await queryRunner.query('ALTER TABLE "games_records" DROP CONSTRAINT "games_records_superseded_by_fk"');
    await queryRunner.query('ALTER TABLE "games_records" DROP CONSTRAINT "games_records_key_fk"');
    await queryRunner.query('ALTER TABLE "games_records" DROP CONSTRAINT "games_records_staff_fk"');
    await queryRunner.query('ALTER TABLE "games_records" DROP CONSTRAINT "games_records_event_fk"');
    await queryRunner.query('DROP INDEX "public"."games_records_one_current_per_staff"');
    await queryRunner.query('DROP INDEX "public"."games_records_staff_idx"');
    await queryRunner.query('DROP INDEX "public"."games_records_event_issued_idx"');
    await queryRunner.query('DROP INDEX "public"."games_records_key_idx"');
    await queryRunner.query('DROP TABLE "games_records"');
    await queryRunner.query('DROP INDEX "public"."credential_signing_keys_one_current"');
    await queryRunner.query('DROP TABLE "credential_signing_keys"');
    await queryRunner.query('DROP TYPE "public"."signing_key_status"');
  }
}
