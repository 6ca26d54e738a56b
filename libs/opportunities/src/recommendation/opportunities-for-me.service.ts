import { Injectable } from '@nestjs/common';
import { AlumniGamesExperienceEntity, AlumniProfileLanguageEntity, AlumniProfileSkillEntity } from '@baton/alumni';
import { Actor } from '@baton/auth';
import { Clock } from '@baton/core';
import { SkillEntity } from '@baton/skills';
import { DataSource, In } from 'typeorm';
import { LANGUAGE_LEVELS } from '../common/opportunity-enums';
import { OpportunityEntity, OpportunityLanguageEntity, OpportunitySkillEntity } from '../opportunity/opportunity.entity';
import { toOpportunityObject } from '../opportunity/opportunity.mapper';
import { OpportunityMatchObject } from './dto/opportunity-match.object';
import { titleWords as words } from './title-words';

/** How many candidates SQL ranks before the explanation (and the role words) refine the order. */
const CANDIDATES = 200;
export const MAX_MATCHES = 50;

const rank = (level: string) => LANGUAGE_LEVELS.indexOf(level as (typeof LANGUAGE_LEVELS)[number]);

/**
 * Open opportunities for one member, ranked and explained from their own profile (skills with
 * levels, languages, the Games record's teams and roles). Opportunities they applied to or wrote
 * are left out. SQL scores skills, languages and teams over every live opportunity; the top
 * candidates are then explained (and role titles added) from rows read once.
 */
@Injectable()
export class OpportunitiesForMeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async recommend(actor: Actor, first = 20): Promise<OpportunityMatchObject[]> {
    const now = this.clock.now();
    const me = actor.userId;
    const ranked = await this.dataSource.query<Array<{ id: string; score: number }>>(
      `WITH my_skills AS (SELECT skill_id, level FROM alumni_profile_skills WHERE user_id = $1 AND skill_id IS NOT NULL),
            my_languages AS (SELECT code, array_position($4::text[], level::text) AS rank FROM alumni_profile_languages WHERE user_id = $1),
            my_teams AS (SELECT DISTINCT unnest(team_codes || CASE WHEN team_code IS NULL THEN '{}'::text[] ELSE ARRAY[team_code] END) AS code FROM alumni_games_experiences WHERE user_id = $1)
       SELECT o.id,
              (coalesce((SELECT sum(CASE WHEN m.level >= s.level THEN 2 ELSE 1 END) FROM opportunity_skills s JOIN my_skills m USING (skill_id) WHERE s.opportunity_id = o.id), 0)
             + coalesce((SELECT count(*) FROM opportunity_languages l JOIN my_languages m USING (code) WHERE l.opportunity_id = o.id AND m.rank >= array_position($4::text[], l.level)), 0)
             + 2 * (SELECT count(*) FROM my_teams t WHERE t.code = ANY(o.team_codes)))::float AS score
         FROM opportunities o
        WHERE o.status = 'OPEN' AND o.expires_at > $2 AND o.author_id IS DISTINCT FROM $1
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.opportunity_id = o.id AND a.applicant_id = $1)
        ORDER BY score DESC, o.expires_at, o.id
        LIMIT $3`,
      [me, now, CANDIDATES, [...LANGUAGE_LEVELS]],
    );
    if (!ranked.length) return [];
    const ids = ranked.map((r) => r.id);
    const [opportunities, wantedSkills, wantedLanguages, mySkills, myLanguages, myGames] = [
      await this.dataSource.getRepository(OpportunityEntity).findBy({ id: In(ids) }),
      await this.dataSource.getRepository(OpportunitySkillEntity).find({ where: { opportunityId: In(ids) }, order: { position: 'ASC' } }),
      await this.dataSource.getRepository(OpportunityLanguageEntity).find({ where: { opportunityId: In(ids) }, order: { position: 'ASC' } }),
      await this.dataSource.getRepository(AlumniProfileSkillEntity).findBy({ userId: me }),
      await this.dataSource.getRepository(AlumniProfileLanguageEntity).findBy({ userId: me }),
      await this.dataSource.getRepository(AlumniGamesExperienceEntity).find({ where: { userId: me }, order: { eventStartsOn: 'DESC' } }),
    ];
    const skillNames = new Map(
      (wantedSkills.length ? await this.dataSource.getRepository(SkillEntity).findBy({ id: In([...new Set(wantedSkills.map((s) => s.skillId))]) }) : []).map(
        (s) => [s.id, s.name],
      ),
    );
    const mySkillLevel = new Map(mySkills.filter((s) => s.skillId).map((s) => [s.skillId as string, s.level]));
    const myLanguageLevel = new Map(myLanguages.map((l) => [l.code, l.level as string]));
    const byId = new Map(opportunities.map((o) => [o.id, o]));

    const matches = ranked.map(({ id }) => {
      const o = byId.get(id)!;
      const skills = wantedSkills
        .filter((w) => w.opportunityId === id && mySkillLevel.has(w.skillId))
        .map((w) => {
          const yourLevel = mySkillLevel.get(w.skillId)!;
          return { skillId: w.skillId, name: skillNames.get(w.skillId) ?? '', wantedLevel: w.level, yourLevel, meetsLevel: yourLevel >= w.level };
        });
      const languages = wantedLanguages
        .filter((w) => w.opportunityId === id && myLanguageLevel.has(w.code))
        .map((w) => {
          const yourLevel = myLanguageLevel.get(w.code)!;
          return { code: w.code, wantedLevel: w.level, yourLevel, meetsLevel: rank(yourLevel) >= rank(w.level) };
        });
      const titleWords = words(o.title);
      const teams = new Set(o.teamCodes);
      const games = myGames
        .map((g) => ({
          eventCode: g.eventCode,
          eventName: g.eventName,
          teams: [...new Set([...(g.teamCode ? [g.teamCode] : []), ...g.teamCodes])].filter((c) => teams.has(c)),
          roles: g.roleTitles.filter((r) => [...words(r)].some((w) => titleWords.has(w))),
        }))
        .filter((g) => g.teams.length || g.roles.length);
      const matchedTeams = new Set(games.flatMap((g) => g.teams));
      const matchedRoles = new Set(games.flatMap((g) => g.roles));
      const score =
        skills.reduce((sum, s) => sum + (s.meetsLevel ? 2 : 1), 0) + languages.filter((l) => l.meetsLevel).length + 2 * matchedTeams.size + matchedRoles.size;
      return { opportunity: toOpportunityObject(o, actor, now), score, skills, languages, games, expiresAt: o.expiresAt };
    });
    return matches
      .sort((a, b) => b.score - a.score || a.expiresAt.getTime() - b.expiresAt.getTime() || a.opportunity.id.localeCompare(b.opportunity.id))
      .slice(0, Math.min(first, MAX_MATCHES))
      .map(({ expiresAt: _expiresAt, ...match }) => match);
  }
}
