import { LanguageLevel } from '@baton/alumni';
import { titleWords as words } from '@baton/opportunities';
import { EntityManager } from 'typeorm';
import { CandidateGamesMatchObject, CandidateLanguageMatchObject, CandidateSkillMatchObject } from './dto/opportunity-candidates.object';
import { GAMES_TEAMS, LANGUAGE_RANKS, SHOWN_GAMES, VERIFIED_GAMES } from './candidates.sql';

export interface CandidateExplanation {
  skills: CandidateSkillMatchObject[];
  languages: CandidateLanguageMatchObject[];
  games: CandidateGamesMatchObject[];
}

const rank = (level: string) => LANGUAGE_RANKS.indexOf(level as LanguageLevel);

/**
 * Why each candidate of a page matched, from the same visible rows the ranking SQL scored (the
 * fragments are shared): three statements for a whole page, whatever its size.
 */
export async function explainCandidates(
  manager: EntityManager,
  opportunity: { id: string; title: string },
  userIds: readonly string[],
): Promise<Map<string, CandidateExplanation>> {
  const result = new Map<string, CandidateExplanation>(userIds.map((id) => [id, { skills: [], languages: [], games: [] }]));
  if (!userIds.length) return result;
  const ids = [...userIds];
  const skills = await manager.query<Array<{ user_id: string; skill_id: string; name: string; wanted: number; held: number }>>(
    `SELECT ps.user_id, ws.skill_id, s.name, ws.level AS wanted, ps.level AS held
       FROM alumni_profile_skills ps
       JOIN alumni_profiles p ON p.user_id = ps.user_id
       JOIN opportunity_skills ws ON ws.skill_id = ps.skill_id AND ws.opportunity_id = $1
       JOIN skills s ON s.id = ws.skill_id
      WHERE ps.user_id = ANY($2::uuid[]) AND NOT ('SKILLS' = ANY(p.hidden_sections))
      ORDER BY ws.position`,
    [opportunity.id, ids],
  );
  const languages = await manager.query<Array<{ user_id: string; code: string; wanted: LanguageLevel; held: LanguageLevel }>>(
    `SELECT pl.user_id, wl.code, wl.level AS wanted, pl.level::text AS held
       FROM alumni_profile_languages pl
       JOIN alumni_profiles p ON p.user_id = pl.user_id
       JOIN opportunity_languages wl ON wl.code = pl.code AND wl.opportunity_id = $1
      WHERE pl.user_id = ANY($2::uuid[]) AND NOT ('LANGUAGES' = ANY(p.hidden_sections))
      ORDER BY wl.position`,
    [opportunity.id, ids],
  );
  const games = await manager.query<
    Array<{ user_id: string; event_code: string; event_name: string; teams: string[]; role_titles: string[]; record_code: string | null }>
  >(
    `SELECT g.user_id, g.event_code, g.event_name, ${GAMES_TEAMS} AS teams, g.role_titles,
              CASE WHEN ${VERIFIED_GAMES} THEN (SELECT vr.code FROM games_records vr WHERE vr.staff_member_id = g.staff_member_id
                     AND vr.revoked_at IS NULL AND vr.superseded_at IS NULL AND vr.hidden_at IS NULL ORDER BY vr.issued_at DESC LIMIT 1) END AS record_code
         FROM alumni_games_experiences g
         JOIN alumni_profiles p ON p.user_id = g.user_id
         JOIN opportunities o ON o.id = $1
        WHERE g.user_id = ANY($2::uuid[]) AND ${SHOWN_GAMES}
        ORDER BY g.event_starts_on DESC, g.staff_member_id`,
    [opportunity.id, ids],
  );
  for (const s of skills) {
    result.get(s.user_id)?.skills.push({ skillId: s.skill_id, name: s.name, wantedLevel: s.wanted, heldLevel: s.held, meetsLevel: s.held >= s.wanted });
  }
  for (const l of languages) {
    result.get(l.user_id)?.languages.push({ code: l.code, wantedLevel: l.wanted, heldLevel: l.held, meetsLevel: rank(l.held) >= rank(l.wanted) });
  }
  const titleWords = words(opportunity.title);
  for (const g of games) {
    const roles = g.role_titles.filter((r) => [...words(r)].some((w) => titleWords.has(w)));
    if (!g.teams.length && !roles.length) continue;
    result.get(g.user_id)?.games.push({
      eventCode: g.event_code,
      eventName: g.event_name,
      teams: g.teams,
      roles,
      verified: g.record_code !== null,
      verificationCode: g.record_code,
    });
  }
  return result;
}
