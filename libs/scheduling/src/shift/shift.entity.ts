import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ShiftStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

/**
 * A slot of work at one venue for one team. `activeCount` is kept by a trigger on assignments
 * and checked against `headcount` by the database, so no race can overfill a shift.
 */
@Entity('shifts')
@Index('shifts_event_venue_starts_idx', ['eventId', 'venueId', 'startsAt'])
@Index('shifts_event_team_starts_idx', ['eventId', 'teamId', 'startsAt'])
@Index('shifts_event_starts_idx', ['eventId', 'startsAt'])
@Check('shifts_order_check', `"ends_at" > "starts_at" AND "ends_at" - "starts_at" <= interval '72 hours'`)
@Check('shifts_headcount_check', `"headcount" BETWEEN 1 AND 500`)
@Check('shifts_capacity_check', `"active_count" >= 0 AND "active_count" <= "headcount"`)
export class ShiftEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'shifts_event_fk' })
  event?: EventEntity;
  @Column({ type: 'uuid' }) venueId: string;
  // NO ACTION, not RESTRICT: a venue with shifts cannot be deleted, but deleting a whole event
  // (whose cascade removes venues and shifts in one statement) is checked only at its end.
  @ManyToOne(() => VenueEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'shifts_venue_fk' })
  venue?: VenueEntity;
  @Column({ type: 'uuid' }) teamId: string;
  @ManyToOne(() => TeamEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'shifts_team_fk' })
  team?: TeamEntity;
  @Column({ type: 'text' }) roleTitle: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'smallint' }) headcount: number;
  /** Active (ASSIGNED or CONFIRMED) assignments; maintained by the database, never by code. */
  @Column({ type: 'smallint', default: 0 }) activeCount: number;
  @Column({ type: 'enum', enum: ShiftStatus, enumName: 'shift_status', default: ShiftStatus.DRAFT }) status: ShiftStatus;
  @Column({ type: 'text', nullable: true }) notes: string | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
