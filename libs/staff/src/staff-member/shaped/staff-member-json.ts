import { onlyFields, passThroughWhenShaped, RequestedFields } from '@baton/graphql';

/** toStaffMemberObject's fields, contact aside: the columns any viewer of the record may see. */
const COLUMNS = [
  `'id', m.id`,
  `'eventId', m.event_id`,
  `'userId', m.user_id`,
  `'organisationId', m.organisation_id`,
  `'teamId', m.team_id`,
  `'homeVenueId', m.home_venue_id`,
  `'displayName', m.display_name`,
  `'employmentType', m.employment_type`,
  `'languages', m.languages`,
  `'accreditationZones', m.accreditation_zones`,
  `'accreditationStatus', m.accreditation_status`,
  `'externalRef', m.external_ref`,
].join(', ');

/** Fields of a shaped staff member: its columns, and edges whose resolvers start from its ids. */
const SHAPEABLE = new Set([
  ...COLUMNS.split(', ').map((pair) => pair.slice(1, pair.indexOf("'", 1))),
  'skills',
  'event',
  'organisation',
  'team',
  'homeVenue',
  'user',
]);
const SKILL_FIELDS = new Set(['skillId', 'code', 'name', 'level', 'skill']);

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
  return `json_build_object(${COLUMNS}${skills ? `, 'skills', ${SKILLS}` : ''})`;
}
