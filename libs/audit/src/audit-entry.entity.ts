import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what, when, to which record, with the state before and after. Append-only. */
@Entity('audit_entries')
@Index('audit_entries_occurred_idx', ['occurredAt'])
@Index('audit_entries_entity_idx', ['entityType', 'entityId'])
@Index('audit_entries_event_idx', ['eventId', 'occurredAt'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' }) occurredAt: Date;
  @Column({ type: 'uuid', nullable: true }) actorUserId: string | null;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) entityType: string;
  @Column({ type: 'uuid', nullable: true }) entityId: string | null;
  @Column({ type: 'uuid', nullable: true }) eventId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', nullable: true }) requestId: string | null;
}
