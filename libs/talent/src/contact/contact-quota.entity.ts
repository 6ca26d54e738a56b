import { UserEntity } from '@baton/identity';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * Requests a recruiter sent on one UTC day. Incremented with a conditional upsert in the same
 * transaction as the request (`… ON CONFLICT DO UPDATE … WHERE sent < limit`), so concurrent
 * requests can never pass the limit: the row lock serialises them, no count-then-insert race.
 */
@Entity('talent_contact_quotas')
@Check('talent_contact_quotas_sent_check', `"sent" >= 0`)
export class ContactQuotaEntity {
  @PrimaryColumn({ type: 'uuid' }) recruiterId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recruiter_id', foreignKeyConstraintName: 'talent_contact_quotas_recruiter_fk' })
  recruiter?: UserEntity;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'int' }) sent: number;
}
