import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { EventEntity } from '../event/event.entity';

export enum VenueKind {
  COMPETITION = 'COMPETITION',
  NON_COMPETITION = 'NON_COMPETITION',
}

/** A site of one event, with its own time zone: "a day" at Teahupo'o is not a day in Paris. */
@Entity('venues')
@Unique('venues_event_code_key', ['eventId', 'code'])
// The shape of a canonical IANA name; which names exist is the service's check (see the migration CanonicalTimeZones).
@Check('venues_time_zone_check', `"time_zone" = 'UTC' OR "time_zone" ~ '^[A-Z][A-Za-z]+(/[A-Z][A-Za-z0-9_+-]*)+$'`)
export class VenueEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) eventId: string;
  @ManyToOne(() => EventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'venues_event_fk' })
  event?: EventEntity;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) city: string;
  @Column({ type: 'enum', enum: VenueKind, enumName: 'venue_kind' }) kind: VenueKind;
  @Column({ type: 'text' }) timeZone: string;
  /** Accreditation zone codes a person needs to work here. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) zones: string[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
