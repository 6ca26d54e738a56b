import { MigrationInterface, QueryRunner } from 'typeorm';

interface GrantRow {
  id: string;
  event_id: string;
  venue_ids: string[];
  team_ids: string[];
  venues: string[];
  teams: string[];
}

/**
 * The venues and teams a coordinator grant (or a pending invitation) is limited to must belong
 * to its event. A trigger, since a CHECK cannot look at other tables and a join table would
 * turn "empty means every venue" into a hazard (deleting the last row would widen the grant).
 * The trigger takes KEY SHARE locks on the venues and teams it names, so none of them can be
 * deleted while the grant that names it is being written.
 *
 * Rows written before this check are repaired first: foreign ids are dropped; a grant (or a
 * pending invitation) left with none of its venues or teams would mean "all of them", so it is
 * removed (revoked) instead, never widened. Each repair leaves an audit record.
 */
export class GrantScopeInEvent1796158163359 implements MigrationInterface {
  name = 'GrantScopeInEvent1796158163359';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.repair(queryRunner, 'role_grants', 'TRUE');
    await this.repair(queryRunner, 'invitations', 'accepted_at IS NULL AND revoked_at IS NULL');
    await queryRunner.query(`CREATE FUNCTION grant_scope_in_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  missing uuid[];
BEGIN
  IF cardinality(NEW.venue_ids) > 0 THEN
    PERFORM 1 FROM venues WHERE id = ANY (NEW.venue_ids) FOR KEY SHARE;
    SELECT array_agg(v) INTO missing FROM unnest(NEW.venue_ids) AS v
     WHERE NOT EXISTS (SELECT 1 FROM venues x WHERE x.id = v AND x.event_id = NEW.event_id);
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'venues % are not venues of event %', missing, NEW.event_id
        USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_venue_event_check', TABLE = TG_TABLE_NAME, COLUMN = 'venue_ids';
    END IF;
  END IF;
  IF cardinality(NEW.team_ids) > 0 THEN
    PERFORM 1 FROM teams WHERE id = ANY (NEW.team_ids) FOR KEY SHARE;
    SELECT array_agg(t) INTO missing FROM unnest(NEW.team_ids) AS t
     WHERE NOT EXISTS (SELECT 1 FROM teams x WHERE x.id = t AND x.event_id = NEW.event_id);
    IF missing IS NOT NULL THEN
      RAISE EXCEPTION 'teams % are not teams of event %', missing, NEW.event_id
        USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_team_event_check', TABLE = TG_TABLE_NAME, COLUMN = 'team_ids';
    END IF;
  END IF;
  RETURN NEW;
END $$`);
    for (const table of ['role_grants', 'invitations']) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_scope_in_event" BEFORE INSERT OR UPDATE OF event_id, venue_ids, team_ids ON "${table}" FOR EACH ROW EXECUTE FUNCTION grant_scope_in_event()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The repairs stay: the ids they dropped never granted anything in their event.
    await queryRunner.query(`DROP TRIGGER "invitations_scope_in_event" ON "invitations"`);
    await queryRunner.query(`DROP TRIGGER "role_grants_scope_in_event" ON "role_grants"`);
    await queryRunner.query(`DROP FUNCTION grant_scope_in_event()`);
  }

  private async repair(queryRunner: QueryRunner, table: 'role_grants' | 'invitations', live: string): Promise<void> {
    const rows: GrantRow[] = await queryRunner.query(
      `SELECT id, event_id, venue_ids, team_ids, venues, teams FROM (
         SELECT g.id, g.event_id, g.venue_ids, g.team_ids,
                ARRAY(SELECT v FROM unnest(g.venue_ids) v WHERE EXISTS (SELECT 1 FROM venues x WHERE x.id = v AND x.event_id = g.event_id)) AS venues,
                ARRAY(SELECT t FROM unnest(g.team_ids) t WHERE EXISTS (SELECT 1 FROM teams x WHERE x.id = t AND x.event_id = g.event_id)) AS teams
           FROM "${table}" g WHERE ${live} AND (cardinality(g.venue_ids) > 0 OR cardinality(g.team_ids) > 0)) r
        WHERE cardinality(venues) <> cardinality(venue_ids) OR cardinality(teams) <> cardinality(team_ids)`,
    );
    for (const row of rows) {
      const emptied = (row.venue_ids.length > 0 && row.venues.length === 0) || (row.team_ids.length > 0 && row.teams.length === 0);
      const kind = table === 'role_grants' ? 'role_grant' : 'invitation';
      if (emptied && table === 'role_grants') await queryRunner.query(`DELETE FROM role_grants WHERE id = $1`, [row.id]);
      else if (emptied) await queryRunner.query(`UPDATE invitations SET revoked_at = now() WHERE id = $1`, [row.id]);
      else await queryRunner.query(`UPDATE "${table}" SET venue_ids = $2, team_ids = $3 WHERE id = $1`, [row.id, row.venues, row.teams]);
      await queryRunner.query(
        `INSERT INTO audit_entries (actor_user_id, action, entity_type, entity_id, event_id, before, after, reason) VALUES (NULL, $1, $2, $3, $4, $5, $6, $7)`,
        [
          `${kind}.${emptied ? (table === 'role_grants' ? 'removed' : 'revoked') : 'narrowed'}`,
          kind,
          row.id,
          row.event_id,
          JSON.stringify({ venueIds: row.venue_ids, teamIds: row.team_ids }),
          emptied ? null : JSON.stringify({ venueIds: row.venues, teamIds: row.teams }),
          'migration GrantScopeInEvent: venues or teams of another event were named',
        ],
      );
    }
  }
}
