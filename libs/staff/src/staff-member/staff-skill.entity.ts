import { SkillEntity } from '@baton/skills';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffMemberEntity } from './staff-member.entity';

@Entity('staff_member_skills')
@Index('staff_member_skills_skill_idx', ['skillId', 'level'])
@Check('staff_member_skills_level_check', `"level" BETWEEN 1 AND 4`)
export class StaffSkillEntity {
  @PrimaryColumn({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'staff_member_skills_staff_fk' })
  staffMember?: StaffMemberEntity;
  @PrimaryColumn({ type: 'uuid' }) skillId: string;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'staff_member_skills_skill_fk' })
  skill?: SkillEntity;
  /** 1 = basic, 2 = autonomous, 3 = expert, 4 = can lead. */
  @Column({ type: 'smallint' }) level: number;
}
