import { MigrationInterface, QueryRunner } from 'typeorm';

/** Partner sign-in (libs/oidc): each organisation's OpenID provider, sign-ins in progress (one use), linked identities. */
export class PartnerSignIn1796173433122 implements MigrationInterface {
  name = 'PartnerSignIn1796173433122';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "oidc_providers" ("organisation_id" uuid NOT NULL, "issuer_url" text NOT NULL, "client_id" text NOT NULL, "client_secret_envelope" text NOT NULL, "allowed_email_domains" text array NOT NULL, "enabled" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "oidc_providers_domains_check" CHECK (cardinality("allowed_email_domains") > 0), CONSTRAINT "PK_e27752ec5e1a4297bedc4c8a6ab" PRIMARY KEY ("organisation_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "oidc_identities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer" text NOT NULL, "subject" text NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "email" text NOT NULL, "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "oidc_identities_subject_key" UNIQUE ("issuer", "subject"), CONSTRAINT "PK_5f2ee4d63e1d0ca3bc5c924dcf4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "oidc_identities_user_idx" ON "oidc_identities"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "oidc_sign_in_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state_hash" text NOT NULL, "organisation_id" uuid NOT NULL, "code_verifier_envelope" text NOT NULL, "nonce" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "oidc_sign_in_requests_state_key" UNIQUE ("state_hash"), CONSTRAINT "PK_246f8e0bad2699f570eebecb3d6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "oidc_sign_in_requests_expires_idx" ON "oidc_sign_in_requests"  ("expires_at") ');
    await queryRunner.query(
      'ALTER TABLE "oidc_providers" ADD CONSTRAINT "oidc_providers_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "oidc_identities" ADD CONSTRAINT "oidc_identities_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "oidc_identities" ADD CONSTRAINT "oidc_identities_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "oidc_sign_in_requests" ADD CONSTRAINT "oidc_sign_in_requests_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "oidc_sign_in_requests" DROP CONSTRAINT "oidc_sign_in_requests_organisation_fk"');
    await queryRunner.query('ALTER TABLE "oidc_identities" DROP CONSTRAINT "oidc_identities_organisation_fk"');
    await queryRunner.query('ALTER TABLE "oidc_identities" DROP CONSTRAINT "oidc_identities_user_fk"');
    await queryRunner.query('ALTER TABLE "oidc_providers" DROP CONSTRAINT "oidc_providers_organisation_fk"');
    await queryRunner.query('DROP INDEX "public"."oidc_sign_in_requests_expires_idx"');
    await queryRunner.query('DROP TABLE "oidc_sign_in_requests"');
    await queryRunner.query('DROP INDEX "public"."oidc_identities_user_idx"');
    await queryRunner.query('DROP TABLE "oidc_identities"');
    await queryRunner.query('DROP TABLE "oidc_providers"');
  }
}
