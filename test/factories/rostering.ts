import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { AccreditationStatus, EmploymentType, StaffMemberEntity, StaffSkillEntity } from '@baton/staff';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Straight-to-database fixtures for rostering tests (the staff and shift APIs have their own tests). */
export async function createStaffMember(
  dataSource: DataSource,
  eventId: string,
  organisationId: string,
  overrides: Partial<StaffMemberEntity> & { skills?: Array<{ skillId: string; level: number }> } = {},
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
  for (const skill of skills ?? []) await dataSource.getRepository(StaffSkillEntity).insert({ staffMemberId: staff.id, ...skill });
  return staff;
}

export async function createShift(
  dataSource: DataSource,
  where: { eventId: string; venueId: string; teamId: string },
  startsAt: string,
  endsAt: string,
  overrides: Partial<ShiftEntity> = {},
): Promise<ShiftEntity> {
  return dataSource.getRepository(ShiftEntity).save({
    ...where,
    roleTitle: 'Network technician',
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    headcount: 4,
    status: ShiftStatus.PUBLISHED,
    notes: null,
    createdById: null,
    ...overrides,
  });
}
