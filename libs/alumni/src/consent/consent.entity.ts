import { UserEntity } from '@baton/identity';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ConsentPurpose } from '../common/alumni-enums';
import { AlumniConsentTextEntity } from './consent-text.entity';

/**
 * Consent is data: who agreed to which version of which text, when, and from which request.
 * Withdrawing sets `withdrawnAt`; joining again is a new row. At most one active consent per
 * person and purpose, which the database enforces (a double click cannot make two).
 */
@Entity('alumni_consents')
@Index('alumni_consents_one_active', ['userId', 'purpose'], { unique: true, where: `"withdrawn_at" IS NULL` })
@Index('alumni_consents_user_idx', ['userId', 'givenAt'])
@Check('alumni_consents_order_check', `"withdrawn_at" IS NULL OR "withdrawn_at" >= "given_at"`)
export class AlumniConsentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_consents_user_fk' })
  user?: UserEntity;
  @Column({ type: 'uuid' }) consentTextId: string;
  @ManyToOne(() => AlumniConsentTextEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'consent_text_id', foreignKeyConstraintName: 'alumni_consents_text_fk' })
  consentText?: AlumniConsentTextEntity;
  @Column({ type: 'enum', enum: ConsentPurpose, enumName: 'alumni_consent_purpose' }) purpose: ConsentPurpose;
  @Column({ type: 'timestamptz', precision: 3 }) givenAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) withdrawnAt: Date | null;
  /** The request that gave the consent (x-request-id), its address and user agent. */
  @Column({ type: 'text', nullable: true }) requestId: string | null;
  @Column({ type: 'text', nullable: true }) ipAddress: string | null;
  @Column({ type: 'text', nullable: true }) userAgent: string | null;
  @Column({ type: 'text', nullable: true }) withdrawnRequestId: string | null;
}
