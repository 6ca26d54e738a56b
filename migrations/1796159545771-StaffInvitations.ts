import { MigrationInterface, QueryRunner } from 'typeorm';

/** Which staff record an invitation was sent from (inviteStaffMember), so accepting it links that record. */
export class StaffInvitations1796159545771 implements MigrationInterface {
  name = 'StaffInvitations1796159545771';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "staff_invitations" ("invitation_id" uuid NOT NULL, "staff_member_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b21ceb7b3b0c626f5ba2abc44e3" PRIMARY KEY ("invitation_id"))',
    );
    await queryRunner.query('CREATE INDEX "staff_invitations_staff_member_idx" ON "staff_invitations"  ("staff_member_id") ');
    await queryRunner.query(
      'ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_invitation_fk" FOREIGN KEY ("invitation_id") REFERENCES "invitations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "staff_invitations" ADD CONSTRAINT "staff_invitations_staff_member_fk" FOREIGN KEY ("staff_member_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_staff_member_fk"');
    await queryRunner.query('ALTER TABLE "staff_invitations" DROP CONSTRAINT "staff_invitations_invitation_fk"');
    await queryRunner.query('DROP INDEX "public"."staff_invitations_staff_member_idx"');
    await queryRunner.query('DROP TABLE "staff_invitations"');
  }
}
