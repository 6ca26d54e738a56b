/**
 * The whole coverage answer in one statement (one row; no row when the event does not exist).
 *
 * $1 event id, $2 from, $3 to, $4 bucket (HOUR | FOUR_HOURS | DAY), $5 venue ids (NULL = all),
 * $6 team ids (NULL = all), $7 now (gaps leave out shifts already over), $8 how many gaps at
 * most, $9 and $10 a generous bound on shifts.starts_at (from - 72 h - 26 h, to + 26 h): only
 * there so the planner sees constants for the index range and sizes the plan right; $11 the
 * viewer's grants pair by pair (`[[venue ids | null, team ids | null], …]` as jsonb) when the
 * per-axis lists $5 and $6 say more than they do, else NULL.
 *
 * Buckets are laid out on a wall clock: UTC for HOUR and FOUR_HOURS (absolute hours from `from`
 * rounded down to the hour), the event's time zone for DAY (local midnight to local midnight).
 * On a wall clock every bucket has the same length, so the buckets a shift overlaps are k0..k1
 * by plain arithmetic, and DST days come out as 23 or 25 real hours when the wall-clock bucket
 * edges are turned back into instants. The window is widened to whole buckets; cells, gaps and
 * totals are all about the published shifts overlapping that widened window.
 *
 * Cells without a shifts × buckets join: each shift adds its headcount (and counts) at bucket k0
 * and takes them off after k1; a running sum per venue and team gives runs of consecutive buckets
 * with the same figures. The statement returns those runs (at most 2 per shift), ordered; the
 * mapper writes one cell per bucket of a run. Grouping, sorting and shipping 2 rows per shift
 * instead of one per cell keeps the statement within the default work_mem and the answer ~8×
 * smaller at Paris scale (HOUR over a whole event: 9,300 runs for 72,540 cells).
 *
 * Assignments are not counted here: shift_staffing holds each shift's counters, kept by triggers
 * in the transaction of every assignment write (migration CoverageCounters), so a board read is
 * one primary-key row per shift whatever the number of assignments. COVERAGE_ORACLE_SQL in the
 * tests still counts assignments and must give the same answers.
 */
