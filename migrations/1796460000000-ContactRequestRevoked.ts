import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alumnus may take back an acceptance (and a block takes back its organisation's): the request
 * stays ACCEPTED with the moment it was withdrawn, so its history reads accepted-then-revoked and
 * the contact rule is one column more ("accepted and not revoked"). A status value would have been
 * an enum change that cannot be reverted while the partial indexes and the block trigger use it.
 */
export class ContactRequestRevoked1796460000000 implements MigrationInterface {
  name = 'ContactRequestRevoked1796460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talent_contact_requests" ADD "revoked_at" TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "talent_contact_requests" ADD CONSTRAINT "talent_contact_requests_revoked_check" CHECK ("revoked_at" IS NULL OR ("status" = 'ACCEPTED' AND "revoked_at" >= "answered_at"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talent_contact_requests" DROP CONSTRAINT "talent_contact_requests_revoked_check"`);
    await queryRunner.query(`ALTER TABLE "talent_contact_requests" DROP COLUMN "revoked_at"`);
  }
}
