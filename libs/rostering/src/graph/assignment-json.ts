import { isoTimestamp, jsonObjectSql, onlyFields, RequestedFields, ResponseField, ResponseShape } from '@baton/graphql';
import { staffMemberJson, staffMemberText } from '@baton/staff';

/** toAssignmentObject's fields but ruleNotes (the biggest, added only when asked for). */
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
const COLUMN_SQL = new Map(COLUMNS);

/**
 * The JSON pairs of an AssignmentObject over the assignment row `a` and its staff member row `m`,
 * for the statements that shape assignments in SQL (a roster's shifts, my shifts); null when the
 * selection asks for a field SQL cannot give. The staff member is shaped only when the caller
 * has decided the viewer may see it and the selection allows (no contact details): otherwise its
 * loader answers, with its own rule.
 */
export function assignmentJsonPairs(requested: RequestedFields): string[] | null {
  if (!onlyFields(requested, SHAPEABLE)) return null;
  // Only what is asked for and what the edges read: the JSON is most of the statement's work.
  const wanted = new Set([...requested.keys()].map((name) => EDGES.get(name) ?? name));
  const pairs = COLUMNS.filter(([name]) => wanted.has(name)).map(([name, sql]) => `'${name}', ${sql}`);
  if (wanted.has('ruleNotes')) pairs.push(`'ruleNotes', a.rule_notes`);
  const staff = requested.get('staffMember');
  const staffSql = staff && staffMemberJson(staff);
  if (staffSql) pairs.push(`'staffMember', ${staffSql}`);
  return pairs;
}

/**
 * The assignment row `a` and its staff member row `m` as the JSON text of the answer itself (the
 * client's keys and order), for statements that write a whole roster as text; the caller has
 * decided the viewer may see each row it reads. `edge` writes the other edges it joined (my
 * shifts' `shift`); null when a field cannot be written (rule notes, attendance, contact…).
 */
export function assignmentText(shape: ResponseShape, edge: (field: ResponseField, under: ResponseShape) => string | null = () => null): string | null {
  return jsonObjectSql(shape, (field) => {
    if (!field.shape) return COLUMN_SQL.get(field.name) ?? null;
    return field.name === 'staffMember' ? staffMemberText(field.shape) : edge(field, field.shape);
  });
}
