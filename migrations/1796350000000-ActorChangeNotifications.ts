import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database tells the API whose actor changed (the person, grants and session state that
 * IdentityActorLoader reads), so the actor cache can never miss a write path: cascades from
 * deleting an event or an organisation, erasure, the CLI, a migration or psql included.
 *
 * Statement-level triggers with transition tables: deleting an event with thousands of grants
 * sends one notification, not one per row. The payload (channel `baton_changes`, at most
 * 8,000 bytes) names up to 100 people or sessions; beyond that it says "all", which empties the
 * cache: cheaper than many notifications for a change that rare. It carries the transaction id,
 * so a listener that hears the same notification on several connections handles it once, and
 * two transactions with the same ids are never taken for one.
 *
 * PostgreSQL delivers a notification to the listening session that sent it before that
 * session's ReadyForQuery: the API's own connections LISTEN, so a write made through the API
 * has emptied its cache before the write's statement (or COMMIT) returns.
 */
export class ActorChangeNotifications1796350000000 implements MigrationInterface {
  name = 'ActorChangeNotifications1796350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION baton_actor_changed(users uuid[], families uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        n int := coalesce(cardinality(users), 0) + coalesce(cardinality(families), 0);
      BEGIN
        IF n = 0 THEN
          RETURN;
        END IF;
        PERFORM pg_notify('baton_changes', json_build_object(
          'topic', 'actor', 'tx', pg_current_xact_id()::text,
          'users', CASE WHEN n <= 100 THEN coalesce(users, '{}') END,
          'families', CASE WHEN n <= 100 THEN coalesce(families, '{}') END,
          'all', n > 100)::text);
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION baton_actor_changed_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('baton_changes', json_build_object('topic', 'actor', 'tx', pg_current_xact_id()::text, 'all', true)::text);
        RETURN NULL;
      END $$`);

    // Grants: any insert, update or delete, cascades included (a cascade runs its own DELETE, which fires these).
    await queryRunner.query(`
      CREATE FUNCTION baton_role_grants_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(DISTINCT user_id) INTO ids FROM new_rows;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(DISTINCT user_id) INTO ids FROM old_rows;
        ELSE
          SELECT array_agg(DISTINCT user_id) INTO ids FROM (SELECT user_id FROM old_rows UNION SELECT user_id FROM new_rows) c;
        END IF;
        PERFORM baton_actor_changed(ids, NULL);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER role_grants_actor_inserted AFTER INSERT ON role_grants REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_role_grants_actor_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER role_grants_actor_updated AFTER UPDATE ON role_grants REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_role_grants_actor_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER role_grants_actor_deleted AFTER DELETE ON role_grants REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_role_grants_actor_changed()`,
    );

    // People: only what the actor holds (email, status, password time); a new person has no cached actor yet.
    await queryRunner.query(`
      CREATE FUNCTION baton_users_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          SELECT array_agg(id) INTO ids FROM old_rows;
        ELSE
          SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o USING (id)
           WHERE (n.email, n.status, n.password_changed_at) IS DISTINCT FROM (o.email, o.status, o.password_changed_at);
        END IF;
        PERFORM baton_actor_changed(ids, NULL);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER users_actor_updated AFTER UPDATE ON users REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_users_actor_changed()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER users_actor_deleted AFTER DELETE ON users REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_users_actor_changed()`,
    );

    // Sessions: a family ends when one of its tokens is revoked. Rotation, new tokens and the
    // deletion of rows never end a session that the loader would accept, so they say nothing.
    await queryRunner.query(`
      CREATE FUNCTION baton_refresh_tokens_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
      BEGIN
        SELECT array_agg(DISTINCT n.family_id) INTO ids FROM new_rows n JOIN old_rows o USING (id)
         WHERE o.revoked_at IS NULL AND n.revoked_at IS NOT NULL;
        PERFORM baton_actor_changed(NULL, ids);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER refresh_tokens_actor_updated AFTER UPDATE ON refresh_tokens REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_refresh_tokens_actor_changed()`,
    );

    for (const table of ['role_grants', 'users', 'refresh_tokens']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_actor_truncated AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION baton_actor_changed_all()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['role_grants', 'users', 'refresh_tokens']) await queryRunner.query(`DROP TRIGGER ${table}_actor_truncated ON ${table}`);
    await queryRunner.query(`DROP TRIGGER refresh_tokens_actor_updated ON refresh_tokens`);
    await queryRunner.query(`DROP TRIGGER users_actor_deleted ON users`);
    await queryRunner.query(`DROP TRIGGER users_actor_updated ON users`);
    await queryRunner.query(`DROP TRIGGER role_grants_actor_deleted ON role_grants`);
    await queryRunner.query(`DROP TRIGGER role_grants_actor_updated ON role_grants`);
    await queryRunner.query(`DROP TRIGGER role_grants_actor_inserted ON role_grants`);
    await queryRunner.query(`DROP FUNCTION baton_refresh_tokens_actor_changed()`);
    await queryRunner.query(`DROP FUNCTION baton_users_actor_changed()`);
    await queryRunner.query(`DROP FUNCTION baton_role_grants_actor_changed()`);
    await queryRunner.query(`DROP FUNCTION baton_actor_changed_all()`);
    await queryRunner.query(`DROP FUNCTION baton_actor_changed(uuid[], uuid[])`);
  }
}
