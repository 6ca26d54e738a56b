import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentStatus } from '../assignment/assignment.entity';

/** One assignment of a person as the roster and attendance recorded it, with its shift's place. */
export interface WorkHistoryEntry {
  staffMemberId: string;
  assignmentId: string;
  status: AssignmentStatus;
  /** The shift's status: a cancelled shift was not worked, whatever its assignments say. */
  shiftStatus: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  roleTitle: string;
  venueName: string;
  /** IANA zone of the venue: "a day" of this shift is a day there. */
  venueTimeZone: string;
  teamName: string;
}

/**
 * Read-only view of what people were rostered on and when they checked in and out, for other
 * libs (the verified Games record) that must not read rostering's tables themselves. Every
 * status is returned; what counts as worked is the reader's decision.
 */
@Injectable()
export class WorkHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The assignments of these staff members, oldest first, grouped by staff member (absent ids map to []). */
  async forStaffMembers(staffMemberIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, WorkHistoryEntry[]>> {
    const history = new Map<string, WorkHistoryEntry[]>(staffMemberIds.map((id) => [id, []]));
    if (!staffMemberIds.length) return history;
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT a.staff_member_id, a.id AS assignment_id, a.status, s.status AS shift_status, s.starts_at, s.ends_at,
              a.checked_in_at, a.checked_out_at, s.role_title, v.name AS venue_name, v.time_zone AS venue_time_zone, t.name AS team_name
         FROM assignments a
         JOIN shifts s ON s.id = a.shift_id
         JOIN venues v ON v.id = s.venue_id
         JOIN teams t ON t.id = s.team_id
        WHERE a.staff_member_id = ANY($1::uuid[])
        ORDER BY a.staff_member_id, s.starts_at, a.id`,
      [[...new Set(staffMemberIds)]],
    );
    for (const row of rows) {
      history.get(row.staff_member_id as string)?.push({
        staffMemberId: row.staff_member_id as string,
        assignmentId: row.assignment_id as string,
        status: row.status as AssignmentStatus,
        shiftStatus: row.shift_status as WorkHistoryEntry['shiftStatus'],
        startsAt: new Date(row.starts_at as Date),
        endsAt: new Date(row.ends_at as Date),
        checkedInAt: row.checked_in_at ? new Date(row.checked_in_at as Date) : null,
        checkedOutAt: row.checked_out_at ? new Date(row.checked_out_at as Date) : null,
        roleTitle: row.role_title as string,
        venueName: row.venue_name as string,
        venueTimeZone: row.venue_time_zone as string,
        teamName: row.team_name as string,
      });
    }
    return history;
  }

  /** Staff members of the event with at least one check-in: the only ones who may have worked. */
  async staffWithCheckIns(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: Array<{ staff_member_id: string }> = await manager.query(
      `SELECT DISTINCT staff_member_id FROM assignments WHERE event_id = $1 AND checked_in_at IS NOT NULL ORDER BY staff_member_id`,
      [eventId],
    );
    return rows.map((r) => r.staff_member_id);
  }
}