export const COVERAGE_SQL = `/* coverage */
WITH params AS (
  SELECT e.time_zone, z.zone, z.step,
         date_trunc(z.unit, $2::timestamptz AT TIME ZONE z.zone) AS origin,
         $3::timestamptz AT TIME ZONE z.zone AS wall_to
  FROM events e
  CROSS JOIN LATERAL (
    SELECT CASE WHEN $4::text = 'DAY' THEN e.time_zone ELSE 'UTC' END AS zone,
           CASE WHEN $4::text = 'DAY' THEN 'day' ELSE 'hour' END AS unit,
           CASE $4::text WHEN 'HOUR' THEN 3600 WHEN 'FOUR_HOURS' THEN 14400 ELSE 86400 END AS step
  ) z
  WHERE e.id = $1::uuid
),
win AS (
  SELECT p.*, c.n,
         p.origin AT TIME ZONE p.zone AS win_from,
         (p.origin + c.n * p.step * interval '1 second') AT TIME ZONE p.zone AS win_to
  FROM params p
  CROSS JOIN LATERAL (SELECT ceil(extract(epoch FROM p.wall_to - p.origin) / p.step)::int AS n) c
),
covered AS (
  SELECT s.id, s.venue_id, s.team_id, s.role_title, s.starts_at, s.ends_at, s.headcount::int AS headcount,
         a.assigned, a.checked_in,
         greatest(0, floor(extract(epoch FROM (s.starts_at AT TIME ZONE w.zone) - w.origin) / w.step)::int) AS k0,
         least(w.n - 1, ceil(extract(epoch FROM (s.ends_at AT TIME ZONE w.zone) - w.origin) / w.step)::int - 1) AS k1
  FROM shifts s
  JOIN win w ON s.starts_at < w.win_to AND s.ends_at > w.win_from
  JOIN shift_staffing a ON a.shift_id = s.id
  WHERE s.event_id = $1::uuid AND s.status = 'PUBLISHED'
    AND s.starts_at > $9::timestamptz AND s.starts_at < $10::timestamptz
    AND ($5::uuid[] IS NULL OR s.venue_id = ANY ($5::uuid[]))
    AND ($6::uuid[] IS NULL OR s.team_id = ANY ($6::uuid[]))
    AND ($11::jsonb IS NULL OR EXISTS (
          SELECT 1 FROM jsonb_array_elements($11::jsonb) g
           WHERE (g->0 = 'null'::jsonb OR g->0 ? s.venue_id::text) AND (g->1 = 'null'::jsonb OR g->1 ? s.team_id::text)))
),
steps AS (
  SELECT d.venue_id, d.team_id, d.k, sum(d.dr) AS dr, sum(d.da) AS da, sum(d.dc) AS dc
  FROM (SELECT venue_id, team_id, k0 AS k, headcount AS dr, assigned AS da, checked_in AS dc FROM covered
        UNION ALL
        SELECT venue_id, team_id, k1 + 1, -headcount, -assigned, -checked_in FROM covered) d
  GROUP BY d.venue_id, d.team_id, d.k
),
runs AS (
  SELECT venue_id, team_id, k AS k_from, lead(k) OVER w AS k_to,
         (sum(dr) OVER w)::int AS required, (sum(da) OVER w)::int AS assigned, (sum(dc) OVER w)::int AS checked_in
  FROM steps
  WINDOW w AS (PARTITION BY venue_id, team_id ORDER BY k)
)
SELECT w.time_zone AS "timeZone",
       (SELECT json_agg(extract(epoch FROM (w.origin + b * w.step * interval '1 second') AT TIME ZONE w.zone) * 1000 ORDER BY b)
          FROM generate_series(0, w.n) b) AS "edges",
       (SELECT coalesce(json_agg(json_build_array(r.venue_id, r.team_id, r.k_from, r.k_to, r.required, r.assigned, r.checked_in)
                 ORDER BY r.venue_id, r.team_id, r.k_from), '[]')
          FROM runs r
         WHERE r.required > 0) AS "runs",
       (SELECT coalesce(json_agg(json_build_array(g.id, g.venue_id, g.team_id, g.role_title,
                 extract(epoch FROM g.starts_at) * 1000, extract(epoch FROM g.ends_at) * 1000, g.headcount, g.assigned)
                 ORDER BY g.starts_at, g.headcount - g.assigned DESC, g.id), '[]')
          FROM (SELECT * FROM covered c
                 WHERE c.assigned < c.headcount AND c.ends_at > $7::timestamptz
                 ORDER BY c.starts_at, c.headcount - c.assigned DESC, c.id
                 LIMIT $8::int) g) AS "gaps",
       (SELECT json_build_array(coalesce(sum(c.headcount), 0), coalesce(sum(c.assigned), 0), coalesce(sum(c.checked_in), 0),
                                coalesce(sum(greatest(0, c.headcount - c.assigned)), 0))
          FROM covered c) AS "totals"
FROM win w
`;

/** Runs: [venueId, teamId, first bucket, bucket after the last, required, assigned, checkedIn] (same figures in each bucket). */
export type CoverageRunRow = [string, string, number, number, number, number, number];
/** Gaps: [shiftId, venueId, teamId, roleTitle, startsAt ms, endsAt ms, headcount, assigned]. */
export type CoverageGapRow = [string, string, string, string, number, number, number, number];

export interface CoverageRow {
  timeZone: string;
  /** Bucket edges in epoch milliseconds: bucket k is [edges[k], edges[k + 1]). */
  edges: number[];
  runs: CoverageRunRow[];
  gaps: CoverageGapRow[];
  /** [required, assigned, checkedIn, gap] */
  totals: [number, number, number, number];
}
