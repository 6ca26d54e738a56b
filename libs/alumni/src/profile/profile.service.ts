import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, Clock } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { SkillService } from '@baton/skills';
import { EntityManager, In } from 'typeorm';
import { ConsentRequiredError } from '../common/alumni-errors';
import { AlumniProfileInput } from './dto/profile.input';
import { fromMonth } from './profile.mapper';
import { profileInputProblems, skillKey } from './profile-rules';
import {
  AlumniEducationEntity,
  AlumniExperienceEntity,
  AlumniLinkEntity,
  AlumniProfileLanguageEntity,
  AlumniProfileSkillEntity,
} from './profile-sections.entity';
import { AlumniProfileEntity } from './profile.entity';

const COLUMNS = ['displayName', 'headline', 'summary', 'city', 'country', 'openToWork', 'desiredRoles', 'visibility', 'hiddenSections'] as const;

/**
 * Changes to one's own profile, in one transaction with one audit record. Only members write:
 * the consent row is read FOR SHARE, so a withdrawal in flight waits for this change or comes
 * first and refuses it. The audit names what changed, never the content (it is personal data,
 * kept in one place that erasure can reach).
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly skills: SkillService,
    private readonly clock: Clock,
  ) {}

  async update(actor: Actor, input: AlumniProfileInput, action = 'alumni.profile_updated'): Promise<void> {
    const problems = profileInputProblems(input, this.clock.now());
    if (problems.length) throw new BadInputError(problems.length === 1 ? problems[0].message : `${problems.length} fields are invalid`, problems);
    await this.transactions.run(async ({ manager }) => {
      await this.assertMember(manager, actor.userId);
      await this.assertCatalogueSkills(manager, input);
      const changed: string[] = [];
      const columns = Object.fromEntries(COLUMNS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]));
      if (columns.hiddenSections) columns.hiddenSections = [...new Set(columns.hiddenSections as string[])];
      if (Object.keys(columns).length) {
        await manager.getRepository(AlumniProfileEntity).update({ userId: actor.userId }, columns as never);
        changed.push(...Object.keys(columns));
      } else {
        await manager.getRepository(AlumniProfileEntity).update({ userId: actor.userId }, { updatedAt: this.clock.now() });
      }
      if (input.skills) changed.push(...(await this.replaceSkills(manager, actor.userId, input.skills)));
      if (input.languages) {
        await replace(
          manager,
          AlumniProfileLanguageEntity,
          actor.userId,
          input.languages.map((l, position) => ({ code: l.code, level: l.level, position })),
        );
        changed.push('languages');
      }
      if (input.experiences) {
        await replace(
          manager,
          AlumniExperienceEntity,
          actor.userId,
          input.experiences.map((e, position) => ({
            title: e.title,
            organisation: e.organisation,
            location: e.location ?? null,
            url: e.url ?? null,
            startMonth: fromMonth(e.startMonth),
            endMonth: fromMonth(e.endMonth),
            description: e.description ?? null,
            position,
          })),
        );
        changed.push('experiences');
      }
      if (input.education) {
        await replace(
          manager,
          AlumniEducationEntity,
          actor.userId,
          input.education.map((e, position) => ({
            institution: e.institution,
            area: e.area ?? null,
            studyType: e.studyType ?? null,
            startMonth: fromMonth(e.startMonth),
            endMonth: fromMonth(e.endMonth),
            position,
          })),
        );
        changed.push('education');
      }
      if (input.links) {
        await replace(
          manager,
          AlumniLinkEntity,
          actor.userId,
          input.links.map((l, position) => ({ label: l.label, url: l.url, position })),
        );
        changed.push('links');
      }
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action,
        entityType: 'alumni_profile',
        entityId: actor.userId,
        after: {
          changed,
          ...(input.visibility ? { visibility: input.visibility } : {}),
          ...(input.hiddenSections ? { hiddenSections: columns.hiddenSections } : {}),
        },
      });
    });
  }

  /** FORBIDDEN unless the person's consent is active; locks it against a concurrent withdrawal. */
  async assertMember(manager: EntityManager, userId: string): Promise<void> {
    const rows = await manager.query<Array<{ id: string }>>(`SELECT id FROM alumni_consents WHERE user_id = $1 AND withdrawn_at IS NULL FOR SHARE`, [userId]);
    if (!rows.length) throw new ConsentRequiredError();
  }

  private async assertCatalogueSkills(manager: EntityManager, input: AlumniProfileInput): Promise<void> {
    const ids = (input.skills ?? []).flatMap((s) => (s.skillId ? [s.skillId] : []));
    if (!ids.length) return;
    const known = new Set((await this.skills.findByIds(ids, manager)).map((s) => s.id));
    const problems = (input.skills ?? []).flatMap((s, i) =>
      s.skillId && !known.has(s.skillId) ? [{ field: `skills.${i}.skillId`, message: 'No such skill in the catalogue', constraint: 'exists' }] : [],
    );
    if (problems.length) throw new BadInputError(problems[0].message, problems);
  }

  /** Skills are matched by key, so a skill that stays keeps its id and its endorsements. */
  private async replaceSkills(manager: EntityManager, userId: string, skills: NonNullable<AlumniProfileInput['skills']>): Promise<string[]> {
    const repository = manager.getRepository(AlumniProfileSkillEntity);
    const existing = new Map((await repository.find({ where: { userId } })).map((row) => [skillKey(row), row]));
    const wanted = new Set(skills.map(skillKey));
    const removed = [...existing.entries()].filter(([key]) => !wanted.has(key)).map(([, row]) => row.id);
    if (removed.length) await repository.delete({ id: In(removed) });
    for (const [position, skill] of skills.entries()) {
      const row = existing.get(skillKey(skill));
      if (row) {
        if (row.level !== skill.level || row.position !== position) await repository.update({ id: row.id }, { level: skill.level, position });
      } else {
        await repository.insert({ userId, skillId: skill.skillId ?? null, name: skill.skillId ? null : (skill.name ?? null), level: skill.level, position });
      }
    }
    return removed.length ? ['skills', 'endorsementsRemoved'] : ['skills'];
  }
}

async function replace(manager: EntityManager, entity: new () => { userId: string }, userId: string, rows: Array<Record<string, unknown>>): Promise<void> {
  await manager.getRepository(entity).delete({ userId } as never);
  if (rows.length) await manager.getRepository(entity).insert(rows.map((r) => ({ ...r, userId })) as never);
}
