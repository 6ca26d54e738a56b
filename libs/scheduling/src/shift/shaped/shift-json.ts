import { isoTimestamp, jsonObjectSql, RequestedFields, ResponseField, ResponseShape } from '@baton/graphql';

/** Every column of ShiftObject as toShiftObject maps it, as JSON pairs over the shift row `s`. */
export const SHIFT_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['id', 's.id'],
  ['eventId', 's.event_id'],
  ['venueId', 's.venue_id'],
  ['teamId', 's.team_id'],
  ['roleTitle', 's.role_title'],
  ['startsAt', isoTimestamp('s.starts_at')],
  ['endsAt', isoTimestamp('s.ends_at')],
  ['headcount', 's.headcount'],
  ['assignedCount', 's.active_count'],
  ['openPlaces', 'greatest(0, s.headcount - s.active_count)'],
  ['status', 's.status'],
  ['notes', 's.notes'],
];
const COLUMN_SQL = new Map(SHIFT_COLUMNS);
const COLUMN_NAMES = new Set(COLUMN_SQL.keys());

/**
 * The shift row `s` as the JSON of a ShiftObject, for callers that reach a shift through an edge
 * they shape in SQL (my shifts). Only the columns asked for when the selection is columns only;
 * every column as soon as it asks for a field with its own resolver (venue, requiredSkills,
 * assignments…), which then runs as usual from the ids and times the object carries.
 */
export function shiftJson(requested: RequestedFields): string {
  const onlyColumns = [...requested.keys()].every((name) => name === '__typename' || COLUMN_NAMES.has(name));
  const pairs = SHIFT_COLUMNS.filter(([name]) => !onlyColumns || requested.has(name));
  // `{ __typename }` alone still needs an object: graphql-js answers the name itself.
  return `json_build_object(${(pairs.length ? pairs : SHIFT_COLUMNS.slice(0, 1)).map(([name, sql]) => `'${name}', ${sql}`).join(', ')})`;
}

/**
 * The shift row `s` as the JSON text of the answer itself (the client's keys and order). `edge`
 * writes the fields below the shift other libs shape (null: it cannot); without it, a selection
 * with any field below the shift cannot be written, and the caller takes its object path.
 */
export function shiftText(shape: ResponseShape, edge: (field: ResponseField, under: ResponseShape) => string | null = () => null): string | null {
  return jsonObjectSql(shape, (field) => (field.shape ? edge(field, field.shape) : (COLUMN_SQL.get(field.name) ?? null)));
}
