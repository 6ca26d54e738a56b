import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { EntityManager } from 'typeorm';

export interface EventPerson {
  staffMemberId: string;
  userId: string | null;
  /** The staff record's own email (may differ from the account's). */
  email: string | null;
  displayName: string;
}

/**
 * Staff records seen as people with (or without) an account: who worked an event, and linking a
 * record to the account its owner proved to hold (alumni invitation sent to the record's email).
 */
@Injectable()
export class StaffAccountsService {
  constructor(private readonly audit: AuditService) {}

  async peopleOfEvent(manager: EntityManager, eventId: string): Promise<EventPerson[]> {
    const rows = await manager.query<Array<{ id: string; user_id: string | null; email: string | null; display_name: string }>>(
      `SELECT id, user_id, email, display_name FROM staff_members WHERE event_id = $1 ORDER BY id`,
      [eventId],
    );
    return rows.map((r) => ({ staffMemberId: r.id, userId: r.user_id, email: r.email, displayName: r.display_name }));
  }

  /**
   * Links records that have no account yet to `userId`, skipping any event where that person
   * already has a record (one record per person and event). Returns the ids linked; audited.
   */
  async linkToAccount(
    manager: EntityManager,
    actorUserId: string | null,
    staffMemberIds: readonly string[],
    userId: string,
    reason: string,
  ): Promise<string[]> {
    if (!staffMemberIds.length) return [];
    const rows = await manager.query<Array<{ id: string; event_id: string }>>(
      `UPDATE staff_members m SET user_id = $2, updated_at = now()
        WHERE m.id = ANY($1::uuid[]) AND m.user_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM staff_members o WHERE o.event_id = m.event_id AND o.user_id = $2)
        RETURNING m.id, m.event_id`,
      [staffMemberIds, userId],
    );
    for (const row of rows) {
      await this.audit.record(manager, {
        actorUserId,
        action: 'staff_member.user_linked',
        entityType: 'staff_member',
        entityId: row.id,
        eventId: row.event_id,
        before: { userId: null },
        after: { userId },
        reason,
      });
    }
    return rows.map((r) => r.id);
  }
}
