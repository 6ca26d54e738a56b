import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { DataSource } from 'typeorm';
import { SkillObject } from './dto/skill.dto';
import { SkillEntity } from './skill.entity';

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

  create(actor: Actor, input: { code: string; name: string; category: string }) {
    return this.transactions.run(async ({ manager }) => {
      const skill = await manager.getRepository(SkillEntity).save(manager.getRepository(SkillEntity).create(input));
      await this.audit.record(manager, { actorUserId: actor.userId, action: 'skill.created', entityType: 'skill', entityId: skill.id, after: { ...input } });
      return toSkillObject(skill);
    });
  }

  update(actor: Actor, id: string, input: { name?: string; category?: string }) {
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(SkillEntity);
      const skill = await repository.findOneBy({ id });
      if (!skill) throw new NotFoundError('Skill', id);
      const before = toSkillObject(skill);
      const after = toSkillObject(await repository.save(Object.assign(skill, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)))));
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
