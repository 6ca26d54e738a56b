import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConstraintsModule } from '@baton/database';
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
import { StaffPrivacyContributor } from './privacy/staff-privacy.contributor';
import { StaffPhoneRewrapJob } from './staff-member/staff-phone-rewrap.job';
import { staffConstraints } from './staff.constraints';

@Module({
  imports: [
    AuthModule.forFeature(staffPermissions),
    ConstraintsModule.forFeature(staffConstraints),
    TypeOrmModule.forFeature([StaffMemberEntity, StaffSkillEntity, AvailabilityPeriodEntity, StaffInvitationEntity]),
    IdentityModule,
  ],
  providers: [
    StaffAccountsService,
    StaffPrivacyContributor,
    StaffPhoneRewrapJob,
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
