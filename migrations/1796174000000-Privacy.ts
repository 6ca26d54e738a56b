import { MigrationInterface, QueryRunner } from 'typeorm';

/** The privacy lib: erasure requests run by administrators, and the retention job's notices (one per staff record). */
export class Privacy1796174000000 implements MigrationInterface {
  name = 'Privacy1796174000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TYPE "public"."erasure_request_status" AS ENUM(\'PENDING\', \'EXECUTED\')');
    await queryRunner.query(
      'CREATE TABLE "privacy_erasure_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "reason" text NOT NULL, "status" "public"."erasure_request_status" NOT NULL DEFAULT \'PENDING\', "requested_by_id" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "executed_by_id" uuid, "executed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "privacy_erasure_requests_reason_check" CHECK (char_length("reason") BETWEEN 1 AND 500), CONSTRAINT "privacy_erasure_requests_executed_check" CHECK (("status" = \'EXECUTED\') = ("executed_at" IS NOT NULL)), CONSTRAINT "PK_26a6ac2e2162018473078f6dfac" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "privacy_erasure_requests_one_pending" ON "privacy_erasure_requests"  ("user_id") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'CREATE TABLE "privacy_retention_notices" ("staff_member_id" uuid NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL, "erased_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_7e0bf9a19a401df3b0670fbefa8" PRIMARY KEY ("staff_member_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_erasure_requests" ADD CONSTRAINT "privacy_erasure_requests_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_erasure_requests" ADD CONSTRAINT "privacy_erasure_requests_requested_by_fk" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_erasure_requests" ADD CONSTRAINT "privacy_erasure_requests_executed_by_fk" FOREIGN KEY ("executed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "privacy_retention_notices" ADD CONSTRAINT "privacy_retention_notices_staff_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "privacy_retention_notices" DROP CONSTRAINT "privacy_retention_notices_staff_fk"');
    await queryRunner.query('ALTER TABLE "privacy_erasure_requests" DROP CONSTRAINT "privacy_erasure_requests_executed_by_fk"');
    await queryRunner.query('ALTER TABLE "privacy_erasure_requests" DROP CONSTRAINT "privacy_erasure_requests_requested_by_fk"');
    await queryRunner.query('ALTER TABLE "privacy_erasure_requests" DROP CONSTRAINT "privacy_erasure_requests_user_fk"');
    await queryRunner.query('DROP TABLE "privacy_retention_notices"');
    await queryRunner.query('DROP INDEX "public"."privacy_erasure_requests_one_pending"');
    await queryRunner.query('DROP TABLE "privacy_erasure_requests"');
    await queryRunner.query('DROP TYPE "public"."erasure_request_status"');
  }
}
