import { UserEntity } from '@baton/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum ErasureRequestStatus {
  PENDING = 'PENDING',
  EXECUTED = 'EXECUTED',
}

/**
 * An erasure an administrator records (a request by letter, by phone, from a partner) and runs.
 * The row outlives the erasure as proof it was done; the reason must not name the person, and
 * the erasure cuts the person's identifiers out of it anyway.
 */
@Entity('privacy_erasure_requests')
// One open request per person: asking twice cannot race into two erasures.
@Index('privacy_erasure_requests_one_pending', ['userId'], { unique: true, where: `"status" = 'PENDING'` })
@Check('privacy_erasure_requests_executed_check', `("status" = 'EXECUTED') = ("executed_at" IS NOT NULL)`)
@Check('privacy_erasure_requests_reason_check', `char_length("reason") BETWEEN 1 AND 500`)
export class ErasureRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'privacy_erasure_requests_user_fk' })
  user?: UserEntity;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'enum', enum: ErasureRequestStatus, enumName: 'erasure_request_status', default: ErasureRequestStatus.PENDING }) status: ErasureRequestStatus;
  @Column({ type: 'uuid', nullable: true }) requestedById: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'privacy_erasure_requests_requested_by_fk' })
  requestedBy?: UserEntity;
  @Column({ type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'uuid', nullable: true }) executedById: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'executed_by_id', foreignKeyConstraintName: 'privacy_erasure_requests_executed_by_fk' })
  executedBy?: UserEntity;
  @Column({ type: 'timestamptz', nullable: true }) executedAt: Date | null;
}
