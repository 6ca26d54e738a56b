import { Injectable } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { ConnectionShape, LoaderRegistry, PageArgs, paginate } from '@baton/graphql';
import { SkillService } from '@baton/skills';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AlumniSection, AlumniVisibility } from '../common/alumni-enums';
import { ConsentRequiredError } from '../common/alumni-errors';
import { AlumniProfileObject } from '../profile/dto/profile.object';
import { maySeeOthers, ProfileViewer, VISIBILITIES_SEEN_BY } from '../profile/profile-access';
import { sectionVisibleSql } from '../profile/profile-access.sql';
import { AlumniProfileEntity } from '../profile/profile.entity';
import { toProfileObject } from '../profile/profile.mapper';
import { viewerFor } from '../profile/viewer';
import { AlumniDirectoryFilter } from './directory.args';

const LISTED = [AlumniVisibility.ALUMNI, AlumniVisibility.PARTNERS];

/**
 * The directory: listed profiles (ALUMNI or PARTNERS, never PRIVATE, not even one's own) of
 * active members, filtered and paged in SQL with the same rule as profileAccess(): the visibilities
 * this kind of viewer sees, the consent read now, and a filter on a section only where that
 * section is shown to the viewer (searching by a hidden skill finds nobody). Two statements a page
 * (count and rows); sections come from the loaders, batched.
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly skills: SkillService,
  ) {}

  async search(actor: Actor, filter: AlumniDirectoryFilter, page: PageArgs, loaders: LoaderRegistry): Promise<ConnectionShape<AlumniProfileObject>> {
    const viewer = await viewerFor(actor, loaders);
    if (!maySeeOthers(viewer)) throw new ConsentRequiredError('Join the alumni network to browse its directory');
    const query = this.dataSource.getRepository(AlumniProfileEntity).createQueryBuilder('p');
    query.where(`p.visibility = ANY(CAST(:listed AS alumni_visibility[]))`, { listed: VISIBILITIES_SEEN_BY[viewer.kind].filter((v) => LISTED.includes(v)) });
    query.andWhere('EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL)');
    await this.applyFilter(query, viewer, filter);
    const result = await paginate(
      query,
      page,
      [
        { column: 'p.displayName', value: (p) => p.displayName },
        { column: 'p.userId', value: (p) => p.userId },
      ],
      (p) => p,
    );
    // Every listed row is an active member's (checked above), so consentActive is true here; the
    // statement already left out whoever blocked a recruiter viewer's organisation (profile-access.sql.ts).
    return {
      ...result,
      edges: result.edges.map((e) => ({
        cursor: e.cursor,
        node: toProfileObject({ ...e.node, consentActive: true, blockedOrganisations: [] }, viewer) as AlumniProfileObject,
      })),
    };
  }

  private async applyFilter(query: SelectQueryBuilder<AlumniProfileEntity>, viewer: ProfileViewer, filter: AlumniDirectoryFilter): Promise<void> {
    const section = (s: AlumniSection, prefix: string) => {
      const condition = sectionVisibleSql(viewer, 'p', s, prefix);
      query.andWhere(condition.sql, condition.params);
    };
    if (filter.search) {
      query.andWhere('(p.displayName ILIKE :pattern OR :search <% p.displayName)', {
        pattern: `%${filter.search.replace(/[%_\\]/g, '\\$&')}%`,
        search: filter.search,
      });
    }
    if (filter.openToWork !== undefined && filter.openToWork !== null) query.andWhere('p.openToWork = :openToWork', { openToWork: filter.openToWork });
    const terms = [...new Set((filter.skills ?? []).map((t) => t.toLowerCase()))];
    if (terms.length) {
      section(AlumniSection.SKILLS, 'skills');
      const catalogue = await this.skills.findByCodesOrNames(terms);
      terms.forEach((term, i) => {
        const ids = catalogue.filter((s) => s.code.toLowerCase() === term || s.name.toLowerCase() === term).map((s) => s.id);
        query.andWhere(
          `EXISTS (SELECT 1 FROM alumni_profile_skills s WHERE s.user_id = p.user_id AND (s.skill_id = ANY(CAST(:skillIds${i} AS uuid[])) OR lower(s.name) = :skillTerm${i}))`,
          { [`skillIds${i}`]: ids, [`skillTerm${i}`]: term },
        );
      });
    }
    const games: string[] = [];
    const params: Record<string, unknown> = {};
    const lower = (list: string[] | null | undefined) => [...new Set((list ?? []).map((t) => t.toLowerCase()))];
    if (filter.teams?.length) {
      games.push(
        `(EXISTS (SELECT 1 FROM unnest(g.team_codes) tc WHERE lower(tc) = ANY(:teams)) OR EXISTS (SELECT 1 FROM jsonb_array_elements(g.teams) t WHERE lower(t->>'name') = ANY(:teams)))`,
      );
      params.teams = lower(filter.teams);
    }
    if (filter.venues?.length) {
      games.push(
        `(EXISTS (SELECT 1 FROM unnest(g.venue_codes) vc WHERE lower(vc) = ANY(:venues)) OR EXISTS (SELECT 1 FROM jsonb_array_elements(g.venues) v WHERE lower(v->>'name') = ANY(:venues)))`,
      );
      params.venues = lower(filter.venues);
    }
    if (filter.events?.length) {
      games.push('lower(g.event_code) = ANY(:events)');
      params.events = lower(filter.events);
    }
    if (games.length) {
      section(AlumniSection.GAMES, 'games');
      // One Games experience must match all of them: "worked team NET at STF", not NET somewhere and STF another time.
      query.andWhere(`EXISTS (SELECT 1 FROM alumni_games_experiences g WHERE g.user_id = p.user_id AND ${games.join(' AND ')})`, params);
    }
  }
}
