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
    // Two indexed reads rather than one join: joined, the planner hashes every shift of the event
    // (tens of thousands) for each batch of people; looked up by id, only their shifts are read.
    const assignments: Array<Record<string, unknown>> = await manager.query(
      `SELECT staff_member_id, id, shift_id, status, checked_in_at, checked_out_at
         FROM assignments WHERE staff_member_id = ANY($1::uuid[])`,
      [[...new Set(staffMemberIds)]],
    );
    if (!assignments.length) return history;
    const shifts: Array<Record<string, unknown>> = await manager.query(
      `SELECT s.id, s.status, s.starts_at, s.ends_at, s.role_title, v.name AS venue_name, v.time_zone AS venue_time_zone, t.name AS team_name
         FROM shifts s
         JOIN venues v ON v.id = s.venue_id
         JOIN teams t ON t.id = s.team_id
        WHERE s.id = ANY($1::uuid[])`,
      [[...new Set(assignments.map((a) => a.shift_id as string))]],
    );
    const shiftById = new Map(shifts.map((s) => [s.id as string, s]));
    const entries: WorkHistoryEntry[] = [];
    for (const a of assignments) {
      const s = shiftById.get(a.shift_id as string);
      if (!s) continue;
      entries.push({
        staffMemberId: a.staff_member_id as string,
        assignmentId: a.id as string,
        status: a.status as AssignmentStatus,
        shiftStatus: s.status as WorkHistoryEntry['shiftStatus'],
        startsAt: new Date(s.starts_at as Date),
        endsAt: new Date(s.ends_at as Date),
        checkedInAt: a.checked_in_at ? new Date(a.checked_in_at as Date) : null,
        checkedOutAt: a.checked_out_at ? new Date(a.checked_out_at as Date) : null,
        roleTitle: s.role_title as string,
        venueName: s.venue_name as string,
        venueTimeZone: s.venue_time_zone as string,
        teamName: s.team_name as string,
      });
    }
    entries.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || (x.assignmentId < y.assignmentId ? -1 : 1));
    for (const entry of entries) history.get(entry.staffMemberId)?.push(entry);
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
