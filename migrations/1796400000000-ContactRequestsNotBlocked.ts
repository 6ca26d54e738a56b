import { MigrationInterface, QueryRunner } from 'typeorm';

/** One lock per (alumnus, organisation): a block and a contact request of the same pair take it in turn. */
const PAIR_LOCK = (alumnus: string, organisation: string) =>
  `PERFORM pg_advisory_xact_lock(hashtext('baton.talent.block:' || ${alumnus}::text || ':' || ${organisation}::text))`;

/**
 * A pending contact request from an organisation the alumnus blocked is impossible. The block
 * declines the pending ones in its own transaction, but a request whose checks ran before the block
 * committed used to be inserted after the block's UPDATE had looked: neither saw the other, and a
 * blocked organisation kept a pending request. Both writes now take the pair's advisory lock
 * first (a block in a BEFORE INSERT trigger, a request in its own), so under READ COMMITTED
 * whichever comes second sees the first: a request after a block is refused here, a block after a
 * request declines it with its UPDATE. An advisory lock rather than the profile's row lock, so
 * profile edits never wait for it.
 */
export class ContactRequestsNotBlocked1796400000000 implements MigrationInterface {
  name = 'ContactRequestsNotBlocked1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION talent_contact_requests_not_blocked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${PAIR_LOCK('NEW.alumnus_id', 'NEW.organisation_id')};
        IF EXISTS (SELECT 1 FROM alumni_organisation_blocks b WHERE b.user_id = NEW.alumnus_id AND b.organisation_id = NEW.organisation_id) THEN
          RAISE EXCEPTION 'The alumnus blocked this organisation: no contact request may be pending'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'talent_contact_requests_not_blocked';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER talent_contact_requests_not_blocked BEFORE INSERT OR UPDATE OF status, alumnus_id, organisation_id ON talent_contact_requests
        FOR EACH ROW WHEN (NEW.status = 'PENDING') EXECUTE FUNCTION talent_contact_requests_not_blocked()`);
    await queryRunner.query(`
      CREATE FUNCTION alumni_organisation_blocks_pair_lock() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${PAIR_LOCK('NEW.user_id', 'NEW.organisation_id')};
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER alumni_organisation_blocks_pair_lock BEFORE INSERT ON alumni_organisation_blocks
        FOR EACH ROW EXECUTE FUNCTION alumni_organisation_blocks_pair_lock()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER alumni_organisation_blocks_pair_lock ON alumni_organisation_blocks`);
    await queryRunner.query(`DROP FUNCTION alumni_organisation_blocks_pair_lock()`);
    await queryRunner.query(`DROP TRIGGER talent_contact_requests_not_blocked ON talent_contact_requests`);
    await queryRunner.query(`DROP FUNCTION talent_contact_requests_not_blocked()`);
  }
}
