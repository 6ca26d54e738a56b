import { SkillEntity } from '@baton/skills';
import { EmploymentType, StaffMemberEntity, StaffSkillEntity } from '@baton/staff';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

const suffix = () => randomBytes(3).toString('hex').toUpperCase();

export async function createStaffMember(
  dataSource: DataSource,
  eventId: string,
  organisationId: string,
  overrides: Partial<StaffMemberEntity> = {},
): Promise<StaffMemberEntity> {
  return dataSource.getRepository(StaffMemberEntity).save({
    eventId,
    organisationId,
    displayName: `Staff ${suffix()}`,
    employmentType: EmploymentType.EMPLOYEE,
    email: null,
    phone: null,
    ...overrides,
  });
}

export async function createSkill(dataSource: DataSource, overrides: Partial<SkillEntity> = {}): Promise<SkillEntity> {
  const code = `SK-${suffix()}`;
  return dataSource.getRepository(SkillEntity).save({ code, name: `Skill ${code}`, category: 'Test', ...overrides });
}

export async function giveSkills(dataSource: DataSource, staffMemberId: string, skills: Array<{ skillId: string; level: number }>): Promise<void> {
  if (skills.length) await dataSource.getRepository(StaffSkillEntity).insert(skills.map((s) => ({ staffMemberId, ...s })));
}
