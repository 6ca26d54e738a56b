import type { WorkRuleValues } from '@baton/scheduling';

/**
 * Candidates for one shift, filtered by every rule SQL can check cheaply and ranked, in one
 * set-based statement: the event's active assignments within ±3 days of the shift are read once
 * (index on event_id, starts_at) and folded per person, instead of probing each of the 5,300
 * people one by one. The same people's assignments in other events (one staff record per event,
 * one account) are folded in too, read through their other records. A neighbour's working day is
 * the local date of its start at its own venue, as in the rule engine. Anything this prefilter
 * could miss (a neighbour more than 3 days away) is caught by the exact re-check, and overlaps by
 * the database itself. Parameters:
 *  $1 shift id; $2 how many to return;
 *  $3 the blocking rules per employment type, as JSON:
 *     {"EMPLOYEE": {"minRest": 660, "maxDaily": 600, "rest": true, "daily": true, "skills": true, …}, …}
 * The weekly maximum is left to the exact rule engine, which re-checks every candidate returned
 * (see ReplacementService). "Hours assigned" is the workload in this event in the 3 days either
 * side of the shift: fairness where it matters, and no scan of everyone's whole history.
 */
export const REPLACEMENT_CANDIDATES_SQL = `
WITH s AS (
  SELECT s.id, s.event_id, s.team_id, s.venue_id, s.starts_at, s.ends_at, v.time_zone, v.zones, v.city,
         (s.starts_at AT TIME ZONE v.time_zone)::date AS day,
         extract(epoch FROM s.ends_at - s.starts_at) / 60 AS minutes
    FROM shifts s JOIN venues v ON v.id = s.venue_id
   WHERE s.id = $1
),
req AS (
  SELECT r.skill_id, r.min_level FROM shift_required_skills r WHERE r.shift_id = $1
),
req_count AS (SELECT count(*)::int AS n FROM req),
rules AS (
  SELECT key AS employment_type,
         make_interval(mins => (value->>'minRest')::int) AS min_rest, (value->>'maxDaily')::int AS max_daily,
         (value->>'rest')::boolean AS rest_on, (value->>'daily')::boolean AS daily_on,
         (value->>'skills')::boolean AS skills_on, (value->>'accreditation')::boolean AS accreditation_on,
         (value->>'availability')::boolean AS availability_on
    FROM jsonb_each($3::jsonb)
),
skilled AS (
  SELECT k.staff_member_id, count(*)::int AS met, sum(least(k.level - q.min_level, 2)) AS surplus
    FROM req q JOIN staff_member_skills k ON k.skill_id = q.skill_id AND k.level >= q.min_level
   GROUP BY k.staff_member_id
),
near_assignments AS (
  SELECT a.staff_member_id, a.shift_id, a.event_id, a.starts_at, a.ends_at
    FROM assignments a, s
   WHERE a.event_id = s.event_id AND a.status IN ('ASSIGNED', 'CONFIRMED')
     AND a.starts_at > s.starts_at - interval '3 days' AND a.starts_at < s.ends_at + interval '3 days'
  UNION ALL
  -- The same people in other events, answered for their record in this one.
  SELECT m.id, a.shift_id, a.event_id, a.starts_at, a.ends_at
    FROM s
    JOIN staff_members m ON m.event_id = s.event_id AND m.user_id IS NOT NULL
    JOIN staff_members r ON r.user_id = m.user_id AND r.event_id <> s.event_id
    JOIN assignments a ON a.staff_member_id = r.id
   WHERE a.status IN ('ASSIGNED', 'CONFIRMED')
     AND a.starts_at > s.starts_at - interval '3 days' AND a.starts_at < s.ends_at + interval '3 days'
),
near AS (
  SELECT n.*, (n.starts_at AT TIME ZONE v.time_zone)::date AS day
    FROM near_assignments n JOIN shifts sh ON sh.id = n.shift_id JOIN venues v ON v.id = sh.venue_id
),
per_person AS (
  SELECT n.staff_member_id,
         bool_or(n.shift_id = s.id) AS on_shift,
         bool_or(n.starts_at < s.ends_at AND n.ends_at > s.starts_at) AS overlaps,
         bool_or(n.day <> s.day AND (
                   (n.ends_at <= s.starts_at AND n.ends_at > s.starts_at - r.min_rest)
                OR (n.starts_at >= s.ends_at AND n.starts_at < s.ends_at + r.min_rest))) AS short_rest,
         coalesce(sum(extract(epoch FROM n.ends_at - n.starts_at) / 60) FILTER (WHERE n.day = s.day), 0) AS day_minutes,
         coalesce(sum(extract(epoch FROM n.ends_at - n.starts_at) / 3600) FILTER (WHERE n.event_id = s.event_id), 0) AS hours_near
    FROM near n
    CROSS JOIN s
    JOIN staff_members m ON m.id = n.staff_member_id
    JOIN rules r ON r.employment_type = m.employment_type::text
   GROUP BY n.staff_member_id
),
eligible AS (
  SELECT m.id, m.display_name, m.team_id, m.home_venue_id, m.employment_type,
         coalesce(k.surplus, 0) AS skill_surplus, coalesce(p.hours_near, 0) AS hours_assigned,
         (m.team_id = s.team_id) AS same_team,
         CASE WHEN m.home_venue_id = s.venue_id THEN 1.0 WHEN hv.city = s.city THEN 0.5 ELSE 0 END AS venue_fit
    FROM staff_members m
    CROSS JOIN s
    CROSS JOIN req_count rc
    JOIN rules r ON r.employment_type = m.employment_type::text
    LEFT JOIN per_person p ON p.staff_member_id = m.id
    LEFT JOIN skilled k ON k.staff_member_id = m.id
    LEFT JOIN venues hv ON hv.id = m.home_venue_id
   WHERE m.event_id = s.event_id
     AND NOT coalesce(p.on_shift, false)
     AND NOT coalesce(p.overlaps, false)
     AND (NOT r.rest_on OR NOT coalesce(p.short_rest, false))
     AND (NOT r.daily_on OR s.minutes + coalesce(p.day_minutes, 0) <= r.max_daily)
     AND (NOT r.skills_on OR coalesce(k.met, 0) = rc.n)
     AND (NOT r.accreditation_on OR (m.accreditation_status = 'VALID' AND m.accreditation_zones @> s.zones))
     AND (NOT r.availability_on OR NOT EXISTS (
           SELECT 1 FROM availability_periods a
            WHERE a.staff_member_id = m.id AND a.kind = 'UNAVAILABLE' AND a.starts_at < s.ends_at AND a.ends_at > s.starts_at))
),
scored AS (
  SELECT e.*,
         round((CASE WHEN rc.n = 0 THEN 1.0 ELSE e.skill_surplus / (2.0 * rc.n) END * 30)::numeric, 2) AS score_skills,
         CASE WHEN e.same_team THEN 25 ELSE 0 END AS score_team,
         round((e.venue_fit * 20)::numeric, 2) AS score_venue,
         round((20 * (1 - e.hours_assigned / greatest(max(e.hours_assigned) OVER (), 1)))::numeric, 2) AS score_workload,
         CASE
           WHEN EXISTS (SELECT 1 FROM availability_periods a, s WHERE a.staff_member_id = e.id AND a.kind = 'UNDESIRED' AND a.starts_at < s.ends_at AND a.ends_at > s.starts_at) THEN -10
           WHEN EXISTS (SELECT 1 FROM availability_periods a, s WHERE a.staff_member_id = e.id AND a.kind = 'PREFERRED' AND a.starts_at < s.ends_at AND a.ends_at > s.starts_at) THEN 5
           ELSE 0
         END AS score_preference
    FROM eligible e CROSS JOIN req_count rc
)
SELECT id, display_name, team_id, home_venue_id, employment_type, hours_assigned,
       score_skills, score_team, score_venue, score_workload, score_preference
  FROM scored
 ORDER BY score_skills + score_team + score_venue + score_workload + score_preference DESC, hours_assigned, display_name, id
 LIMIT $2`;

/** Parameter $3 of REPLACEMENT_CANDIDATES_SQL: which rules block, per employment type, and their limits. */
export function prefilterRules(byType: Readonly<Record<string, WorkRuleValues>>): string {
  const blocking = Object.fromEntries(
    Object.entries(byType).map(([type, r]) => [
      type,
      {
        minRest: r.minRestMinutes,
        maxDaily: r.maxDailyMinutes,
        rest: r.restMode === 'BLOCK',
        daily: r.dailyMode === 'BLOCK',
        skills: r.skillsMode === 'BLOCK',
        accreditation: r.accreditationMode === 'BLOCK',
        availability: r.availabilityMode === 'BLOCK',
      },
    ]),
  );
  return JSON.stringify(blocking);
}
