import { AlumniProfileEntity } from '@baton/alumni';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/**
 * The search document of one profile, rebuilt by database triggers in the same transaction as any
 * change to the profile or its sections (function talent_refresh_documents, see the migration), so
 * it can never lag behind. It holds only what the person shows to others: a hidden section adds
 * nothing to it. Who may see the person (visibility, consent, blocks) is NOT copied here: the
 * search reads it from the alumni tables at query time with the alumni policy's own SQL.
 * Text is folded (lower case, accents removed with unaccent) before it is indexed or compared.
 */
@Entity('talent_documents')
@Index('talent_documents_document_idx', { synchronize: false }) // GIN (document)
@Index('talent_documents_names_trgm_idx', { synchronize: false }) // GIN (names gin_trgm_ops)
@Index('talent_documents_skill_levels_idx', { synchronize: false }) // GIN (skill_levels)
@Index('talent_documents_language_levels_idx', { synchronize: false }) // GIN (language_levels)
@Index('talent_documents_teams_idx', { synchronize: false }) // GIN (team_codes)
@Index('talent_documents_venues_idx', { synchronize: false }) // GIN (venue_codes)
@Index('talent_documents_events_idx', { synchronize: false }) // GIN (event_codes)
@Index('talent_documents_minutes_idx', ['verifiedMinutes', 'userId'])
export class TalentDocumentEntity {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @OneToOne(() => AlumniProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'talent_documents_profile_fk' })
  profile?: AlumniProfileEntity;
  /** Weighted: A headline, desired roles and name; B skills; C summary, experiences, Games roles and teams. English and French stems. */
  @Column({ type: 'tsvector' }) document: string;
  /** Folded name and skill names, for trigram matching (typos). */
  @Column({ type: 'text' }) names: string;
  /** One key per skill: the catalogue code (lower case) or the folded free-text name. */
  @Column({ type: 'text', array: true }) skillKeys: string[];
  /** `key:n` for n = 1 … level, for every skill key and the folded catalogue name: "at least level L" is one containment. */
  @Column({ type: 'text', array: true }) skillLevels: string[];
  @Column({ type: 'text', array: true }) languageCodes: string[];
  /** `code:n` for n = 1 … rank of the level (A1 = 1 … NATIVE = 7). */
  @Column({ type: 'text', array: true }) languageLevels: string[];
  /** Lower-case codes of the teams, venues and events of the Games worked. */
  @Column({ type: 'text', array: true }) teamCodes: string[];
  @Column({ type: 'text', array: true }) venueCodes: string[];
  @Column({ type: 'text', array: true }) eventCodes: string[];
  /** Minutes worked in the Games, from the roster and attendance (the verified record). */
  @Column({ type: 'int' }) verifiedMinutes: number;
  @Column({ type: 'text', nullable: true }) country: string | null;
  /** Folded city. */
  @Column({ type: 'text', nullable: true }) city: string | null;
  @Column({ type: 'boolean' }) openToWork: boolean;
}
