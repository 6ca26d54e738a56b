import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The talent exchange (libs/talent): organisation blocks (beside the profile, read by the alumni
 * visibility policy), contact requests with a daily quota per recruiter, saved searches with the
 * matches already sent, and the search document of each profile.
 *
 * Written by hand below the generated part: the unaccent extension (available on the server and in
 * PGlite's contrib, loaded by embedded-postgres.ts), an IMMUTABLE fold (lower + unaccent with the
 * dictionary named, the usual wrapper: unaccent() itself is only STABLE because its dictionary
 * could change, which we do not do), the function that rebuilds documents from the alumni tables,
 * the triggers that call it in the same transaction as every change, the GIN indexes, and the
 * backfill of the documents of existing profiles (one statement; the network is at most 100k rows).
 */
export class Talent1796173399395 implements MigrationInterface {
  name = 'Talent1796173399395';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "alumni_organisation_blocks" ("user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_729874dc12342cbb3ba9b0b7f14" PRIMARY KEY ("user_id", "organisation_id"))',
    );
    await queryRunner.query('CREATE INDEX "alumni_organisation_blocks_organisation_idx" ON "alumni_organisation_blocks"  ("organisation_id") ');
    await queryRunner.query(
      'CREATE TABLE "talent_contact_quotas" ("recruiter_id" uuid NOT NULL, "day" date NOT NULL, "sent" integer NOT NULL, CONSTRAINT "talent_contact_quotas_sent_check" CHECK ("sent" >= 0), CONSTRAINT "PK_3ab123a5a098ff9955485657ebb" PRIMARY KEY ("recruiter_id", "day"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"talent_contact_request_status\" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED')");
    await queryRunner.query(
      'CREATE TABLE "talent_contact_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "recruiter_id" uuid, "alumnus_id" uuid NOT NULL, "message" text NOT NULL, "status" "public"."talent_contact_request_status" NOT NULL DEFAULT \'PENDING\', "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "talent_contact_requests_answer_check" CHECK (("status" = \'PENDING\') = ("answered_at" IS NULL)), CONSTRAINT "talent_contact_requests_message_check" CHECK (char_length("message") BETWEEN 1 AND 2000), CONSTRAINT "PK_f730cc8c961df466c2e2c5b2290" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "talent_contact_requests_expiry_idx" ON "talent_contact_requests"  ("expires_at") WHERE "status" = \'PENDING\'');
    await queryRunner.query('CREATE INDEX "talent_contact_requests_organisation_idx" ON "talent_contact_requests"  ("organisation_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "talent_contact_requests_alumnus_idx" ON "talent_contact_requests"  ("alumnus_id", "created_at") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "talent_contact_requests_one_pending" ON "talent_contact_requests"  ("organisation_id", "alumnus_id") WHERE "status" = \'PENDING\'',
    );
    await queryRunner.query(
      'CREATE TABLE "talent_saved_searches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recruiter_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "name" text NOT NULL, "filter" jsonb NOT NULL, "alerts_enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "last_alert_at" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "talent_saved_searches_name_check" CHECK (char_length("name") BETWEEN 1 AND 100), CONSTRAINT "PK_bb14cad1ba7c4834e9170ca2f02" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "talent_saved_searches_recruiter_idx" ON "talent_saved_searches"  ("recruiter_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "talent_saved_search_matches" ("saved_search_id" uuid NOT NULL, "user_id" uuid NOT NULL, "sent_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e0204c92a4bd628ffcce5a5584" PRIMARY KEY ("saved_search_id", "user_id"))',
    );
    await queryRunner.query('CREATE INDEX "talent_saved_search_matches_user_idx" ON "talent_saved_search_matches"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "talent_documents" ("user_id" uuid NOT NULL, "document" tsvector NOT NULL, "names" text NOT NULL, "skill_keys" text array NOT NULL, "skill_levels" text array NOT NULL, "language_codes" text array NOT NULL, "language_levels" text array NOT NULL, "team_codes" text array NOT NULL, "venue_codes" text array NOT NULL, "event_codes" text array NOT NULL, "verified_minutes" integer NOT NULL, "country" text, "city" text, "open_to_work" boolean NOT NULL, CONSTRAINT "PK_e76a53e4b40bb38e64be06293b9" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query('CREATE INDEX "talent_documents_minutes_idx" ON "talent_documents"  ("verified_minutes", "user_id") ');
    await queryRunner.query(
      'ALTER TABLE "alumni_organisation_blocks" ADD CONSTRAINT "alumni_organisation_blocks_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alumni_organisation_blocks" ADD CONSTRAINT "alumni_organisation_blocks_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_contact_quotas" ADD CONSTRAINT "talent_contact_quotas_recruiter_fk" FOREIGN KEY ("recruiter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_contact_requests" ADD CONSTRAINT "talent_contact_requests_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_contact_requests" ADD CONSTRAINT "talent_contact_requests_recruiter_fk" FOREIGN KEY ("recruiter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_contact_requests" ADD CONSTRAINT "talent_contact_requests_alumnus_fk" FOREIGN KEY ("alumnus_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_saved_searches" ADD CONSTRAINT "talent_saved_searches_recruiter_fk" FOREIGN KEY ("recruiter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_saved_searches" ADD CONSTRAINT "talent_saved_searches_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_saved_search_matches" ADD CONSTRAINT "talent_saved_search_matches_search_fk" FOREIGN KEY ("saved_search_id") REFERENCES "talent_saved_searches"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_saved_search_matches" ADD CONSTRAINT "talent_saved_search_matches_user_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "talent_documents" ADD CONSTRAINT "talent_documents_profile_fk" FOREIGN KEY ("user_id") REFERENCES "alumni_profiles"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(
      `CREATE FUNCTION talent_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, coalesce($1, ''))) $$`,
    );
    await queryRunner.query(
      `CREATE FUNCTION talent_tsv(text, "char") RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT setweight(to_tsvector('english'::regconfig, talent_fold($1)), $2) || setweight(to_tsvector('french'::regconfig, talent_fold($1)), $2) $$`,
    );
    await queryRunner.query(`CREATE FUNCTION talent_refresh_documents(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM talent_documents WHERE user_id = ANY(ids);
  INSERT INTO talent_documents (user_id, document, names, skill_keys, skill_levels, language_codes, language_levels,
                                team_codes, venue_codes, event_codes, verified_minutes, country, city, open_to_work)
  SELECT p.user_id,
         talent_tsv(concat_ws(' ', p.display_name, p.headline, CASE WHEN NOT ('DESIRED_ROLES' = ANY(p.hidden_sections)) THEN array_to_string(p.desired_roles, ' ') END), 'A')
           || talent_tsv(sk.names, 'B')
           || talent_tsv(concat_ws(' ', CASE WHEN NOT ('SUMMARY' = ANY(p.hidden_sections)) THEN p.summary END, ex.text, g.text), 'C'),
         talent_fold(concat_ws(' ', p.display_name, sk.names)),
         coalesce(sk.keys, '{}'), coalesce(sk.levels, '{}'),
         coalesce(la.codes, '{}'), coalesce(la.levels, '{}'),
         coalesce(g.teams, '{}'), coalesce(g.venues, '{}'), coalesce(g.events, '{}'), coalesce(g.minutes, 0),
         CASE WHEN NOT ('LOCATION' = ANY(p.hidden_sections)) THEN p.country END,
         CASE WHEN NOT ('LOCATION' = ANY(p.hidden_sections)) AND p.city IS NOT NULL THEN talent_fold(p.city) END,
         p.open_to_work
    FROM alumni_profiles p
    LEFT JOIN LATERAL (
      SELECT string_agg(coalesce(k.name, s.name), ' ') AS names,
             array_agg(DISTINCT coalesce(lower(k.code), talent_fold(s.name))) AS keys,
             (SELECT array_agg(DISTINCT key || ':' || n)
                FROM alumni_profile_skills s2 LEFT JOIN skills k2 ON k2.id = s2.skill_id,
                     unnest(ARRAY[coalesce(lower(k2.code), talent_fold(s2.name)), talent_fold(coalesce(k2.name, s2.name))]) key,
                     generate_series(1, s2.level) n
               WHERE s2.user_id = p.user_id) AS levels
        FROM alumni_profile_skills s LEFT JOIN skills k ON k.id = s.skill_id
       WHERE s.user_id = p.user_id
    ) sk ON NOT ('SKILLS' = ANY(p.hidden_sections))
    LEFT JOIN LATERAL (
      SELECT array_agg(l.code) AS codes,
             (SELECT array_agg(l2.code || ':' || n) FROM alumni_profile_languages l2,
                     generate_series(1, array_position(ARRAY['A1','A2','B1','B2','C1','C2','NATIVE'], l2.level::text)) n
               WHERE l2.user_id = p.user_id) AS levels
        FROM alumni_profile_languages l WHERE l.user_id = p.user_id
    ) la ON NOT ('LANGUAGES' = ANY(p.hidden_sections))
    LEFT JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', e.title, e.organisation, e.description), ' ') AS text
        FROM alumni_experiences e WHERE e.user_id = p.user_id
    ) ex ON NOT ('EXPERIENCES' = ANY(p.hidden_sections))
    LEFT JOIN LATERAL (
      SELECT string_agg(concat_ws(' ', array_to_string(ge.role_titles, ' '), ge.team_name, ge.event_name), ' ') AS text,
             (SELECT array_agg(DISTINCT lower(c)) FROM alumni_games_experiences g2, unnest(array_remove(g2.team_codes || g2.team_code, NULL)) c WHERE g2.user_id = p.user_id) AS teams,
             (SELECT array_agg(DISTINCT lower(c)) FROM alumni_games_experiences g2, unnest(g2.venue_codes) c WHERE g2.user_id = p.user_id) AS venues,
             array_agg(DISTINCT lower(ge.event_code)) AS events,
             sum(ge.minutes)::int AS minutes
        FROM alumni_games_experiences ge WHERE ge.user_id = p.user_id
    ) g ON NOT ('GAMES' = ANY(p.hidden_sections))
   WHERE p.user_id = ANY(ids);
END $$`);
    await queryRunner.query(`CREATE FUNCTION talent_documents_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'skills' THEN
    PERFORM talent_refresh_documents(ARRAY(SELECT s.user_id FROM alumni_profile_skills s WHERE s.skill_id = NEW.id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM talent_refresh_documents(ARRAY[OLD.user_id]);
  ELSIF TG_OP = 'UPDATE' AND OLD.user_id <> NEW.user_id THEN
    PERFORM talent_refresh_documents(ARRAY[OLD.user_id, NEW.user_id]);
  ELSE
    PERFORM talent_refresh_documents(ARRAY[NEW.user_id]);
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER talent_documents_profile AFTER INSERT OR UPDATE ON alumni_profiles FOR EACH ROW EXECUTE FUNCTION talent_documents_touch()`,
    );
    for (const table of ['alumni_profile_skills', 'alumni_profile_languages', 'alumni_experiences', 'alumni_games_experiences']) {
      await queryRunner.query(
        `CREATE TRIGGER talent_documents_section AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION talent_documents_touch()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER talent_documents_skill AFTER UPDATE OF code, name ON skills FOR EACH ROW EXECUTE FUNCTION talent_documents_touch()`,
    );
    await queryRunner.query('CREATE INDEX "talent_documents_document_idx" ON "talent_documents" USING gin ("document")');
    await queryRunner.query('CREATE INDEX "talent_documents_names_trgm_idx" ON "talent_documents" USING gin ("names" gin_trgm_ops)');
    for (const [name, column] of [
      ['skill_levels', 'skill_levels'],
      ['language_levels', 'language_levels'],
      ['teams', 'team_codes'],
      ['venues', 'venue_codes'],
      ['events', 'event_codes'],
    ]) {
      await queryRunner.query(`CREATE INDEX "talent_documents_${name}_idx" ON "talent_documents" USING gin ("${column}")`);
    }
    await queryRunner.query(`SELECT talent_refresh_documents(ARRAY(SELECT user_id FROM alumni_profiles))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER talent_documents_skill ON skills');
    for (const table of ['alumni_profile_skills', 'alumni_profile_languages', 'alumni_experiences', 'alumni_games_experiences']) {
      await queryRunner.query(`DROP TRIGGER talent_documents_section ON ${table}`);
    }
    await queryRunner.query('DROP TRIGGER talent_documents_profile ON alumni_profiles');
    await queryRunner.query('DROP FUNCTION talent_documents_touch()');
    await queryRunner.query('DROP FUNCTION talent_refresh_documents(uuid[])');
    await queryRunner.query('DROP FUNCTION talent_tsv(text, "char")');
    await queryRunner.query('DROP FUNCTION talent_fold(text)');
    await queryRunner.query('ALTER TABLE "talent_documents" DROP CONSTRAINT "talent_documents_profile_fk"');
    await queryRunner.query('ALTER TABLE "talent_saved_search_matches" DROP CONSTRAINT "talent_saved_search_matches_user_fk"');
    await queryRunner.query('ALTER TABLE "talent_saved_search_matches" DROP CONSTRAINT "talent_saved_search_matches_search_fk"');
    await queryRunner.query('ALTER TABLE "talent_saved_searches" DROP CONSTRAINT "talent_saved_searches_organisation_fk"');
    await queryRunner.query('ALTER TABLE "talent_saved_searches" DROP CONSTRAINT "talent_saved_searches_recruiter_fk"');
    await queryRunner.query('ALTER TABLE "talent_contact_requests" DROP CONSTRAINT "talent_contact_requests_alumnus_fk"');
    await queryRunner.query('ALTER TABLE "talent_contact_requests" DROP CONSTRAINT "talent_contact_requests_recruiter_fk"');
    await queryRunner.query('ALTER TABLE "talent_contact_requests" DROP CONSTRAINT "talent_contact_requests_organisation_fk"');
    await queryRunner.query('ALTER TABLE "talent_contact_quotas" DROP CONSTRAINT "talent_contact_quotas_recruiter_fk"');
    await queryRunner.query('ALTER TABLE "alumni_organisation_blocks" DROP CONSTRAINT "alumni_organisation_blocks_organisation_fk"');
    await queryRunner.query('ALTER TABLE "alumni_organisation_blocks" DROP CONSTRAINT "alumni_organisation_blocks_profile_fk"');
    await queryRunner.query('DROP INDEX "public"."talent_documents_minutes_idx"');
    await queryRunner.query('DROP TABLE "talent_documents"');
    await queryRunner.query('DROP INDEX "public"."talent_saved_search_matches_user_idx"');
    await queryRunner.query('DROP TABLE "talent_saved_search_matches"');
    await queryRunner.query('DROP INDEX "public"."talent_saved_searches_recruiter_idx"');
    await queryRunner.query('DROP TABLE "talent_saved_searches"');
    await queryRunner.query('DROP INDEX "public"."talent_contact_requests_one_pending"');
    await queryRunner.query('DROP INDEX "public"."talent_contact_requests_alumnus_idx"');
    await queryRunner.query('DROP INDEX "public"."talent_contact_requests_organisation_idx"');
    await queryRunner.query('DROP INDEX "public"."talent_contact_requests_expiry_idx"');
    await queryRunner.query('DROP TABLE "talent_contact_requests"');
    await queryRunner.query('DROP TYPE "public"."talent_contact_request_status"');
    await queryRunner.query('DROP TABLE "talent_contact_quotas"');
    await queryRunner.query('DROP INDEX "public"."alumni_organisation_blocks_organisation_idx"');
    await queryRunner.query('DROP TABLE "alumni_organisation_blocks"');
    await queryRunner.query('DROP EXTENSION IF EXISTS unaccent');
  }
}
