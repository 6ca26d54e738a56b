import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working time per person, local working day and event, kept by triggers in the same transaction
 * as every change that moves it (like the coverage counters), so that the replacement search can
 * drop those over the daily or weekly maximum by index lookups instead of reading everyone's
 * assignments. The rule engine (libs/rostering/src/eligibility) stays the judge; this table only
 * lets the prefilter narrow.
 *
 * - A person is an account when the record has one (every event they work counts), else the staff
 *   record: `coalesce(assignments.user_id, staff_member_id)`, as the rule facts read it.
 * - The working day is the local date of the shift's start at its own venue (working-time.ts).
 * - `minutes` adds each shift's rounded minutes, exactly as the daily rule adds them; `seconds` is
 *   the exact time worked, for the weekly bound.
 * - `first_start` / `last_end` bound the shifts of the row in time. They only widen while the row
 *   holds shifts (removing a shift does not narrow them; they reset when the row is empty): a bound
 *   too wide only makes the weekly test more cautious, and widening commutes, so concurrent writers
 *   stay exact without re-reading assignments. `exact` says they are still the earliest start and
 *   the latest end of the row's shifts (no shift at either end was removed since the row was last
 *   empty): only then may the prefilter take them as proof of an overlap or a short rest.
 *
 * Every update is a delta applied with INSERT … ON CONFLICT DO UPDATE, which takes the row's lock:
 * two transactions adding to the same row add up exactly.
 */
