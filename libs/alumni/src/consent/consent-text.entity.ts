import { UserEntity } from '@baton/identity';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ConsentPurpose } from '../common/alumni-enums';

/** What people agree to, versioned: a published text never changes, a new version replaces it. */
@Entity('alumni_consent_texts')
@Unique('alumni_consent_texts_purpose_version_key', ['purpose', 'version'])
@Check('alumni_consent_texts_version_check', `"version" >= 1`)
@Check('alumni_consent_texts_length_check', `char_length("title") BETWEEN 1 AND 200 AND char_length("body") BETWEEN 1 AND 20000`)
export class AlumniConsentTextEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: ConsentPurpose, enumName: 'alumni_consent_purpose' }) purpose: ConsentPurpose;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) publishedAt: Date;
  @Column({ type: 'uuid', nullable: true }) publishedById: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id', foreignKeyConstraintName: 'alumni_consent_texts_published_by_fk' })
  publishedBy?: UserEntity;
}
