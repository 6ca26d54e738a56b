import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

export enum EventPhase {
  PLANNING = 'PLANNING',
  GAMES = 'GAMES',
  CLOSED = 'CLOSED',
}

/** One Games edition. Staffing data belongs to an event; people and alumni profiles span events. */
@Entity('events')
@Unique('events_code_key', ['code'])
@Check('events_dates_check', `"ends_on" >= "starts_on"`)
@Check('events_code_check', `"code" ~ '^[A-Z0-9][A-Z0-9-]{1,15}$'`)
// The shape of a canonical IANA name; which names exist is the service's check (see the migration CanonicalTimeZones).
@Check('events_time_zone_check', `"time_zone" = 'UTC' OR "time_zone" ~ '^[A-Z][A-Za-z]+(/[A-Z][A-Za-z0-9_+-]*)+$'`)
export class EventEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  /** IANA zone of the host city; each venue has its own too. */
  @Column({ type: 'text' }) timeZone: string;
  @Column({ type: 'date' }) startsOn: string;
  @Column({ type: 'date' }) endsOn: string;
  @Column({ type: 'enum', enum: EventPhase, enumName: 'event_phase', default: EventPhase.PLANNING }) phase: EventPhase;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
