import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraint } from '@baton/database';
import { AvailabilityPeriodEntity } from './availability/availability-period.entity';
import { StaffMemberEntity } from './staff-member/staff-member.entity';
import { StaffSkillEntity } from './staff-member/staff-skill.entity';

describeConstraint('staff_members_event_user_key', { field: 'userId', message: 'This person already has a staff record in this event' });
describeConstraint('staff_members_event_external_ref_key', { field: 'externalRef', message: 'Another staff member of this event has this external reference' });

@Module({
  imports: [TypeOrmModule.forFeature([StaffMemberEntity, StaffSkillEntity, AvailabilityPeriodEntity])],
  providers: [],
  exports: [],
})
export class StaffModule {}
