/**
 * Which staff records the retention job may touch. It reads the staff, events and grants tables
 * directly (one statement, not one call per lib per row); what other libs decide (alumni
 * membership) comes through `retentionHolds`. A person with an account is only considered once
 * every staff record they have is past its date, and never while holding a role beyond STAFF.
 *
 * $1 now, $2 retention months, $3 how far ahead of the erasure date (days; 0 when erasing), $4 limit.
 */
export const RETENTION_CANDIDATES_SQL = `
  SELECT s.id, s.user_id, s.display_name, COALESCE(s.email, u.email) AS email, e.name AS event_name,
         to_char(e.ends_on + make_interval(months => $2::int), 'YYYY-MM-DD') AS erases_on
    FROM staff_members s
    JOIN events e ON e.id = s.event_id
    LEFT JOIN users u ON u.id = s.user_id
   WHERE e.phase = 'CLOSED'
     AND e.ends_on + make_interval(months => $2::int) <= ($1::timestamptz + make_interval(days => $3::int))::date
     AND (u.id IS NULL OR u.email NOT LIKE '%@erased.invalid')
     AND s.display_name NOT LIKE 'Erased person #%'
     AND (s.user_id IS NULL OR (
           NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = s.user_id AND g.role <> 'STAFF')
       AND NOT EXISTS (SELECT 1 FROM staff_members o JOIN events oe ON oe.id = o.event_id
                        WHERE o.user_id = s.user_id
                          AND (oe.phase <> 'CLOSED' OR oe.ends_on + make_interval(months => $2::int) > ($1::timestamptz + make_interval(days => $3::int))::date))))`;
