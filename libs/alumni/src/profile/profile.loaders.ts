import { Injectable } from '@nestjs/common';
import { groupInto, LoaderFactory, pickInto } from '@baton/graphql';
import { SkillService } from '@baton/skills';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AlumniProfileEntity } from './profile.entity';
import { ProfileViewer } from './profile-access';
import { endorsementVisibleSql, toPositional } from './profile-access.sql';
import {
  AlumniEducationEntity,
  AlumniExperienceEntity,
  AlumniGamesExperienceEntity,
  AlumniLinkEntity,
  AlumniProfileLanguageEntity,
} from './profile-sections.entity';
import { ProfileRow } from './profile.mapper';

/** A section asked for one profile by one viewer (the viewer is the same for a whole request). */
export interface SectionKey {
  userId: string;
  viewer: ProfileViewer;
}
const byUser = { cacheKeyFn: (key: SectionKey) => key.userId };

interface ProfileExtraRow {
  p_user_id: string;
  consent_active: boolean;
  blocked_organisations: string[];
}

/** Profiles with whether their consent is active and whom they blocked, by user id (null: no profile). */
@Injectable()
export class ProfileByUserLoader implements LoaderFactory<string, ProfileRow | null> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, ProfileRow | null> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource
        .getRepository(AlumniProfileEntity)
        .createQueryBuilder('p')
        .addSelect('EXISTS (SELECT 1 FROM alumni_consents c WHERE c.user_id = p.user_id AND c.withdrawn_at IS NULL)', 'consent_active')
        .addSelect('ARRAY(SELECT b.organisation_id FROM alumni_organisation_blocks b WHERE b.user_id = p.user_id)', 'blocked_organisations')
        .where('p.userId IN (:...ids)', { ids })
        .getRawAndEntities();
      const extra = new Map(rows.raw.map((r: ProfileExtraRow) => [r.p_user_id, r]));
      const profiles = rows.entities.map((p) => ({
        ...p,
        consentActive: extra.get(p.userId)?.consent_active === true,
        blockedOrganisations: extra.get(p.userId)?.blocked_organisations ?? [],
      }));
      return pickInto(ids, profiles, (p) => p.userId);
    });
  }
}

export interface SkillRow {
  id: string;
  skillId: string | null;
  code: string | null;
  name: string;
  level: number;
  endorsements: number;
}

/** Skills of many profiles: their rows, the catalogue names, and the endorsements this viewer may see. */
@Injectable()
export class ProfileSkillsLoader implements LoaderFactory<SectionKey, SkillRow[]> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly skills: SkillService,
  ) {}
  create(): DataLoader<SectionKey, SkillRow[], string> {
    return new DataLoader(async (keys: readonly SectionKey[]) => {
      const ids = keys.map((k) => k.userId);
      const visible = endorsementVisibleSql(keys[0].viewer, 'e', 'ep');
      const { sql, values } = toPositional(
        `SELECT s.id, s.user_id, s.skill_id, s.name, s.level,
                (SELECT count(*)::int FROM alumni_endorsements e JOIN alumni_profiles ep ON ep.user_id = e.endorser_id
                  WHERE e.profile_skill_id = s.id AND ${visible.sql}) AS endorsements
           FROM alumni_profile_skills s WHERE s.user_id = ANY(:ids) ORDER BY s.user_id, s.position`,
        { ...visible.params, ids },
      );
      const rows = await this.dataSource.query<
        Array<{ id: string; user_id: string; skill_id: string | null; name: string | null; level: number; endorsements: number }>
      >(sql, values);
      const catalogue = new Map((await this.skills.findByIds(rows.flatMap((r) => (r.skill_id ? [r.skill_id] : [])))).map((s) => [s.id, s]));
      return groupInto(ids, rows, (r) => r.user_id).map((list) =>
        list.map((r) => {
          const known = r.skill_id ? catalogue.get(r.skill_id) : undefined;
          return {
            id: r.id,
            skillId: r.skill_id,
            code: known?.code ?? null,
            name: known?.name ?? r.name ?? '',
            level: Number(r.level),
            endorsements: r.endorsements,
          };
        }),
      );
    }, byUser);
  }
}

function sectionLoader<E extends { userId: string }>(dataSource: DataSource, entity: new () => E, order: Record<string, 'ASC' | 'DESC'>) {
  return new DataLoader<SectionKey, E[], string>(async (keys) => {
    const ids = keys.map((k) => k.userId);
    const rows = await dataSource.getRepository(entity).find({ where: { userId: In(ids) } as never, order: order as never });
    return groupInto(ids, rows, (r) => r.userId);
  }, byUser);
}

@Injectable()
export class ProfileLanguagesLoader implements LoaderFactory<SectionKey, AlumniProfileLanguageEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create() {
    return sectionLoader(this.dataSource, AlumniProfileLanguageEntity, { position: 'ASC' });
  }
}

@Injectable()
export class ProfileExperiencesLoader implements LoaderFactory<SectionKey, AlumniExperienceEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create() {
    return sectionLoader(this.dataSource, AlumniExperienceEntity, { position: 'ASC' });
  }
}

@Injectable()
export class ProfileEducationLoader implements LoaderFactory<SectionKey, AlumniEducationEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create() {
    return sectionLoader(this.dataSource, AlumniEducationEntity, { position: 'ASC' });
  }
}

@Injectable()
export class ProfileLinksLoader implements LoaderFactory<SectionKey, AlumniLinkEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create() {
    return sectionLoader(this.dataSource, AlumniLinkEntity, { position: 'ASC' });
  }
}

@Injectable()
export class ProfileGamesLoader implements LoaderFactory<SectionKey, AlumniGamesExperienceEntity[]> {
  constructor(private readonly dataSource: DataSource) {}
  create() {
    return sectionLoader(this.dataSource, AlumniGamesExperienceEntity, { eventStartsOn: 'DESC' });
  }
}

/** Whether these people's consent is active now (the viewer of a request, endorsers). */
@Injectable()
export class MembershipLoader implements LoaderFactory<string, boolean> {
  constructor(private readonly dataSource: DataSource) {}
  create(): DataLoader<string, boolean> {
    return new DataLoader(async (ids: readonly string[]) => {
      const rows = await this.dataSource.query<Array<{ user_id: string }>>(
        `SELECT user_id FROM alumni_consents WHERE user_id = ANY($1::uuid[]) AND withdrawn_at IS NULL`,
        [ids],
      );
      const active = new Set(rows.map((r) => r.user_id));
      return ids.map((id) => active.has(id));
    });
  }
}
