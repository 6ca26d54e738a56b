import { LanguageLevel, ProfileViewer, toPositional, visibleProfileSql } from '@baton/alumni';
import { SearchPosition } from '../search/talent-cursor';

export const LANGUAGE_RANKS = Object.values(LanguageLevel);

/**
 * Games experiences a candidate shows to others: the GAMES section is not hidden, and the person
 * did not hide the signed record behind it (hiding a record hides that Games, as on the profile).
 * `g` is an alumni_games_experiences alias, `p` its alumni_profiles row.
 */
export const SHOWN_GAMES = `NOT ('GAMES' = ANY(p.hidden_sections))
  AND NOT EXISTS (SELECT 1 FROM games_records hr WHERE hr.staff_member_id = g.staff_member_id AND hr.superseded_at IS NULL AND hr.hidden_at IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM games_records hr JOIN alumni_record_preferences rp ON rp.record_id = hr.id AND rp.user_id = g.user_id AND rp.hidden
                   WHERE hr.staff_member_id = g.staff_member_id AND hr.superseded_at IS NULL)`;

/** A valid, current, shown signed record backs this experience, and the person shows their verified records. */
export const VERIFIED_GAMES = `NOT ('VERIFIED_RECORDS' = ANY(p.hidden_sections))
  AND EXISTS (SELECT 1 FROM games_records vr WHERE vr.staff_member_id = g.staff_member_id
                 AND vr.revoked_at IS NULL AND vr.superseded_at IS NULL AND vr.hidden_at IS NULL)`;

/** The opportunity's teams this experience worked in (own team or teams of its shifts). */
export const GAMES_TEAMS = `ARRAY(SELECT DISTINCT t FROM unnest(g.team_codes || CASE WHEN g.team_code IS NULL THEN '{}'::text[] ELSE ARRAY[g.team_code] END) AS t
                                 WHERE t = ANY(o.team_codes) ORDER BY t)`;

/**
 * One statement for a page of candidates and their total. Everyone the viewer (a RECRUITER viewer
 * of the posting organisation) may see by the alumni policy's own SQL (PARTNERS, consent active
 * now, the organisation not blocked), never the viewer, is scored against the opportunity from
 * what they show to others (hidden sections score nothing): per wanted skill 2 at the level, 1
 * below; 1 per wanted language at the level; per Games team the opportunity names, 2; 1 more per
 * matching Games experience a valid signed record backs. Only people with a score above zero are
 * candidates; order score DESC, user id ASC (the keyset of the cursor).
 */
export function compileCandidates(
  viewer: ProfileViewer & { kind: 'RECRUITER' },
  opportunityId: string,
  page: { first: number; after: SearchPosition | null },
): { sql: string; values: unknown[] } {
  const visible = visibleProfileSql(viewer, 'p', 'v');
  const params: Record<string, unknown> = { ...visible.params, opportunity: opportunityId, ranks: LANGUAGE_RANKS, limit: page.first + 1 };
  let after = 'TRUE';
  if (page.after) {
    params.afterScore = page.after.score;
    params.afterId = page.after.userId;
    after = '(c.score < CAST(:afterScore AS float8) OR (c.score = CAST(:afterScore AS float8) AND c.user_id > CAST(:afterId AS uuid)))';
  }
  const sql = `WITH o AS (SELECT id, team_codes FROM opportunities WHERE id = :opportunity),
    c AS MATERIALIZED (
      SELECT p.user_id,
             (CASE WHEN 'SKILLS' = ANY(p.hidden_sections) THEN 0 ELSE coalesce((
                SELECT sum(CASE WHEN ps.level >= ws.level THEN 2 ELSE 1 END) FROM alumni_profile_skills ps
                  JOIN opportunity_skills ws ON ws.skill_id = ps.skill_id AND ws.opportunity_id = o.id WHERE ps.user_id = p.user_id), 0) END
            + CASE WHEN 'LANGUAGES' = ANY(p.hidden_sections) THEN 0 ELSE (
                SELECT count(*) FROM alumni_profile_languages pl JOIN opportunity_languages wl ON wl.code = pl.code AND wl.opportunity_id = o.id
                 WHERE pl.user_id = p.user_id
                   AND array_position(CAST(:ranks AS text[]), pl.level::text) >= array_position(CAST(:ranks AS text[]), wl.level)) END
            + 2 * (SELECT count(DISTINCT t) FROM alumni_games_experiences g, unnest(${GAMES_TEAMS}) AS t
                    WHERE g.user_id = p.user_id AND ${SHOWN_GAMES})
            + (SELECT count(*) FROM alumni_games_experiences g
                WHERE g.user_id = p.user_id AND ${SHOWN_GAMES} AND cardinality(${GAMES_TEAMS}) > 0 AND ${VERIFIED_GAMES})
             )::float8 AS score
        FROM alumni_profiles p CROSS JOIN o
       WHERE ${visible.sql} AND p.user_id <> CAST(:vSelf AS uuid)
         -- Only people with something in common (indexed lookups), before any scoring: a superset of score > 0.
         AND (p.user_id IN (SELECT ps.user_id FROM alumni_profile_skills ps JOIN opportunity_skills ws ON ws.skill_id = ps.skill_id AND ws.opportunity_id = o.id)
              OR p.user_id IN (SELECT pl.user_id FROM alumni_profile_languages pl JOIN opportunity_languages wl ON wl.code = pl.code AND wl.opportunity_id = o.id)
              OR p.user_id IN (SELECT g.user_id FROM alumni_games_experiences g WHERE g.team_codes && o.team_codes OR g.team_code = ANY(o.team_codes)))
    )
    SELECT (SELECT count(*)::int FROM c WHERE c.score > 0) AS total,
           (SELECT coalesce(json_agg(json_build_array(r.user_id, r.score)), '[]') FROM (
              SELECT c.user_id, c.score FROM c WHERE c.score > 0 AND ${after} ORDER BY c.score DESC, c.user_id LIMIT :limit) r) AS page`;
  return toPositional(sql, params);
}
