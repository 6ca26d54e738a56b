/**
 * person_work_days recomputed from the assignments (the oracle of the trigger-kept table): the
 * rows that differ. Counts and totals must match exactly; the bounds must enclose the shifts, and
 * equal their earliest start and latest end where the row says it is exact.
 */
export const WORK_DAYS_DRIFT_SQL = `
WITH truth AS (
  SELECT coalesce(a.user_id, a.staff_member_id) AS person_id, (a.starts_at AT TIME ZONE v.time_zone)::date AS day, a.event_id,
         count(*)::int AS shifts,
         sum(round(extract(epoch FROM a.ends_at - a.starts_at) / 60))::int AS minutes,
         sum(round(extract(epoch FROM a.ends_at - a.starts_at)))::int AS seconds,
         min(a.starts_at) AS first_start, max(a.ends_at) AS last_end
    FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
   WHERE a.status IN ('ASSIGNED', 'CONFIRMED')
   GROUP BY 1, 2, 3
),
kept AS (SELECT * FROM person_work_days WHERE shifts > 0)
SELECT coalesce(t.person_id, k.person_id) AS person_id, coalesce(t.day, k.day)::text AS day,
       t.shifts AS want_shifts, k.shifts, t.minutes AS want_minutes, k.minutes, t.seconds AS want_seconds, k.seconds,
       t.first_start AS want_first_start, k.first_start, t.last_end AS want_last_end, k.last_end, k.exact
  FROM truth t FULL JOIN kept k ON k.person_id = t.person_id AND k.day = t.day AND k.event_id = t.event_id
 WHERE t.person_id IS NULL OR k.person_id IS NULL
    OR (t.shifts, t.minutes, t.seconds) IS DISTINCT FROM (k.shifts, k.minutes, k.seconds)
    OR k.first_start > t.first_start OR k.last_end < t.last_end
    OR (k.exact AND (k.first_start, k.last_end) IS DISTINCT FROM (t.first_start, t.last_end))`;

/** Rows emptied by the triggers must be clean (no bounds left behind). */
export const WORK_DAYS_EMPTY_DIRT_SQL = `
SELECT * FROM person_work_days WHERE shifts = 0 AND (minutes <> 0 OR seconds <> 0 OR first_start IS NOT NULL OR last_end IS NOT NULL OR NOT exact)`;