export class PersonWorkDays1796330000000 implements MigrationInterface {
  name = 'PersonWorkDays1796330000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "person_work_days" (
        "person_id" uuid NOT NULL,
        "day" date NOT NULL,
        "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
        "shifts" integer NOT NULL DEFAULT 0,
        "minutes" integer NOT NULL DEFAULT 0,
        "seconds" integer NOT NULL DEFAULT 0,
        "first_start" timestamptz,
        "last_end" timestamptz,
        "exact" boolean NOT NULL DEFAULT true,
        CONSTRAINT "person_work_days_pkey" PRIMARY KEY ("person_id", "day", "event_id"),
        CONSTRAINT "person_work_days_counts_check" CHECK ("shifts" >= 0 AND "minutes" >= 0 AND "seconds" >= 0),
        CONSTRAINT "person_work_days_bounds_check" CHECK (("shifts" = 0) = ("first_start" IS NULL) AND ("first_start" IS NULL) = ("last_end" IS NULL))
      )`);
    // One shift in (sign +1: an upsert) or out (sign -1: an update, since the CHECK would refuse
    // the row an upsert proposes before it meets the conflict).
    await queryRunner.query(`
      CREATE FUNCTION baton_work_day_delta(person uuid, event uuid, work_day date, sign int, starts timestamptz, ends timestamptz)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        secs int := round(extract(epoch FROM ends - starts))::int;
        mins int := round(extract(epoch FROM ends - starts) / 60)::int;
      BEGIN
        IF sign > 0 THEN
          INSERT INTO person_work_days AS w (person_id, day, event_id, shifts, minutes, seconds, first_start, last_end)
          VALUES (person, work_day, event, 1, mins, secs, starts, ends)
          ON CONFLICT (person_id, day, event_id) DO UPDATE
            SET shifts = w.shifts + 1, minutes = w.minutes + mins, seconds = w.seconds + secs,
                first_start = least(w.first_start, starts), last_end = greatest(w.last_end, ends),
                exact = w.exact OR w.shifts = 0;
          RETURN;
        END IF;
        UPDATE person_work_days w
           SET shifts = w.shifts - 1, minutes = w.minutes - mins, seconds = w.seconds - secs,
               first_start = CASE WHEN w.shifts = 1 THEN NULL ELSE w.first_start END,
               last_end = CASE WHEN w.shifts = 1 THEN NULL ELSE w.last_end END,
               -- A shift at either end gone: the bound may now be wider than the shifts left.
               exact = w.shifts = 1 OR (w.exact AND starts > w.first_start AND ends < w.last_end)
         WHERE w.person_id = person AND w.day = work_day AND w.event_id = event;
        -- Only when the whole event is being deleted may its rows be gone first (their cascade).
        IF NOT FOUND AND EXISTS (SELECT 1 FROM events WHERE id = event) THEN
          RAISE EXCEPTION 'person_work_days has no row for % on % in %', person, work_day, event USING ERRCODE = 'data_exception';
        END IF;
      END $$`);
    // An assignment in or out. Its shift is gone only when the shift is being deleted: then the
    // shift's own trigger (below) has already taken its assignments out.
    await queryRunner.query(`
      CREATE FUNCTION baton_work_days_assignment() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_active boolean := TG_OP <> 'INSERT' AND OLD.status IN ('ASSIGNED', 'CONFIRMED');
        is_active boolean := TG_OP <> 'DELETE' AND NEW.status IN ('ASSIGNED', 'CONFIRMED');
        zone text;
      BEGIN
        IF TG_OP = 'UPDATE' AND was_active AND is_active
           AND (OLD.shift_id, OLD.starts_at, OLD.ends_at, OLD.event_id, coalesce(OLD.user_id, OLD.staff_member_id))
               IS NOT DISTINCT FROM (NEW.shift_id, NEW.starts_at, NEW.ends_at, NEW.event_id, coalesce(NEW.user_id, NEW.staff_member_id)) THEN
          RETURN NULL;
        END IF;
        IF was_active THEN
          SELECT v.time_zone INTO zone FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = OLD.shift_id;
          IF FOUND THEN
            PERFORM baton_work_day_delta(coalesce(OLD.user_id, OLD.staff_member_id), OLD.event_id, (OLD.starts_at AT TIME ZONE zone)::date, -1, OLD.starts_at, OLD.ends_at);
          END IF;
        END IF;
        IF is_active THEN
          SELECT v.time_zone INTO zone FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = NEW.shift_id;
          PERFORM baton_work_day_delta(coalesce(NEW.user_id, NEW.staff_member_id), NEW.event_id, (NEW.starts_at AT TIME ZONE zone)::date, 1, NEW.starts_at, NEW.ends_at);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assignments_work_days AFTER INSERT OR DELETE OR UPDATE OF status, shift_id, staff_member_id, user_id, event_id, starts_at, ends_at ON "assignments" FOR EACH ROW EXECUTE FUNCTION baton_work_days_assignment()`,
    );
    // The active assignments of some shifts move from one zone's days to another's (a shift moved
    // to another venue, a venue's zone corrected), or out (the shift deleted: the cascade that
    // follows finds no shift and leaves the table alone).
    await queryRunner.query(`
      CREATE FUNCTION baton_work_days_move(shift_ids uuid[], old_zone text, new_zone text) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        a record;
      BEGIN
        FOR a IN SELECT coalesce(user_id, staff_member_id) AS person, event_id, starts_at, ends_at FROM assignments
                  WHERE shift_id = ANY(shift_ids) AND status IN ('ASSIGNED', 'CONFIRMED') ORDER BY id LOOP
          PERFORM baton_work_day_delta(a.person, a.event_id, (a.starts_at AT TIME ZONE old_zone)::date, -1, a.starts_at, a.ends_at);
          IF new_zone IS NOT NULL THEN
            PERFORM baton_work_day_delta(a.person, a.event_id, (a.starts_at AT TIME ZONE new_zone)::date, 1, a.starts_at, a.ends_at);
          END IF;
        END LOOP;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION baton_work_days_shift() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_zone text := (SELECT time_zone FROM venues WHERE id = OLD.venue_id);
      BEGIN
        IF TG_OP = 'DELETE' THEN
          -- No venue: the whole event is being deleted (a venue with shifts cannot be), rows and all.
          IF old_zone IS NOT NULL THEN
            PERFORM baton_work_days_move(ARRAY[OLD.id], old_zone, NULL);
          END IF;
          RETURN OLD;
        END IF;
        PERFORM baton_work_days_move(ARRAY[NEW.id], old_zone, (SELECT time_zone FROM venues WHERE id = NEW.venue_id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER shifts_work_days_delete BEFORE DELETE ON "shifts" FOR EACH ROW EXECUTE FUNCTION baton_work_days_shift()`);
    // Named to run before shifts_times (triggers of one event run in name order): the venue moves
    // with the assignments' old times, then shifts_times moves the times within the new venue.
    await queryRunner.query(
      `CREATE TRIGGER shifts_moved_work_days AFTER UPDATE OF venue_id ON "shifts" FOR EACH ROW WHEN (OLD.venue_id IS DISTINCT FROM NEW.venue_id) EXECUTE FUNCTION baton_work_days_shift()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION baton_work_days_venue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM baton_work_days_move(ARRAY(SELECT id FROM shifts WHERE venue_id = NEW.id), OLD.time_zone, NEW.time_zone);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER venues_work_days AFTER UPDATE OF time_zone ON "venues" FOR EACH ROW WHEN (OLD.time_zone IS DISTINCT FROM NEW.time_zone) EXECUTE FUNCTION baton_work_days_venue()`,
    );
    // A lower bound of the heaviest rolling 7 days touching a shift of `starts`..`ends` for a person
    // who would take it, in seconds: the windows the rule engine measures (starting at a start,
    // ending at an end), each counting the shift's part in it and the rows whose whole span lies
    // inside. A row straddling a window's edge is left out, so the bound never exceeds what the
    // engine finds (libs/rostering/src/eligibility/working-time.ts, heaviestWeek).
    await queryRunner.query(`
      CREATE FUNCTION baton_weekly_seconds_at_least(person uuid, starts timestamptz, ends timestamptz) RETURNS numeric
      LANGUAGE sql STABLE AS $$
        WITH d AS (
          SELECT w.first_start, w.last_end, w.seconds FROM person_work_days w
           WHERE w.person_id = person AND w.shifts > 0
             AND w.day BETWEEN (starts AT TIME ZONE 'UTC')::date - 9 AND (ends AT TIME ZONE 'UTC')::date + 9
        ),
        f AS (
          SELECT starts AS from_at UNION SELECT ends - interval '7 days'
          UNION SELECT d.first_start FROM d UNION SELECT d.last_end - interval '7 days' FROM d
        )
        SELECT coalesce(max(extract(epoch FROM least(ends, f.from_at + interval '7 days') - greatest(starts, f.from_at))
                            + (SELECT coalesce(sum(d.seconds), 0) FROM d WHERE d.first_start >= f.from_at AND d.last_end <= f.from_at + interval '7 days')), 0)
          FROM f
         WHERE f.from_at > starts - interval '7 days' AND f.from_at < ends
      $$`);
    // The replacement search reads a few days of everyone at once: all it needs is in the index.
    await queryRunner.query(
      `CREATE INDEX "person_work_days_day_idx" ON "person_work_days" ("day") INCLUDE ("person_id", "event_id", "shifts", "minutes", "seconds", "first_start", "last_end", "exact")`,
    );
    // Backfill inside the migration's transaction: the triggers above see every later write.
    await queryRunner.query(`
      INSERT INTO person_work_days (person_id, day, event_id, shifts, minutes, seconds, first_start, last_end)
      SELECT coalesce(a.user_id, a.staff_member_id), (a.starts_at AT TIME ZONE v.time_zone)::date, a.event_id, count(*),
             sum(round(extract(epoch FROM a.ends_at - a.starts_at) / 60)), sum(round(extract(epoch FROM a.ends_at - a.starts_at))),
             min(a.starts_at), max(a.ends_at)
        FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
       WHERE a.status IN ('ASSIGNED', 'CONFIRMED')
       GROUP BY 1, 2, 3`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS venues_work_days ON "venues"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS shifts_moved_work_days ON "shifts"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS shifts_work_days_delete ON "shifts"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS assignments_work_days ON "assignments"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_weekly_seconds_at_least(uuid, timestamptz, timestamptz)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_work_days_venue()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_work_days_shift()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_work_days_move(uuid[], text, text)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_work_days_assignment()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS baton_work_day_delta(uuid, uuid, date, int, timestamptz, timestamptz)`);
    await queryRunner.query(`DROP TABLE IF EXISTS "person_work_days"`);
  }
}
