import { EventEntity } from '@baton/events';
import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { SkillEntity } from '@baton/skills';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContractType, LANGUAGE_LEVELS, OpportunityKind, OpportunityStatus, WorkMode } from '../common/opportunity-enums';

/**
 * A job, mission or volunteering offer. A POSTING belongs to its organisation (any of its
 * recruiters manages it); a REFERRAL belongs to the alumnus who wrote it, about an organisation.
 * Status moves are checked by a trigger (opportunities_status_transition, see the migration).
 */
@Entity('opportunities')
@Index('opportunities_list_idx', ['status', 'expiresAt', 'id'])
@Index('opportunities_organisation_idx', ['organisationId', 'status'])
@Index('opportunities_author_idx', ['authorId'])
@Check('opportunities_text_check', `char_length("title") BETWEEN 1 AND 200 AND char_length("description") BETWEEN 1 AND 10000 AND char_length("city") <= 100`)
@Check('opportunities_country_check', `"country" ~ '^[A-Z]{2}$'`)
@Check('opportunities_location_check', `"work_mode" = 'REMOTE' OR "city" IS NOT NULL`)
@Check('opportunities_published_check', `("status" = 'DRAFT') = ("published_at" IS NULL)`)
@Check('opportunities_expiry_check', `"published_at" IS NULL OR "expires_at" > "published_at"`)
@Check('opportunities_teams_check', `cardinality("team_codes") <= 20`)
export class OpportunityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: OpportunityKind, enumName: 'opportunity_kind' }) kind: OpportunityKind;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'opportunities_organisation_fk' })
  organisation?: OrganisationEntity;
  /** Who wrote it; for a referral, its owner. Null once that account is erased. */
  @Column({ type: 'uuid', nullable: true }) authorId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'opportunities_author_fk' })
  author?: UserEntity;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) city: string | null;
  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'text' }) country: string;
  @Column({ type: 'enum', enum: WorkMode, enumName: 'opportunity_work_mode' }) workMode: WorkMode;
  @Column({ type: 'enum', enum: ContractType, enumName: 'opportunity_contract_type' }) contractType: ContractType;
  @Column({ type: 'boolean', default: false }) sportSector: boolean;
  /** The next Games this relates to, if any. */
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @ManyToOne(() => EventEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'opportunities_event_fk' })
  event?: EventEntity;
  /** Games teams whose experience fits (e.g. TIMING, NETWORK): matched against alumni Games records. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) teamCodes: string[];
  @Column({ type: 'timestamptz', precision: 3 }) expiresAt: Date;
  @Column({ type: 'enum', enum: OpportunityStatus, enumName: 'opportunity_status', default: OpportunityStatus.DRAFT }) status: OpportunityStatus;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) publishedAt: Date | null;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) closedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', precision: 3 }) updatedAt: Date;
}

/** A skill wanted, from the platform catalogue, with the minimum level (1 to 4, as on profiles). */
@Entity('opportunity_skills')
@Index('opportunity_skills_skill_idx', ['skillId', 'level'])
@Check('opportunity_skills_level_check', `"level" BETWEEN 1 AND 4`)
export class OpportunitySkillEntity {
  @PrimaryColumn({ type: 'uuid' }) opportunityId: string;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'opportunity_skills_opportunity_fk' })
  opportunity?: OpportunityEntity;
  @PrimaryColumn({ type: 'uuid' }) skillId: string;
  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'opportunity_skills_skill_fk' })
  skill?: SkillEntity;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'smallint' }) position: number;
}

/** A language wanted (ISO 639-1) with the minimum level. */
@Entity('opportunity_languages')
@Check('opportunity_languages_code_check', `"code" ~ '^[a-z]{2}$'`)
@Check('opportunity_languages_level_check', `"level" IN (${LANGUAGE_LEVELS.map((l) => `'${l}'`).join(', ')})`)
export class OpportunityLanguageEntity {
  @PrimaryColumn({ type: 'uuid' }) opportunityId: string;
  @ManyToOne(() => OpportunityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'opportunity_id', foreignKeyConstraintName: 'opportunity_languages_opportunity_fk' })
  opportunity?: OpportunityEntity;
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) level: string;
  @Column({ type: 'smallint' }) position: number;
}
