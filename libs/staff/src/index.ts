/** Staff members of an event: who they are, what they can do, when they can work. */
export { StaffModule } from './staff.module';
export { StaffMemberEntity, EmploymentType, AccreditationStatus } from './staff-member/staff-member.entity';
export { StaffSkillEntity } from './staff-member/staff-skill.entity';
export { AvailabilityPeriodEntity, AvailabilityKind } from './availability/availability-period.entity';
