import { MigrationInterface, QueryRunner } from 'typeorm';

/** Attendance: how an assignment was checked in, and when the no-show sweep flagged it. */
export class Attendance1795879033470 implements MigrationInterface {
  name = 'Attendance1795879033470';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"check_in_method\" AS ENUM('COORDINATOR', 'BADGE', 'SELF', 'OFFLINE_UPLOAD')");
    await queryRunner.query('ALTER TABLE "assignments" ADD "check_in_method" "public"."check_in_method"');
    await queryRunner.query('ALTER TABLE "assignments" ADD "no_show_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      `CREATE INDEX "assignments_awaiting_check_in_idx" ON "assignments" ("starts_at") WHERE "status" IN ('ASSIGNED', 'CONFIRMED') AND "checked_in_at" IS NULL AND "no_show_at" IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."assignments_awaiting_check_in_idx"`);
    await queryRunner.query('ALTER TABLE "assignments" DROP COLUMN "no_show_at"');
    await queryRunner.query('ALTER TABLE "assignments" DROP COLUMN "check_in_method"');
    await queryRunner.query('DROP TYPE "public"."check_in_method"');
  }
}
