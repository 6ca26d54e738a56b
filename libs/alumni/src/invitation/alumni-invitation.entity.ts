import { EventEntity } from '@baton/events';
import { UserEntity } from '@baton/identity';
import { StaffMemberEntity } from '@baton/staff';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One row per staff record of a closed event: the person was asked to join (or was already a
 * member). The unique key makes closing an event again invite only the records added since.
 */
@Entity('alumni_invitations')
@Unique('alumni_invitations_staff_key', ['staffMemberId'])
@Index('alumni_invitations_user_idx', ['userId'])
@Index('alumni_invitations_email_idx', ['email'])
export class AlumniInvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'alumni_invitations_event_fk' })
  event?: EventEntity;
  /** The event's name when it closed, as the invitation told it. */
  @Column({ type: 'text' }) eventName: string;
  @Column({ type: 'uuid' }) staffMemberId: string;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'alumni_invitations_staff_fk' })
  staffMember?: StaffMemberEntity;
  /** The account the record was linked to when invited; null: invited by email. */
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_invitations_user_fk' })
  user?: UserEntity;
  /** Where the invitation went (lower case); null when nobody could be told (no account, no email). */
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** True when a message was sent; false for people already in the network or unreachable. */
  @Column({ type: 'boolean' }) notified: boolean;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
