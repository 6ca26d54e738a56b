import { EventEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Role } from '@baton/auth';
import { UserEntity } from '../user/user.entity';

/** An invitation carries the grant the person will receive when they accept it. */
@Entity('invitations')
@Unique('invitations_token_hash_key', ['tokenHash'])
@Index('invitations_email_idx', ['email'])
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text' }) tokenHash: string;
  @Column({ type: 'enum', enum: Role, enumName: 'role' }) role: Role;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'invitations_event_fk' })
  event?: EventEntity;
  @Column({ type: 'uuid', nullable: true }) organisationId: string | null;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'invitations_organisation_fk' })
  organisation?: OrganisationEntity;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) venueIds: string[];
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) teamIds: string[];
  @Column({ type: 'uuid' }) invitedById: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invited_by_id', foreignKeyConstraintName: 'invitations_invited_by_fk' })
  invitedBy?: UserEntity;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) acceptedUserId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'accepted_user_id', foreignKeyConstraintName: 'invitations_accepted_user_fk' })
  acceptedUser?: UserEntity;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
