import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { IdentityModule } from '@baton/identity';
import { AuthModule } from '@baton/auth';
import { AvailabilityPeriodEntity } from './availability/availability-period.entity';
import { AvailabilityResolver } from './availability/availability.resolver';
import { AvailabilityService } from './availability/availability.service';
import { AvailabilityEdgesResolver, StaffMemberEdgesResolver, StaffMemberSkillEdgesResolver } from './graph/staff-edges.resolver';
import { StaffMemberLoader } from './graph/staff-member.loader';
import { StaffDirectoryService } from './staff-member/staff-directory.service';
import { StaffInvitationEntity } from './staff-member/staff-invitation.entity';
import { StaffInvitationService } from './staff-member/staff-invitation.service';
import { StaffMemberEntity } from './staff-member/staff-member.entity';
import { StaffMemberResolver } from './staff-member/staff-member.resolver';
import { StaffMemberService } from './staff-member/staff-member.service';
import { StaffScopeService } from './staff-member/staff-scope.service';
import { StaffAccountsService } from './staff-member/staff-accounts.service';
import { StaffSkillEntity } from './staff-member/staff-skill.entity';
import { StaffSkillsLoader } from './staff-member/staff-skills.loader';
import { staffPermissions } from './staff.permissions';

describeConstraint('staff_members_event_user_key', { field: 'userId', message: 'This person already has a staff record in this event' });
describeConstraint('staff_members_event_external_ref_key', { field: 'externalRef', message: 'Another staff member of this event has this external reference' });
describeConstraint('staff_members_email_lower_check', { field: 'email', message: 'Emails are stored in lower case' });
describeConstraint('staff_members_organisation_fk', { field: 'organisationId', message: 'No such organisation' });
describeConstraint('staff_members_team_fk', { field: 'teamId', message: 'No such team' });
describeConstraint('staff_members_home_venue_fk', { field: 'homeVenueId', message: 'No such venue' });
describeConstraint('staff_member_skills_skill_fk', { field: 'skills', message: 'No such skill' });
describeConstraint('staff_member_skills_level_check', { field: 'skills', message: 'A skill level is 1 to 4' });
describeConstraint('availability_periods_order_check', { field: 'endsAt', message: 'endsAt must be after startsAt' });

@Module({
  imports: [
    AuthModule.forFeature(staffPermissions),
    TypeOrmModule.forFeature([StaffMemberEntity, StaffSkillEntity, AvailabilityPeriodEntity, StaffInvitationEntity]),
    IdentityModule,
  ],
  providers: [
    StaffAccountsService,
    StaffScopeService,
    StaffDirectoryService,
    StaffMemberService,
    StaffInvitationService,
    StaffSkillsLoader,
    StaffMemberResolver,
    AvailabilityService,
    AvailabilityResolver,
    StaffMemberLoader,
    StaffMemberEdgesResolver,
    StaffMemberSkillEdgesResolver,
    AvailabilityEdgesResolver,
  ],
  exports: [StaffScopeService, StaffDirectoryService, StaffSkillsLoader, StaffAccountsService, StaffMemberLoader],
})
export class StaffModule {}
