import { UserEntity } from '@baton/identity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ALL_SECTIONS, AlumniVisibility } from '../common/alumni-enums';

const SECTION_LIST = ALL_SECTIONS.map((s) => `'${s}'`).join(', ');

/**
 * One person, one profile, across every Games they worked. It belongs to the account; contact
 * details are deliberately absent (they live with the account and the staff records). The name
 * shown in the network is kept here so the directory can search it without reading users.
 */
@Entity('alumni_profiles')
@Index('alumni_profiles_name_trgm_idx', { synchronize: false }) // GIN trigram on display_name, created by the migration
@Index('alumni_profiles_visibility_idx', ['visibility', 'displayName'])
@Check(
  'alumni_profiles_text_check',
  `char_length("display_name") BETWEEN 1 AND 200 AND char_length("headline") <= 200 AND char_length("summary") <= 4000 AND char_length("city") <= 100`,
)
@Check('alumni_profiles_country_check', `"country" ~ '^[A-Z]{2}$'`)
@Check('alumni_profiles_roles_check', `cardinality("desired_roles") <= 10`)
@Check('alumni_profiles_sections_check', `"hidden_sections" <@ ARRAY[${SECTION_LIST}]::text[]`)
export class AlumniProfileEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alumni_profiles_user_fk' })
  user?: UserEntity;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) headline: string | null;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column({ type: 'text', nullable: true }) city: string | null;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text', nullable: true }) country: string | null;
  @Column({ type: 'boolean', default: false }) openToWork: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) desiredRoles: string[];
  @Column({ type: 'enum', enum: AlumniVisibility, enumName: 'alumni_visibility', default: AlumniVisibility.ALUMNI }) visibility: AlumniVisibility;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) hiddenSections: string[];
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}
