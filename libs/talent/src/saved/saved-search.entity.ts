import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A recruiter's saved talent search: the same filter input as talentSearch, kept as JSON. */
@Entity('talent_saved_searches')
@Index('talent_saved_searches_recruiter_idx', ['recruiterId', 'createdAt'])
@Check('talent_saved_searches_name_check', `char_length("name") BETWEEN 1 AND 100`)
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) recruiterId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recruiter_id', foreignKeyConstraintName: 'talent_saved_searches_recruiter_fk' })
  recruiter?: UserEntity;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'talent_saved_searches_organisation_fk' })
  organisation?: OrganisationEntity;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'jsonb' }) filter: Record<string, unknown>;
  @Column({ type: 'boolean', default: true }) alertsEnabled: boolean;
  @CreateDateColumn({ type: 'timestamptz', precision: 3 }) createdAt: Date;
  @Column({ type: 'timestamptz', precision: 3, nullable: true }) lastAlertAt: Date | null;
}

/** A match already sent in a digest: the primary key makes sending it twice impossible. */
@Entity('talent_saved_search_matches')
@Index('talent_saved_search_matches_user_idx', ['userId'])
export class SavedSearchMatchEntity {
  @PrimaryColumn({ type: 'uuid' }) savedSearchId: string;
  @ManyToOne(() => SavedSearchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_search_id', foreignKeyConstraintName: 'talent_saved_search_matches_search_fk' })
  savedSearch?: SavedSearchEntity;
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'talent_saved_search_matches_user_fk' })
  user?: UserEntity;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) sentAt: Date;
}
