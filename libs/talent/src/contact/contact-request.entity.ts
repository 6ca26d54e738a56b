import { AlumniProfileEntity } from '@baton/alumni';
import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum ContactRequestStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}

/**
 * A recruiter asks to contact an alumnus. One pending request per organisation and person (a
 * partial unique index); an accepted one shows that organisation the person's contact details.
 */
@Entity('talent_contact_requests')
@Index('talent_contact_requests_one_pending', ['organisationId', 'alumnusId'], { unique: true, where: `"status" = 'PENDING'` })
@Index('talent_contact_requests_alumnus_idx', ['alumnusId', 'createdAt'])
@Index('talent_contact_requests_organisation_idx', ['organisationId', 'createdAt'])
@Index('talent_contact_requests_expiry_idx', ['expiresAt'], { where: `"status" = 'PENDING'` })
@Check('talent_contact_requests_message_check', `char_length("message") BETWEEN 1 AND 2000`)
@Check('talent_contact_requests_revoked_check', `"revoked_at" IS NULL OR ("status" = 'ACCEPTED' AND "revoked_at" >= "answered_at")`)
@Check('talent_contact_requests_answer_check', `("status" = 'PENDING') = ("answered_at" IS NULL)`)
export class ContactRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'talent_contact_requests_organisation_fk' })
  organisation?: OrganisationEntity;
  /** Null once the recruiter's account is gone; the organisation's request stays. */
  @Column({ type: 'uuid', nullable: true }) recruiterId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recruiter_id', foreignKeyConstraintName: 'talent_contact_requests_recruiter_fk' })
  recruiter?: UserEntity;
  @Column({ type: 'uuid' }) alumnusId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alumnus_id', foreignKeyConstraintName: 'talent_contact_requests_alumnus_fk' })
  alumnus?: AlumniProfileEntity;
  @Column({ type: 'text' }) message: string;
  @Column({ type: 'enum', enum: ContactRequestStatus, enumName: 'talent_contact_request_status', default: ContactRequestStatus.PENDING })
  status: ContactRequestStatus;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3 }) expiresAt: Date;
  /** When it was accepted, declined or expired. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) answeredAt: Date | null;
  /** When the alumnus took an acceptance back (or blocked the organisation): the contact details are hidden again. */
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) revokedAt: Date | null;
}
