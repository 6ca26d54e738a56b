import { AccreditationStatus, EmploymentType, StaffMemberEntity, StaffSkillEntity } from '@baton/staff';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export type StaffMemberFixture = Partial<StaffMemberEntity> & { skills?: Array<{ skillId: string; level: number }> };

/**
 * A staff record straight into the database: an employee with a valid accreditation for the
 * zones the venue factory gives (FOP, TECH), no contact details, optionally with skills.
 */
export async function createStaffMember(
  dataSource: DataSource,
  eventId: string,
  organisationId: string,
  overrides: StaffMemberFixture = {},
): Promise<StaffMemberEntity> {
  const { skills, ...fields } = overrides;
  const staff = await dataSource.getRepository(StaffMemberEntity).save({
    eventId,
    organisationId,
    displayName: `Staff ${randomBytes(3).toString('hex')}`,
    email: null,
    phone: null,
    employmentType: EmploymentType.EMPLOYEE,
    accreditationStatus: AccreditationStatus.VALID,
    accreditationZones: ['FOP', 'TECH'],
    languages: ['fr', 'en'],
    ...fields,
  });
  await giveSkills(dataSource, staff.id, skills ?? []);
  return staff;
}

export async function giveSkills(dataSource: DataSource, staffMemberId: string, skills: Array<{ skillId: string; level: number }>): Promise<void> {
  if (skills.length) await dataSource.getRepository(StaffSkillEntity).insert(skills.map((s) => ({ staffMemberId, ...s })));
}
