import { Injectable } from '@nestjs/common';
import { PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/**
 * Assignments and attendance stay after an erasure: they point to the anonymised staff record,
 * so hours worked and coverage still add up. Only the free text written about the person goes.
 */
@Injectable()
@PrivacyContributor()
export class RosteringPrivacyContributor implements PrivacyContribution {
  readonly section = 'roster';
  readonly tables = [
    { table: 'assignments', personal: true, note: 'kept for statistics (the staff record is anonymised); the override reason is removed' },
    { table: 'assignment_history', personal: true, note: 'kept (status changes); notes removed' },
  ];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    const ids = [subject.staffMemberIds];
    return {
      assignments: await manager.query<StoredRow[]>(
        `SELECT a.id, a.staff_member_id, a.event_id, a.shift_id, s.role_title, v.name AS venue_name, t.name AS team_name, a.starts_at, a.ends_at,
                a.status, a.source, a.override_reason, a.checked_in_at, a.checked_out_at, a.check_in_method, a.no_show_at, a.created_at, a.updated_at
           FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id JOIN teams t ON t.id = s.team_id
          WHERE a.staff_member_id = ANY($1::uuid[]) ORDER BY a.starts_at, a.id`,
        ids,
      ),
      assignmentHistory: await manager.query<StoredRow[]>(
        `SELECT h.id, h.assignment_id, h.at, h.from_status, h.to_status, h.note FROM assignment_history h JOIN assignments a ON a.id = h.assignment_id
          WHERE a.staff_member_id = ANY($1::uuid[]) ORDER BY h.at, h.id`,
        ids,
      ),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    const ids = subject.staffMemberIds;
    if (!ids.length) return {};
    const [, notes] = await manager.query<Affected>(
      `UPDATE assignment_history h SET note = NULL FROM assignments a WHERE a.id = h.assignment_id AND a.staff_member_id = ANY($1::uuid[]) AND h.note IS NOT NULL`,
      [ids],
    );
    const [, reasons] = await manager.query<Affected>(
      `UPDATE assignments SET override_reason = NULL WHERE staff_member_id = ANY($1::uuid[]) AND override_reason IS NOT NULL`,
      [ids],
    );
    return { assignment_history_notes: Number(notes ?? 0), assignment_override_reasons: Number(reasons ?? 0) };
  }
}
