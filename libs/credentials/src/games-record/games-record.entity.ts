import { EventEntity } from '@baton/events';
import { StaffMemberEntity } from '@baton/staff';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SigningKeyEntity } from '../keys/signing-key.entity';

/**
 * One person's verified Games record: the figures as issued, and the signed credential (VC-JWT)
 * that certifies them. Every column that the credential states is kept as issued, so verification
 * can rebuild the credential from the row and compare it with what was signed: a figure changed
 * afterwards, by anyone, fails verification.
 *
 * Never edited by its subject. A correction is a reissue: a new row, and the old one superseded.
 * Erasure revokes and removes the personal parts (the name and the signed token).
 */
@Entity('games_records')
@Unique('games_records_code_key', ['code'])
@Unique('games_records_credential_id_key', ['credentialId'])
// One current (not superseded) record per staff record, revoked or not: issuing twice cannot race.
@Index('games_records_one_current_per_staff', ['staffMemberId'], { unique: true, where: `"superseded_at" IS NULL` })
@Index('games_records_staff_idx', ['staffMemberId'])
@Index('games_records_event_issued_idx', ['eventId', 'issuedAt'])
@Index('games_records_key_idx', ['keyId'])
@Check('games_records_code_check', `"code" ~ '^[A-Za-z0-9_-]{22}$'`)
@Check('games_records_days_check', `"first_day" <= "last_day"`)
@Check('games_records_figures_check', `"shifts_worked" >= 1 AND "worked_minutes" >= 0`)
@Check('games_records_revocation_check', `("revoked_at" IS NULL) = ("revocation_reason" IS NULL)`)
@Check('games_records_superseded_check', `"superseded_by_id" IS NULL OR "superseded_at" IS NOT NULL`)
// Only a revoked record may lose its personal parts (erasure); a valid one always carries its proof.
@Check('games_records_redaction_check', `("credential_jwt" IS NOT NULL AND "subject_name" IS NOT NULL) OR "revoked_at" IS NOT NULL`)
export class GamesRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'games_records_event_fk' })
  event?: EventEntity;
  /** Null once the staff record itself is deleted: the record still answers verification. */
  @Column({ type: 'uuid', nullable: true }) staffMemberId: string | null;
  @ManyToOne(() => StaffMemberEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'staff_member_id', foreignKeyConstraintName: 'games_records_staff_fk' })
  staffMember?: StaffMemberEntity;
  /** The public verification code (URL-safe, 128 random bits). */
  @Column({ type: 'text' }) code: string;
  /** The credential's `id` (urn:uuid) and JWT `jti`. */
  @Column({ type: 'uuid' }) credentialId: string;
  /** The subject's `id` (urn:uuid) and JWT `sub`: a pseudonym kept across reissues, never a Baton id. */
  @Column({ type: 'uuid' }) subjectId: string;
  @Column({ type: 'uuid' }) keyId: string;
  @ManyToOne(() => SigningKeyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'key_id', foreignKeyConstraintName: 'games_records_key_fk' })
  key?: SigningKeyEntity;
  /** Base URL the credential's links were built on (verification page, status list). */
  @Column({ type: 'text' }) publicUrl: string;
  @Column({ type: 'text' }) issuerId: string;
  @Column({ type: 'text' }) issuerName: string;
  /** `validFrom` / `nbf`, whole seconds. */
  @Column({ type: 'timestamptz' }) issuedAt: Date;
  /** Personal data: null after erasure. */
  @Column({ type: 'text', nullable: true }) subjectName: string | null;
  @Column({ type: 'text' }) eventCode: string;
  @Column({ type: 'text' }) eventName: string;
  @Column({ type: 'text' }) organisationName: string;
  @Column({ type: 'text', array: true }) teamNames: string[];
  @Column({ type: 'text', array: true }) venueNames: string[];
  @Column({ type: 'text', array: true }) roleTitles: string[];
  @Column({ type: 'date' }) firstDay: string;
  @Column({ type: 'date' }) lastDay: string;
  @Column({ type: 'integer' }) shiftsWorked: number;
  @Column({ type: 'integer' }) workedMinutes: number;
  /** The signed OpenBadgeCredential (compact JWS). Null after erasure. */
  @Column({ type: 'text', nullable: true }) credentialJwt: string | null;
  /** The person hid it from their profile; it still verifies for whoever holds its code. */
  @Column({ type: 'timestamptz', nullable: true }) hiddenAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  /** Public: shown to anyone verifying the code. */
  @Column({ type: 'text', nullable: true }) revocationReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) supersededAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) supersededById: string | null;
  @ManyToOne(() => GamesRecordEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'superseded_by_id', foreignKeyConstraintName: 'games_records_superseded_by_fk' })
  supersededBy?: GamesRecordEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
