import type { WorkRuleValues } from '@baton/scheduling';
import type { LoadedShift } from '../eligibility/rule-facts.repository';

/**
 * Candidates for one shift, narrowed by what SQL can prove cheaply and ranked, in one statement.
 * It only narrows: everyone it returns is judged by the eligibility core (ReplacementService), and
 * it drops nobody the core would accept (test/e2e/replacement-oracle.e2e-spec.ts compares it with
 * the core's verdict on every staff record).
 *
 * Working time comes from `person_work_days` (migration PersonWorkDays: per person, local working
 * day and event, kept by triggers), read once for the 7 local days around the shift's day, from
 * one index, instead of the event's assignments joined to their shifts and venues:
 *  - daily maximum: exact (the same rounded minutes per shift, the same local days, every event);
 *  - overlap and short rest: proven only by a row whose bounds are exact (its earliest start or
 *    latest end is a real shift's), so a stale bound never drops anyone; what the rows cannot prove
 *    (a long neighbour more than 3 days away, a shift in the middle of a day) is left to the core;
 *  - weekly maximum: a lower bound (baton_weekly_seconds_at_least) computed last, only for the $2
 *    best ranked, one index range per person, returned as `weekly_ok` (false: the core would refuse
 *    them too) rather than filtered, so the page's size still says whether the ranking ran out: a
 *    margin of a minute covers the rounding of stored seconds.
 * "Hours assigned" is the time worked in this event on the local days from 3 before to 3 after the
 * shift's: fairness where it matters, and no scan of everyone's whole history.
 * Parameters (prefilterParams): $1 shift id; $2 how many to return; $3 the rules per employment
 * type (prefilterRules); $4 to $10 the shift's event, start, end, venue time zone, venue zones, team
 * and venue. Values rather than a join to the shift's row: the planner sees them, so it estimates
 * the event's staff from the column's statistics (not an unknown event's share of every Games'
 * records: 29,000 instead of 5,301 on the multi-Games data, which pushed the cost past
 * jit_above_cost and cost every call ~70 ms of JIT) and ranges person_work_days by day.
 * Rows come best first. The workload score is relative to the busiest eligible person, so every
 * eligible person is scored, but only the best $2 are sorted (a bounded sort, not all of them).
 */
// The shift's local working day, as the person_work_days triggers compute it.
const DAY = '($5::timestamptz AT TIME ZONE $7::text)::date';

