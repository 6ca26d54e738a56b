import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { isoTimestamp, onlyFields, passThroughWhenShaped, RequestedFields } from '@baton/graphql';
import { ShiftFieldShaper, ShiftFieldShapers, ShiftObject } from '@baton/scheduling';
import { staffMemberJson } from '@baton/staff';
import { seesWholeRoster } from '../access/roster-access';
import { ACTIVE_STATUSES } from '../assignment/assignment.entity';
import { rosterViewer } from '../access/roster-viewer';

/** toAssignmentObject's fields but ruleNotes (the biggest, added below when asked for). */
const COLUMNS: Array<[string, string]> = [
  ['id', 'a.id'],
  ['eventId', 'a.event_id'],
  ['shiftId', 'a.shift_id'],
  ['staffMemberId', 'a.staff_member_id'],
  ['startsAt', isoTimestamp('a.starts_at')],
  ['endsAt', isoTimestamp('a.ends_at')],
  ['status', 'a.status'],
  ['source', 'a.source'],
  ['assignedById', 'a.assigned_by_id'],
  ['overrideReason', 'a.override_reason'],
  ['checkedInAt', isoTimestamp('a.checked_in_at')],
  ['checkedOutAt', isoTimestamp('a.checked_out_at')],
  ['createdAt', isoTimestamp('a.created_at')],
  ['updatedAt', isoTimestamp('a.updated_at')],
];
/** Edges whose resolvers start from the shaped object: the column each one reads. */
const EDGES = new Map([
  ['shift', 'shiftId'],
  ['event', 'eventId'],
  ['assignedBy', 'assignedById'],
  ['staffMember', 'staffMemberId'],
  ['ruleNotes', 'ruleNotes'],
]);
/**
 * Columns and edges. `attendance` is not here: it compares Date objects with the clock, so a
 * selection with it takes the DataLoader path.
 */
const SHAPEABLE = new Set([...COLUMNS.map(([name]) => name), ...EDGES.keys()]);
/** The account of the person on the assignment, for the per-shift rule below; never a GraphQL field. */
const HOLDER = '_holderUserId';
const ACTIVE = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

type ShapedAssignment = { [HOLDER]: string | null };

passThroughWhenShaped('Shift', 'assignments');
passThroughWhenShaped('Assignment', 'staffMember');

/**
 * `Shift.assignments` (and the people on them) inside the shift list's one statement, under
 * ShiftAssignmentsResolver's rule: the whole roster for coordinators covering the shift's venue
 * and team, only their own assignment for anyone else, decided per shift after the statement by
 * the same function. The staff member is visible to whoever sees the assignment (as with
 * StaffByIdLoader); a selection asking for contact details leaves it to that loader.
 */
@Injectable()
export class ShiftAssignmentsShaper implements ShiftFieldShaper, OnModuleInit {
  readonly field = 'assignments';

  constructor(private readonly shapers: ShiftFieldShapers) {}

  onModuleInit(): void {
    this.shapers.register(this);
  }

  sql(requested: RequestedFields): string | null {
    if (!onlyFields(requested, SHAPEABLE)) return null;
    // Only what is asked for and what the edges read: the JSON is most of the statement's work.
    const wanted = new Set([...requested.keys()].map((name) => EDGES.get(name) ?? name));
    const pairs = COLUMNS.filter(([name]) => wanted.has(name)).map(([name, sql]) => `'${name}', ${sql}`);
    if (wanted.has('ruleNotes')) pairs.push(`'ruleNotes', a.rule_notes`);
    const staff = requested.get('staffMember');
    const staffSql = staff && staffMemberJson(staff);
    if (staffSql) pairs.push(`'staffMember', ${staffSql}`);
    pairs.push(`'${HOLDER}', m.user_id`);
    return `(SELECT coalesce(json_agg(json_build_object(${pairs.join(', ')}) ORDER BY a.created_at, a.id), '[]'::json)
       FROM assignments a JOIN staff_members m ON m.id = a.staff_member_id
      WHERE a.shift_id = s.id AND a.status IN (${ACTIVE}))`;
  }

  finish(shift: ShiftObject, value: unknown, actor: Actor): unknown {
    const all = value as ShapedAssignment[];
    return seesWholeRoster(rosterViewer(actor), shift) ? all : all.filter((a) => a[HOLDER] === actor.userId);
  }
}
