import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  eventId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Fields that must never land in the audit trail, whatever entity is recorded. */
const SECRET_FIELDS = new Set(['passwordHash', 'tokenHash', 'password']);

function scrub(state: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!state) return null;
  return Object.fromEntries(Object.entries(state).filter(([key]) => !SECRET_FIELDS.has(key)));
}

@Injectable()
export class AuditService {
  /** Written in the caller's transaction, so an audited change and its record stand or fall together. */
  async record(manager: EntityManager, entry: AuditRecord): Promise<void> {
    await this.recordMany(manager, [entry]);
  }

  /** Many records in one statement (bulk operations: one per record changed, without one round trip each). */
  async recordMany(manager: EntityManager, entries: readonly AuditRecord[]): Promise<void> {
    if (!entries.length) return;
    const repository = manager.getRepository(AuditEntryEntity);
    // jsonb columns defeat TypeORM's deep-partial typing; the entities are complete here.
    await repository.insert(
      entries.map((entry) =>
        repository.create({
          actorUserId: entry.actorUserId,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId ?? null,
          eventId: entry.eventId ?? null,
          before: scrub(entry.before),
          after: scrub(entry.after),
          reason: entry.reason ?? null,
        }),
      ) as never,
    );
  }
}
