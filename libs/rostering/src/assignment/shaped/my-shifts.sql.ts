import { passThroughWhenShaped, RequestedFields, ResponseShape, SqlParams } from '@baton/graphql';
import { shiftJson, shiftText } from '@baton/scheduling';
import { assignmentJsonPairs, assignmentText } from '../../graph/assignment-json';
import { ACTIVE_STATUSES } from '../assignment.entity';

passThroughWhenShaped('Assignment', 'shift');

const ACTIVE = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

export interface MyShiftsWindow {
  userId: string;
  from: Date;
  to: Date;
  includeInactive: boolean;
  limit: number;
}

/**
 * `myShifts` and what was asked under it (the shift, the person, rule notes) as one statement
 * returning one JSON array, under the list's rules: the caller's own assignments (through their
 * staff records), in the window, active only unless asked otherwise, oldest first. The shift is
 * the one of the assignment, whatever its state, as ShiftByIdLoader gives it. Null when the
 * selection asks for what SQL cannot give (attendance): the entity path answers.
 */
export function myShiftsStatement(requested: RequestedFields, window: MyShiftsWindow): { sql: string; params: unknown[] } | null {
  const pairs = assignmentJsonPairs(requested);
  if (!pairs) return null;
  const shift = requested.get('shift');
  if (shift) pairs.push(`'shift', ${shiftJson(shift)}`);
  // `{ __typename }` alone: an object per assignment all the same.
  if (!pairs.length) pairs.push(`'id', a.id`);
  return mine(`json_build_object(${pairs.join(', ')})`, !!shift, window, '');
}

/**
 * The same list as the JSON text of the answer itself (the client's keys and order), for the
 * resolver to hand over as it is; null when the selection asks for what SQL cannot write.
 */
export function myShiftsText(shape: ResponseShape, window: MyShiftsWindow): { sql: string; params: unknown[] } | null {
  let joinsShift = false;
  const row = assignmentText(shape, (field, under) => {
    if (field.name !== 'shift') return null;
    joinsShift = true;
    return shiftText(under);
  });
  return row ? mine(row, joinsShift, window, '::text') : null;
}

function mine(row: string, joinsShift: boolean, window: MyShiftsWindow, cast: string): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const status = window.includeInactive ? '' : `AND a.status IN (${ACTIVE})`;
  const sql = `SELECT coalesce(json_agg(mine.row ORDER BY mine.starts_at, mine.id), '[]'::json)${cast} AS rows
    FROM (SELECT a.starts_at, a.id, ${row} AS row
            FROM assignments a JOIN staff_members m ON m.id = a.staff_member_id
            ${joinsShift ? 'JOIN shifts s ON s.id = a.shift_id' : ''}
           WHERE m.user_id = ${params.add(window.userId)} AND a.starts_at < ${params.add(window.to)} AND a.ends_at > ${params.add(window.from)} ${status}
           ORDER BY a.starts_at, a.id
           LIMIT ${params.add(window.limit)}) mine`;
  return { sql, params: params.values };
}
