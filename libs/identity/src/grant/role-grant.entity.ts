import { EventEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../user/user.entity';
import { Role } from '@baton/auth';

/**
 * A role with its scope. Which scope a role needs is a data rule, so the database checks it:
 * coordinators and staff belong to an event, recruiters to an organisation.
 */
@Entity('role_grants')
@Index('role_grants_user_idx', ['userId'])
@Check(
  'role_grants_scope_check',
  `("role" = 'ADMIN' AND "event_id" IS NULL AND "organisation_id" IS NULL) OR ("role" IN ('COORDINATOR', 'STAFF') AND "event_id" IS NOT NULL AND "organisation_id" IS NULL) OR ("role" = 'RECRUITER' AND "organisation_id" IS NOT NULL AND "event_id" IS NULL) OR ("role" = 'ALUMNUS' AND "event_id" IS NULL AND "organisation_id" IS NULL)`,
)
@Check('role_grants_narrowing_check', `"role" = 'COORDINATOR' OR (cardinality("venue_ids") = 0 AND cardinality("team_ids") = 0)`)
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) userId: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'role_grants_user_fk' })
  user?: UserEntity;
  @Column({ type: 'enum', enum: Role, enumName: 'role' }) role: Role;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'role_grants_event_fk' })
  event?: EventEntity;
  @Column({ type: 'uuid', nullable: true }) organisationId: string | null;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'role_grants_organisation_fk' })
  organisation?: OrganisationEntity;
  /** Empty means every venue of the event. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) venueIds: string[];
  /** Empty means every team of the event. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) teamIds: string[];
  @Column({ type: 'uuid', nullable: true }) grantedById: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'granted_by_id', foreignKeyConstraintName: 'role_grants_granted_by_fk' })
  grantedBy?: UserEntity;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
