import { jsonObjectSql, onlyFields, passThroughWhenShaped, RequestedFields, ResponseShape } from '@baton/graphql';

/** toStaffMemberObject's fields, contact aside: the columns any viewer of the record may see. */
const COLUMNS = new Map([
  ['id', 'm.id'],
  ['eventId', 'm.event_id'],
  ['userId', 'm.user_id'],
  ['organisationId', 'm.organisation_id'],
  ['teamId', 'm.team_id'],
  ['homeVenueId', 'm.home_venue_id'],
  ['displayName', 'm.display_name'],
  ['employmentType', 'm.employment_type'],
  ['languages', 'm.languages'],
  ['accreditationZones', 'm.accreditation_zones'],
  ['accreditationStatus', 'm.accreditation_status'],
  ['externalRef', 'm.external_ref'],
]);
/** Edges whose resolvers start from the shaped object: the column each one reads. */
const EDGES = new Map([
  ['event', 'eventId'],
  ['organisation', 'organisationId'],
  ['team', 'teamId'],
  ['homeVenue', 'homeVenueId'],
  ['user', 'userId'],
]);
const SHAPEABLE = new Set([...COLUMNS.keys(), ...EDGES.keys(), 'skills']);
const SKILL_FIELDS = new Set(['skillId', 'code', 'name', 'level', 'skill']);

const SKILL_COLUMNS = new Map([
  ['skillId', 'k.skill_id'],
  ['code', 'sk.code'],
  ['name', 'sk.name'],
  ['level', 'k.level'],
]);

// StaffMemberLoader's and StaffSkillsLoader's order and fields: by code.
const SKILLS = `(SELECT coalesce(json_agg(json_build_object('skillId', k.skill_id, 'code', sk.code, 'name', sk.name, 'level', k.level) ORDER BY sk.code), '[]'::json)
     FROM staff_member_skills k JOIN skills sk ON sk.id = k.skill_id WHERE k.staff_member_id = m.id)`;

passThroughWhenShaped('StaffMember', 'skills');

/**
 * The staff member row `m` as the JSON of a StaffMemberObject with what was asked under it, for
 * callers that shape a whole roster in one statement and have decided the viewer may see the
 * record. Null when the selection asks for what SQL cannot give: `contact` (the phone is sealed,
 * and who may see it is decided per viewer by canSeeContact), so the caller's loader answers.
 */
export function staffMemberJson(requested: RequestedFields): string | null {
  if (!onlyFields(requested, SHAPEABLE)) return null;
  const skills = requested.get('skills');
  if (skills && !onlyFields(skills, SKILL_FIELDS)) return null;
  // Only what is asked for and what the edges asked for read: the JSON is most of the work.
  const wanted = new Set([...requested.keys()].map((name) => EDGES.get(name) ?? name));
  const pairs = [...COLUMNS].filter(([name]) => wanted.has(name)).map(([name, sql]) => `'${name}', ${sql}`);
  if (skills) pairs.push(`'skills', ${SKILLS}`);
  return pairs.length ? `json_build_object(${pairs.join(', ')})` : `json_build_object('id', m.id)`;
}

/**
 * The staff member row `m` as the JSON text of the answer itself (the client's keys and order),
 * for callers that write a whole roster as text, under staffMemberJson's rule: null for what SQL
 * cannot give (contact, the edges to other records), and the caller takes its object path.
 */
export function staffMemberText(shape: ResponseShape): string | null {
  return jsonObjectSql(shape, (field) => {
    if (field.name !== 'skills') return field.shape ? null : (COLUMNS.get(field.name) ?? null);
    const skill = field.shape && jsonObjectSql(field.shape, (f) => (f.shape ? null : (SKILL_COLUMNS.get(f.name) ?? null)));
    return (
      skill &&
      `(SELECT coalesce(json_agg(${skill} ORDER BY sk.code), '[]'::json)
     FROM staff_member_skills k JOIN skills sk ON sk.id = k.skill_id WHERE k.staff_member_id = m.id)`
    );
  });
}
