import { SkillEntity } from '@baton/skills';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A skill of the catalogue, with a unique code. */
export async function createSkill(dataSource: DataSource, overrides: Partial<SkillEntity> = {}): Promise<SkillEntity> {
  const code = `SK-${randomBytes(3).toString('hex').toUpperCase()}`;
  return dataSource.getRepository(SkillEntity).save({ code, name: `Skill ${code}`, category: 'Test', ...overrides });
}