export const REPLACEMENT_CANDIDATES_SQL = `
WITH req AS (
  SELECT r.skill_id, r.min_level FROM shift_required_skills r WHERE r.shift_id = $1
),
req_count AS (SELECT count(*)::int AS n FROM req),
-- Materialised: three typed rows, not JSON read again for every staff record it is joined to.
rules AS MATERIALIZED (
  SELECT key AS employment_type,
         (value->>'minRest')::int AS min_rest, (value->>'maxDaily')::int AS max_daily, (value->>'maxWeekly')::int AS max_weekly,
         (value->>'rest')::boolean AS rest_on, (value->>'daily')::boolean AS daily_on, (value->>'weekly')::boolean AS weekly_on,
         (value->>'skills')::boolean AS skills_on, (value->>'accreditation')::boolean AS accreditation_on,
         (value->>'availability')::boolean AS availability_on
    FROM jsonb_each($3::jsonb)
),
skilled AS (
  SELECT k.staff_member_id, count(*)::int AS met, sum(least(k.level - q.min_level, 2)) AS surplus
    FROM req q JOIN staff_member_skills k ON k.skill_id = q.skill_id AND k.level >= q.min_level
   GROUP BY k.staff_member_id
),
-- Who passes the rules that need no working time.
pool AS (
  SELECT m.id, coalesce(m.user_id, m.id) AS person_id, m.display_name, m.team_id, m.home_venue_id, m.employment_type,
         r.min_rest, r.max_daily, r.max_weekly, r.rest_on, r.daily_on, r.weekly_on, coalesce(k.surplus, 0) AS skill_surplus
    FROM staff_members m
    CROSS JOIN req_count rc
    JOIN rules r ON r.employment_type = m.employment_type::text
    LEFT JOIN skilled k ON k.staff_member_id = m.id
   WHERE m.event_id = $4::uuid
     AND (NOT r.skills_on OR coalesce(k.met, 0) = rc.n)
     AND (NOT r.accreditation_on OR (m.accreditation_status = 'VALID' AND m.accreditation_zones @> $8::text[]))
     -- The rule's switch inside the subquery, not OR-ed outside it: an anti-join, not a probe per record.
     AND NOT EXISTS (
           SELECT 1 FROM availability_periods a
            WHERE r.availability_on AND a.staff_member_id = m.id AND a.kind = 'UNAVAILABLE'
              AND a.starts_at < $6::timestamptz AND a.ends_at > $5::timestamptz)
),
-- Their working days around the shift's: one scan of those days, or one index range per person
-- (person_id, day) when the pool is small (the planner's choice, on known values).
near AS (
  SELECT w.person_id,
         coalesce(sum(w.minutes) FILTER (WHERE w.day = ${DAY}), 0) AS day_minutes,
         coalesce(sum(w.seconds) FILTER (WHERE w.event_id = $4::uuid), 0) / 3600.0 AS hours_near,
         coalesce(bool_or(
           (w.shifts = 1 AND w.first_start < $6::timestamptz AND w.last_end > $5::timestamptz)
           OR (w.first_start >= $5::timestamptz AND w.first_start < $6::timestamptz)
           OR (w.last_end > $5::timestamptz AND w.last_end <= $6::timestamptz)) FILTER (WHERE w.exact), false) AS overlaps,
         -- The shortest rests come from the latest end before and the earliest start after.
         max(w.last_end) FILTER (WHERE w.exact AND w.day <> ${DAY} AND w.last_end <= $5::timestamptz) AS end_before,
         min(w.first_start) FILTER (WHERE w.exact AND w.day <> ${DAY} AND w.first_start >= $6::timestamptz) AS start_after
    FROM person_work_days w
   WHERE w.day BETWEEN ${DAY} - 3 AND ${DAY} + 3 AND w.shifts > 0
     AND w.person_id IN (SELECT person_id FROM pool)
   GROUP BY w.person_id
),
eligible AS (
  SELECT m.id, m.person_id, m.display_name, m.team_id, m.home_venue_id, m.employment_type, m.weekly_on, m.max_weekly,
         m.skill_surplus, coalesce(p.hours_near, 0) AS hours_assigned,
         (m.team_id = $9::uuid) AS same_team,
         CASE WHEN m.home_venue_id = $10::uuid THEN 1.0 WHEN hv.city = (SELECT city FROM venues WHERE id = $10::uuid) THEN 0.5 ELSE 0 END AS venue_fit
    FROM pool m
    LEFT JOIN near p ON p.person_id = m.person_id
    LEFT JOIN venues hv ON hv.id = m.home_venue_id
   WHERE NOT coalesce(p.overlaps, false)
     AND (NOT m.rest_on OR NOT (
           coalesce(round(extract(epoch FROM $5::timestamptz - p.end_before) / 60), m.min_rest) < m.min_rest
           OR coalesce(round(extract(epoch FROM p.start_after - $6::timestamptz) / 60), m.min_rest) < m.min_rest))
     AND (NOT m.daily_on OR round(extract(epoch FROM $6::timestamptz - $5::timestamptz) / 60) + coalesce(p.day_minutes, 0) <= m.max_daily)
),
scored AS (
  SELECT e.*,
         round((CASE WHEN rc.n = 0 THEN 1.0 ELSE e.skill_surplus / (2.0 * rc.n) END * 30)::numeric, 2) AS score_skills,
         CASE WHEN e.same_team THEN 25 ELSE 0 END AS score_team,
         round((e.venue_fit * 20)::numeric, 2) AS score_venue,
         round((20 * (1 - e.hours_assigned / greatest(max(e.hours_assigned) OVER (), 1)))::numeric, 2) AS score_workload,
         CASE
           WHEN EXISTS (SELECT 1 FROM availability_periods a WHERE a.staff_member_id = e.id AND a.kind = 'UNDESIRED' AND a.starts_at < $6::timestamptz AND a.ends_at > $5::timestamptz) THEN -10
           WHEN EXISTS (SELECT 1 FROM availability_periods a WHERE a.staff_member_id = e.id AND a.kind = 'PREFERRED' AND a.starts_at < $6::timestamptz AND a.ends_at > $5::timestamptz) THEN 5
           ELSE 0
         END AS score_preference
    FROM eligible e CROSS JOIN req_count rc
),
-- The best $2 by a bounded sort (a heap of $2 rows, not all of them sorted), each with the weekly
-- lower bound: only those rows pay for it.
top AS (
  SELECT sc.* FROM scored sc
   ORDER BY score_skills + score_team + score_venue + score_workload + score_preference DESC, hours_assigned, display_name, id
   LIMIT $2
)
SELECT o.id, o.display_name, o.team_id, o.home_venue_id, o.employment_type, o.hours_assigned,
       o.score_skills, o.score_team, o.score_venue, o.score_workload, o.score_preference,
       (NOT o.weekly_on OR baton_weekly_seconds_at_least(o.person_id, $5::timestamptz, $6::timestamptz) <= (o.max_weekly + 1) * 60) AS weekly_ok
  FROM top o
 ORDER BY o.score_skills + o.score_team + o.score_venue + o.score_workload + o.score_preference DESC, o.hours_assigned, o.display_name, o.id`;

/** The parameters of REPLACEMENT_CANDIDATES_SQL for a loaded shift: its values, not a join to its row. */
export function prefilterParams(shift: LoadedShift, limit: number, rules: string): unknown[] {
  return [shift.id, limit, rules, shift.eventId, shift.startsAt, shift.endsAt, shift.timeZone, shift.venueZones, shift.teamId, shift.venueId];
}

/** Parameter $3 of REPLACEMENT_CANDIDATES_SQL: which rules block, per employment type, and their limits. */
export function prefilterRules(byType: Readonly<Record<string, WorkRuleValues>>): string {
  const blocking = Object.fromEntries(
    Object.entries(byType).map(([type, r]) => [
      type,
      {
        minRest: r.minRestMinutes,
        maxDaily: r.maxDailyMinutes,
        maxWeekly: r.maxWeeklyMinutes,
        rest: r.restMode === 'BLOCK',
        daily: r.dailyMode === 'BLOCK',
        weekly: r.weeklyMode === 'BLOCK',
        skills: r.skillsMode === 'BLOCK',
        accreditation: r.accreditationMode === 'BLOCK',
        availability: r.availabilityMode === 'BLOCK',
      },
    ]),
  );
  return JSON.stringify(blocking);
}
