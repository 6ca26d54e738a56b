/**
 * Candidates for one shift, filtered by every rule SQL can check cheaply and ranked, in one
 * statement. Parameters:
 *  $1 shift id; $2 how many to return;
 *  $3 the blocking rules per employment type, as JSON:
 *     {"EMPLOYEE": {"minRest": 660, "maxDaily": 600, "rest": true, "daily": true, "skills": true, …}, …}
 * Every filter uses an index: the overlap test the exclusion constraint's GiST index, the
 * neighbours (staff_member_id, starts_at). The weekly maximum is left to the exact rule engine,
 * which re-checks every candidate returned (see ReplacementService).
 */
export const REPLACEMENT_CANDIDATES_SQL = `
WITH s AS (
  SELECT s.id, s.event_id, s.team_id, s.venue_id, s.starts_at, s.ends_at, v.time_zone, v.zones, v.city,
         (s.starts_at AT TIME ZONE v.time_zone)::date AS local_day,
         extract(epoch FROM s.ends_at - s.starts_at) / 60 AS minutes
    FROM shifts s JOIN venues v ON v.id = s.venue_id
   WHERE s.id = $1
),
req AS (
  SELECT r.skill_id, r.min_level FROM shift_required_skills r WHERE r.shift_id = $1
),
rules AS (
  SELECT key AS employment_type,
         (value->>'minRest')::int AS min_rest, (value->>'maxDaily')::int AS max_daily,
         (value->>'rest')::boolean AS rest_on, (value->>'daily')::boolean AS daily_on,
         (value->>'skills')::boolean AS skills_on, (value->>'accreditation')::boolean AS accreditation_on,
         (value->>'availability')::boolean AS availability_on
    FROM jsonb_each($3::jsonb)
),
pool AS (
  SELECT m.id, m.display_name, m.team_id, m.home_venue_id, m.employment_type, hv.city AS home_city, r.skills_on,
         (SELECT coalesce(sum(least(k.level - q.min_level, 2)), 0) FROM req q JOIN staff_member_skills k ON k.skill_id = q.skill_id AND k.staff_member_id = m.id AND k.level >= q.min_level) AS skill_surplus,
         (SELECT count(*) FROM req q JOIN staff_member_skills k ON k.skill_id = q.skill_id AND k.staff_member_id = m.id AND k.level >= q.min_level) AS skills_met
    FROM staff_members m
    JOIN s ON m.event_id = s.event_id
    JOIN rules r ON r.employment_type = m.employment_type::text
    LEFT JOIN venues hv ON hv.id = m.home_venue_id
   WHERE NOT EXISTS (
           SELECT 1 FROM assignments a
            WHERE a.staff_member_id = m.id AND a.status IN ('ASSIGNED', 'CONFIRMED')
              AND tstzrange(a.starts_at, a.ends_at) && tstzrange(s.starts_at, s.ends_at))
     AND (NOT r.accreditation_on OR (m.accreditation_status = 'VALID' AND m.accreditation_zones @> s.zones))
     AND (NOT r.availability_on OR NOT EXISTS (
           SELECT 1 FROM availability_periods p
            WHERE p.staff_member_id = m.id AND p.kind = 'UNAVAILABLE' AND p.starts_at < s.ends_at AND p.ends_at > s.starts_at))
     AND (NOT r.rest_on OR NOT EXISTS (
           SELECT 1 FROM assignments a
            WHERE a.staff_member_id = m.id AND a.status IN ('ASSIGNED', 'CONFIRMED')
              AND a.starts_at > s.starts_at - interval '3 days' AND a.starts_at < s.ends_at + make_interval(mins => r.min_rest)
              AND (a.starts_at AT TIME ZONE s.time_zone)::date <> s.local_day
              AND ((a.ends_at <= s.starts_at AND a.ends_at > s.starts_at - make_interval(mins => r.min_rest))
                OR (a.starts_at >= s.ends_at AND a.starts_at < s.ends_at + make_interval(mins => r.min_rest)))))
     AND (NOT r.daily_on OR s.minutes + coalesce((
           SELECT sum(extract(epoch FROM a.ends_at - a.starts_at) / 60) FROM assignments a
            WHERE a.staff_member_id = m.id AND a.status IN ('ASSIGNED', 'CONFIRMED')
              AND a.starts_at > s.starts_at - interval '2 days' AND a.starts_at < s.ends_at + interval '2 days'
              AND (a.starts_at AT TIME ZONE s.time_zone)::date = s.local_day), 0) <= r.max_daily)
),
eligible AS (
  SELECT p.* FROM pool p WHERE NOT p.skills_on OR p.skills_met = (SELECT count(*) FROM req)
),
scored AS (
  SELECT e.*,
         (SELECT coalesce(sum(extract(epoch FROM a.ends_at - a.starts_at) / 3600), 0) FROM assignments a
           WHERE a.staff_member_id = e.id AND a.status IN ('ASSIGNED', 'CONFIRMED')) AS hours_assigned,
         EXISTS (SELECT 1 FROM availability_periods p WHERE p.staff_member_id = e.id AND p.kind = 'PREFERRED' AND p.starts_at < s.ends_at AND p.ends_at > s.starts_at) AS preferred,
         EXISTS (SELECT 1 FROM availability_periods p WHERE p.staff_member_id = e.id AND p.kind = 'UNDESIRED' AND p.starts_at < s.ends_at AND p.ends_at > s.starts_at) AS undesired,
         (e.team_id = s.team_id) AS same_team,
         CASE WHEN e.home_venue_id = s.venue_id THEN 1.0 WHEN e.home_city = s.city THEN 0.5 ELSE 0 END AS venue_fit
    FROM eligible e, s
)
SELECT id, display_name, team_id, home_venue_id, employment_type, hours_assigned, preferred, undesired, same_team, venue_fit, skill_surplus,
       round((CASE WHEN (SELECT count(*) FROM req) = 0 THEN 1.0 ELSE skill_surplus / (2.0 * (SELECT count(*) FROM req)) END * 30)::numeric, 2) AS score_skills,
       CASE WHEN same_team THEN 25 ELSE 0 END AS score_team,
       round((venue_fit * 20)::numeric, 2) AS score_venue,
       round((20 * (1 - hours_assigned / greatest(max(hours_assigned) OVER (), 1)))::numeric, 2) AS score_workload,
       CASE WHEN preferred THEN 5 WHEN undesired THEN -10 ELSE 0 END AS score_preference
  FROM scored
 ORDER BY (CASE WHEN (SELECT count(*) FROM req) = 0 THEN 1.0 ELSE skill_surplus / (2.0 * (SELECT count(*) FROM req)) END * 30)
        + CASE WHEN same_team THEN 25 ELSE 0 END + venue_fit * 20
        + 20 * (1 - hours_assigned / greatest(max(hours_assigned) OVER (), 1))
        + CASE WHEN preferred THEN 5 WHEN undesired THEN -10 ELSE 0 END DESC,
        hours_assigned, display_name, id
 LIMIT $2`;
