import { AssignmentObject } from './dto/assignment.dto';
import { AssignmentEntity } from './assignment.entity';

export function toAssignmentObject(a: AssignmentEntity): AssignmentObject {
  return {
    id: a.id,
    eventId: a.eventId,
    shiftId: a.shiftId,
    staffMemberId: a.staffMemberId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    status: a.status,
    source: a.source,
    assignedById: a.assignedById,
    ruleNotes: a.ruleNotes,
    overrideReason: a.overrideReason,
    checkedInAt: a.checkedInAt,
    checkedOutAt: a.checkedOutAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
