import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The actor cache also keeps the profile row `me` answers with (display name, last sign-in), so a
 * repeated `me` sends no statement: the users trigger now reports those columns too. A sign-in
 * therefore drops that person's other cached sessions once (they are read again on their next
 * request), the price of a `me` that needs no round trip.
 */
export class ActorProfileNotifications1796520000000 implements MigrationInterface {
  name = 'ActorProfileNotifications1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      usersActorChanged(
        '(n.email, n.status, n.password_changed_at, n.display_name, n.last_login_at, n.created_at) IS DISTINCT FROM (o.email, o.status, o.password_changed_at, o.display_name, o.last_login_at, o.created_at)',
      ),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(usersActorChanged('(n.email, n.status, n.password_changed_at) IS DISTINCT FROM (o.email, o.status, o.password_changed_at)'));
  }
}

function usersActorChanged(changed: string): string {
  return `
    CREATE OR REPLACE FUNCTION baton_users_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      ids uuid[];
    BEGIN
      IF TG_OP = 'DELETE' THEN
        SELECT array_agg(id) INTO ids FROM old_rows;
      ELSE
        SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o USING (id) WHERE ${changed};
      END IF;
      PERFORM baton_actor_changed(ids, NULL);
      RETURN NULL;
    END $$`;
}
