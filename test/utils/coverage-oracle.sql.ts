/**
 * The coverage statement as it was before the counters (migration CoverageCounters): it counts
 * the assignments of every shift. Kept verbatim as the oracle the counter-based COVERAGE_SQL must
 * agree with, whatever the writes. Same parameters as COVERAGE_SQL.
 */
export const COVERAGE_ORACLE_SQL = `/* coverage oracle */
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
  CROSS JOIN LATERAL (
    SELECT count(*)::int AS assigned, count(x.checked_in_at)::int AS checked_in
    FROM assignments x
    WHERE x.shift_id = s.id AND x.status IN ('ASSIGNED', 'CONFIRMED')
  ) a
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
