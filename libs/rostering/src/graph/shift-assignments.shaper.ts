import { Injectable, OnModuleInit } from '@nestjs/common';
import { Actor } from '@baton/auth';
import { passThroughWhenShaped, RequestedFields } from '@baton/graphql';
import { ShiftFieldShaper, ShiftFieldShapers, ShiftObject } from '@baton/scheduling';
import { seesWholeRoster } from '../access/roster-access';
import { rosterViewer } from '../access/roster-viewer';
import { ACTIVE_STATUSES } from '../assignment/assignment.entity';
import { assignmentJsonPairs } from './assignment-json';

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

  finish(shift: ShiftObject, value: unknown, actor: Actor): unknown {
    const all = value as ShapedAssignment[];
    return seesWholeRoster(rosterViewer(actor), shift) ? all : all.filter((a) => a[HOLDER] === actor.userId);
  }
}
