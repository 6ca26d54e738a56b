import { sealedText } from '@baton/crypto';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** The envelope context of staff phone numbers (bound into each envelope; the migration and the rotation job use it). */
export const STAFF_PHONE_CONTEXT = 'staff_members.phone';

export enum EmploymentType {
  EMPLOYEE = 'EMPLOYEE',
  CONTRACTOR = 'CONTRACTOR',
  VOLUNTEER = 'VOLUNTEER',
}

export enum AccreditationStatus {
  PENDING = 'PENDING',
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
}

/**
 * A person working one event for one organisation. The account (user) is optional until the
 * person is invited; contact details are personal data (self, admins, coordinators in scope).
 */
@Entity('staff_members')
@Unique('staff_members_event_user_key', ['eventId', 'userId'])
@Unique('staff_members_event_external_ref_key', ['eventId', 'externalRef'])
@Index('staff_members_event_team_idx', ['eventId', 'teamId'])
@Index('staff_members_event_venue_idx', ['eventId', 'homeVenueId'])
// Every record of one person across events (the working-time rules read them all).
@Index('staff_members_user_idx', ['userId'], { where: '"user_id" IS NOT NULL' })
@Index('staff_members_name_trgm_idx', { synchronize: false }) // GIN trigram on display_name, created by the migration
@Check('staff_members_email_lower_check', `"email" IS NULL OR "email" = lower("email")`)
export class StaffMemberEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'staff_members_event_fk' })
  event?: EventEntity;
  @Column({ type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'staff_members_user_fk' })
  user?: UserEntity;
  @Column({ type: 'uuid' }) organisationId: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'staff_members_organisation_fk' })
  organisation?: OrganisationEntity;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @ManyToOne(() => TeamEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'staff_members_team_fk' })
  team?: TeamEntity;
  @Column({ type: 'uuid', nullable: true }) homeVenueId: string | null;
  @ManyToOne(() => VenueEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'home_venue_id', foreignKeyConstraintName: 'staff_members_home_venue_fk' })
  homeVenue?: VenueEntity;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** Stored sealed (envelope-encrypted, libs/crypto) in `phone_envelope`: the database alone never reveals it. */
  @Column({ name: 'phone_envelope', type: 'text', nullable: true, transformer: sealedText(STAFF_PHONE_CONTEXT) }) phone: string | null;
  @Column({ type: 'enum', enum: EmploymentType, enumName: 'employment_type' }) employmentType: EmploymentType;
  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  /** Accreditation zone codes this person may enter (compared with a venue's zones). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) accreditationZones: string[];
  @Column({ type: 'enum', enum: AccreditationStatus, enumName: 'accreditation_status', default: AccreditationStatus.PENDING })
  accreditationStatus: AccreditationStatus;
  /** The key of this person in the partner's or the committee's own files (imports). */
  @Column({ type: 'text', nullable: true }) externalRef: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
