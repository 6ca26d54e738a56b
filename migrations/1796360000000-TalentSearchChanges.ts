import { MigrationInterface, QueryRunner } from 'typeorm';

const WATCHED = ['talent_documents', 'alumni_consents', 'alumni_organisation_blocks'];

/**
 * The people whose search entry changed, by transaction id, so that every API instance's
 * in-memory talent search engine catches up before each search (read what committed since the
 * last snapshot's xmin: a transaction still running then has an id at least as large, so none is
 * missed, whatever the commit order). Written by statement triggers in the same transaction as
 * the change: documents (every profile, section and skill change reaches them), consents and
 * organisation blocks. Only ids, kept a day (talent.search-changes.prune).
 */
export class TalentSearchChanges1796360000000 implements MigrationInterface {
  name = 'TalentSearchChanges1796360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "talent_search_changes" (
        "id" bigserial PRIMARY KEY,
        "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
        "user_id" uuid NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX "talent_search_changes_xid_idx" ON "talent_search_changes" ("xid")`);
    await queryRunner.query(`CREATE INDEX "talent_search_changes_changed_at_idx" ON "talent_search_changes" ("changed_at")`);
    for (const [name, rows] of [
      ['inserted', 'SELECT user_id FROM new_rows'],
      ['updated', 'SELECT user_id FROM new_rows UNION SELECT user_id FROM old_rows'],
      ['deleted', 'SELECT user_id FROM old_rows'],
    ]) {
      await queryRunner.query(`
        CREATE FUNCTION talent_search_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO talent_search_changes (user_id) SELECT DISTINCT user_id FROM (${rows}) r;
          RETURN NULL;
        END $$`);
    }
    for (const table of WATCHED) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_inserted" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_search_inserted()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_updated" AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_search_updated()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_deleted" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION talent_search_deleted()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WATCHED) {
      for (const name of ['inserted', 'updated', 'deleted']) await queryRunner.query(`DROP TRIGGER "${table}_search_${name}" ON "${table}"`);
    }
    for (const name of ['inserted', 'updated', 'deleted']) await queryRunner.query(`DROP FUNCTION talent_search_${name}()`);
    await queryRunner.query(`DROP TABLE "talent_search_changes"`);
  }
}
