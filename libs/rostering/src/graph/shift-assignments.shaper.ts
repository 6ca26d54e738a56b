import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { passThroughWhenShaped, RequestedFields, ResponseShape, SqlParams } from '@baton/graphql';
import { ShiftFieldShaper, ShiftFieldShapers, ShiftObject } from '@baton/scheduling';
import { seesWholeRoster } from '../access/roster-access';
import { seesWholeRosterSql } from '../access/roster-access.sql';
import { rosterViewer } from '../access/roster-viewer';
import { ACTIVE_STATUSES } from '../assignment/assignment.entity';
import { assignmentJsonPairs, assignmentText } from './assignment-json';

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
    const pairs = assignmentJsonPairs(requested);
    if (!pairs) return null;
    pairs.push(`'${HOLDER}', m.user_id`);
    return `(SELECT coalesce(json_agg(json_build_object(${pairs.join(', ')}) ORDER BY a.created_at, a.id), '[]'::json)
       FROM assignments a JOIN staff_members m ON m.id = a.staff_member_id
      WHERE a.shift_id = s.id AND a.status IN (${ACTIVE}))`;
  }

  /** `finish`'s rule in the statement: every assignment where the viewer sees the whole roster, their own elsewhere. */
  text(shape: ResponseShape, params: SqlParams, actor: Actor): string | null {
    const row = assignmentText(shape);
    if (!row) return null;
    const visible = `(${seesWholeRosterSql(rosterViewer(actor), params)} OR m.user_id = ${params.add(actor.userId)})`;
    return `(SELECT coalesce(json_agg(${row} ORDER BY a.created_at, a.id), '[]'::json)
       FROM assignments a JOIN staff_members m ON m.id = a.staff_member_id
      WHERE a.shift_id = s.id AND a.status IN (${ACTIVE}) AND ${visible})`;
  }

  finish(shift: ShiftObject, value: unknown, actor: Actor): unknown {
    const all = value as ShapedAssignment[];
    return seesWholeRoster(rosterViewer(actor), shift) ? all : all.filter((a) => a[HOLDER] === actor.userId);
  }
}
