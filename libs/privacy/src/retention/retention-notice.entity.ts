import { StaffMemberEntity } from '@baton/staff';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * The retention job's memory: a staff record is warned once and erased once. The primary key
 * makes a second notice impossible, whatever runs at the same time.
 */
@Entity('privacy_retention_notices')
export class RetentionNoticeEntity {
  @PrimaryColumn({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'privacy_retention_notices_staff_fk' })
  staffMember?: StaffMemberEntity;
  @Column({ type: 'timestamptz' }) notifiedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) erasedAt: Date | null;
}
