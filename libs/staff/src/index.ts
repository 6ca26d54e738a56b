/** Staff members of an event: who they are, what they can do, when they can work. */
export { StaffModule } from './staff.module';
export { StaffMemberEntity, EmploymentType, AccreditationStatus, STAFF_PHONE_CONTEXT } from './staff-member/staff-member.entity';
export { StaffSkillEntity } from './staff-member/staff-skill.entity';
export { AvailabilityPeriodEntity, AvailabilityKind } from './availability/availability-period.entity';
/** Reading staff records with the caller's scope applied (contact details only where allowed). */
export { StaffDirectoryService } from './staff-member/staff-directory.service';
/** Who may see or change a staff member: directory, contact details, management scope. */
export { StaffScopeService } from './staff-member/staff-scope.service';
export { canSeeContact, coveredByAnyGrant, coversStaff, type GrantScopes, type StaffPlacement, type VenueTeamScope } from './staff-member/staff-access';
/** DataLoader factory: the skills of many staff members in one query. */
export { StaffSkillsLoader } from './staff-member/staff-skills.loader';
export { StaffMemberObject, StaffMemberSkillObject, StaffContactObject } from './staff-member/dto/staff-member.object';
export { toStaffMemberObject } from './staff-member/staff-member.mapper';
/** Staff records as people: who worked an event, linking a record to its owner's account. */
export { StaffAccountsService, type EventPerson } from './staff-member/staff-accounts.service';
/** DataLoader factory: staff members by id for graph edges, under the directory's rules. */
export { StaffMemberLoader } from './graph/staff-member.loader';
export { StaffPermission, staffPermissions } from './staff.permissions';
/** Key rotation: re-wraps sealed phone numbers under the current key-encryption key (a scheduled job). */
export { StaffPhoneRewrapJob, STAFF_PHONE_REWRAP_JOB } from './staff-member/staff-phone-rewrap.job';
/** A staff member and its skills as SQL-built JSON, for roster screens shaped in one statement. */
export { staffMemberJson, staffMemberText } from './staff-member/shaped/staff-member-json';
