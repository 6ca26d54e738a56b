import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { NotFoundError, updateChanges } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource, EntityManager, In } from 'typeorm';
import { SkillObject } from './dto/skill.dto';
import { SkillEntity } from './skill.entity';

/** A catalogue skill as other libs read it (the same fields as the GraphQL object). */
export type SkillSummary = SkillObject;

export const toSkillObject = (s: SkillEntity): SkillObject => ({ id: s.id, code: s.code, name: s.name, category: s.category });

@Injectable()
export class SkillService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(category?: string) {
    const skills = await this.dataSource.getRepository(SkillEntity).find({ where: category ? { category } : {}, order: { category: 'ASC', code: 'ASC' } });
    return skills.map(toSkillObject);
  }

  /** Catalogue entries by id (other libs name the skills they reference). */
  async findByIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SkillSummary[]> {
    if (!ids.length) return [];
    return (await manager.getRepository(SkillEntity).find({ where: { id: In([...new Set(ids)]) } })).map(toSkillObject);
  }

  /** Catalogue entries whose code or name equals one of these terms, ignoring case. */
  async findByCodesOrNames(terms: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SkillSummary[]> {
    const lowered = [...new Set(terms.map((t) => t.trim().toLowerCase()).filter(Boolean))];
    if (!lowered.length) return [];
    const rows = await manager
      .getRepository(SkillEntity)
      .createQueryBuilder('s')
      .where('lower(s.code) IN (:...terms) OR lower(s.name) IN (:...terms)', { terms: lowered })
      .getMany();
    return rows.map(toSkillObject);
  }

  create(actor: Actor, input: { code: string; name: string; category: string }) {
    return this.transactions.run(async ({ manager }) => {
      const skill = await manager.getRepository(SkillEntity).save(manager.getRepository(SkillEntity).create(input));
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'skill.created', entityType: 'skill', entityId: skill.id, after: { ...input } });
      return toSkillObject(skill);
    });
  }

  update(actor: Actor, id: string, input: { name?: string | null; category?: string | null }) {
    const changes = updateChanges(input);
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(SkillEntity);
      const skill = await repository.findOneBy({ id });
      if (!skill) throw new NotFoundError('Skill', id);
      const before = toSkillObject(skill);
      const after = toSkillObject(await repository.save(Object.assign(skill, changes)));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'skill.updated',
        entityType: 'skill',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }
}
