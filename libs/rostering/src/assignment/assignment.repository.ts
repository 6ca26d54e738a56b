import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentStatus } from './assignment.entity';

/** An assignment locked for a change, with where it takes place and whose it is. */
export interface LockedAssignment {
  id: string;
  eventId: string;
  status: AssignmentStatus;
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  venueId: string;
  teamId: string;
  /** The account of the person on it, if their record is linked to one. */
  userId: string | null;
}

interface LockedRow {
  id: string;
  event_id: string;
  status: AssignmentStatus;
  starts_at: Date;
  ends_at: Date;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  venue_id: string;
  team_id: string;
  user_id: string | null;
}

/**
 * How a change to one assignment locks its shift first: NO KEY UPDATE when the change writes the
 * shift's counter (a status change), KEY SHARE when it must only keep the shift from being
 * cancelled or moved meanwhile (check-ins of one shift do not wait for each other).
 */
export type ShiftLock = 'NO KEY UPDATE' | 'KEY SHARE';

/** The non-trivial queries of the assignment aggregate. */
@Injectable()
export class AssignmentRepository {
  /**
   * The shift, then the assignment: the lock order of TransactionRunner (cancelShift holds the
   * shift while it reaches for its assignments). Undefined when there is no such assignment.
   */
  async lockWithPlacement(manager: EntityManager, assignmentId: string, shiftLock: ShiftLock): Promise<LockedAssignment | undefined> {
    await manager.query(`SELECT 1 FROM shifts WHERE id = (SELECT shift_id FROM assignments WHERE id = $1) FOR ${shiftLock}`, [assignmentId]);
    const [row] = await manager.query<LockedRow[]>(
      `SELECT a.id, a.event_id, a.status, a.starts_at, a.ends_at, a.checked_in_at, a.checked_out_at, s.venue_id, s.team_id, m.user_id
         FROM assignments a
         JOIN shifts s ON s.id = a.shift_id
         JOIN staff_members m ON m.id = a.staff_member_id
        WHERE a.id = $1 FOR UPDATE OF a`,
      [assignmentId],
    );
    return row && toLocked(row);
  }
}

const toLocked = (row: LockedRow): LockedAssignment => ({
  id: row.id,
  eventId: row.event_id,
  status: row.status,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  checkedInAt: row.checked_in_at,
  checkedOutAt: row.checked_out_at,
  venueId: row.venue_id,
  teamId: row.team_id,
  userId: row.user_id,
});
