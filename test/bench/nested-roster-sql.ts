/**
 * The second reference, for `nested-roster`: the answer Baton's GraphQL API gives to
 * NESTED_ROSTER (scenarios.ts), written by hand as one statement that builds the whole JSON
 * body in PostgreSQL. What a bare Node server can do at best for this screen; the API is
 * measured against it (`ratioToSqlBaseline`) and must give the same data (same-answers.ts).
 * Same order as the API: shifts by (startsAt, id), assignments by (createdAt, id), skills by code.
 */
export const NESTED_ROSTER_SQL = `
SELECT json_build_object('data', json_build_object('shifts', json_build_object('edges', coalesce(json_agg(
         json_build_object('node', json_build_object(
           'id', s.id,
           'roleTitle', s.role_title,
           'assignments', (
             SELECT coalesce(json_agg(json_build_object('staffMember', json_build_object(
                      'displayName', m.display_name,
                      'skills', (
                        SELECT coalesce(json_agg(json_build_object('code', k.code, 'level', ms.level) ORDER BY k.code), '[]'::json)
                          FROM staff_member_skills ms JOIN skills k ON k.id = ms.skill_id
                         WHERE ms.staff_member_id = m.id)))
                    ORDER BY a.created_at, a.id), '[]'::json)
               FROM assignments a JOIN staff_members m ON m.id = a.staff_member_id
              WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'CONFIRMED'))))
       ORDER BY s.starts_at, s.id), '[]'::json))))::text AS body
  FROM (SELECT id, role_title, starts_at FROM shifts WHERE event_id = $1 AND venue_id = $2 ORDER BY starts_at, id LIMIT 100) s`;
