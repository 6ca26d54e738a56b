import { OrganisationEntity } from '@baton/organisations';
import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AlumniProfileEntity } from '../profile/profile.entity';

/**
 * An organisation a person blocked: its recruiters see nothing of them anywhere. Kept here, beside
 * the profile, because the visibility policy (profile-access.ts and its SQL) reads it; the talent
 * exchange (libs/talent) writes it. Erased with the profile.
 */
@Entity('alumni_organisation_blocks')
@Index('alumni_organisation_blocks_organisation_idx', ['organisationId'])
export class AlumniOrganisationBlockEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_organisation_blocks_profile_fk' })
  profile?: AlumniProfileEntity;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'alumni_organisation_blocks_organisation_fk' })
  organisation?: OrganisationEntity;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
}
