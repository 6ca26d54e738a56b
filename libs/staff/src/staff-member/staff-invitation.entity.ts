import { InvitationEntity } from '@baton/identity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffMemberEntity } from './staff-member.entity';

/**
 * Which staff record an invitation was sent from, so accepting it links that record. Kept here
 * rather than as a column of invitations: identity comes before staff and must not know it.
 */
@Entity('staff_invitations')
@Index('staff_invitations_staff_member_idx', ['staffMemberId'])
export class StaffInvitationEntity {
  @PrimaryColumn({ type: 'uuid' }) invitationId: string;
  @ManyToOne(() => InvitationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id', foreignKeyConstraintName: 'staff_invitations_invitation_fk' })
  invitation?: InvitationEntity;
  @Column({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'staff_invitations_staff_member_fk' })
  staffMember?: StaffMemberEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
