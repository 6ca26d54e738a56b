import { ShiftObject } from './dto/shift.dto';
import { ShiftEntity } from './shift.entity';

/** Explicit mapping: createdById and timestamps stay internal. */
export function toShiftObject(s: ShiftEntity): ShiftObject {
  return {
    id: s.id,
    eventId: s.eventId,
    venueId: s.venueId,
    teamId: s.teamId,
    roleTitle: s.roleTitle,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    headcount: s.headcount,
    assignedCount: s.activeCount,
    openPlaces: Math.max(0, s.headcount - s.activeCount),
    status: s.status,
    notes: s.notes,
  };
}
