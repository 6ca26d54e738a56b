import { WORK_RULE_ROW_COLUMNS, type WorkRuleRow } from '@baton/scheduling';
import type { AvailabilityFacts, ShiftFacts, StaffFacts } from './rule-types';

const NEIGHBOUR_WINDOW = "interval '8 days'";

export interface ShiftRow {
  id: string;
  event_id: string;
  venue_id: string;
  team_id: string;
  status: ShiftFacts['status'];
  starts_at: Date;
  ends_at: Date;
  headcount: number;
  active_count: number;
  time_zone: string;
  zones: string[] | null;
  required: Array<{ skill_id: string; min_level: number; code: string }>;
  /** The event's stored rule sets: they ride along, the rules are the shift's event's. */
  rules: WorkRuleRow[];
}

export interface StaffRow {
  id: string;
  event_id: string;
  user_id: string | null;
  email: string | null;
  employment_type: string;
  accreditation_status: StaffFacts['accreditationStatus'];
  accreditation_zones: string[] | null;
}

export interface CandidateRow extends Partial<StaffRow> {
  id: string;
  skills: Array<{ skill_id: string; level: number }>;
  neighbours: Array<{ shift_id: string; event_id: string; time_zone: string; starts_at: number; ends_at: number }>;
  availability: Array<{ kind: AvailabilityFacts['kind']; starts_at: number; ends_at: number }>;
}

export type ShiftWithCandidateRow = ShiftRow & { candidates: CandidateRow[] };

export const STAFF_COLUMNS = 'id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones';

/** The shift's own columns under the alias `sh` (venue `vn`), its required skills and its event's rules. */
const SHIFT_SELECT = `SELECT sh.id, sh.event_id, sh.venue_id, sh.team_id, sh.status, sh.starts_at, sh.ends_at, sh.headcount, sh.active_count,
         vn.time_zone, vn.zones,
         (SELECT coalesce(json_agg(json_build_object('skill_id', r.skill_id, 'min_level', r.min_level, 'code', k.code)), '[]')
            FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = sh.id) AS required,
         (SELECT coalesce(json_agg(w), '[]') FROM (SELECT ${WORK_RULE_ROW_COLUMNS} FROM work_rule_sets WHERE event_id = sh.event_id) w) AS rules`;
const SHIFT_FROM = `FROM shifts sh JOIN venues vn ON vn.id = sh.venue_id WHERE sh.id = $1`;

export const SHIFT_SQL = `${SHIFT_SELECT} ${SHIFT_FROM}`;
export const LOCKED_SHIFT_SQL = `${SHIFT_SQL} FOR UPDATE OF sh`;

/**
 * The candidates' facts in one statement, each list as JSON (times as epoch milliseconds): the
 * record, its skills, its availability near the shift, and the active assignments near the shift
 * of every record of the person (their other events too), each with its own venue's zone.
 * `from` and `to` are the shift's times: parameters, or the columns of an enclosing statement.
 */
const candidateFactsSql = (asked: string, from: string, to: string) => `
  WITH asked AS (${asked}),
  records AS (
    SELECT a.id AS asked, a.id AS record FROM asked a
    UNION ALL
    SELECT a.id, r.id FROM asked a JOIN staff_members r ON r.user_id = a.user_id AND r.id <> a.id WHERE a.user_id IS NOT NULL
  )
  SELECT a.*,
         (SELECT coalesce(json_agg(json_build_object('skill_id', k.skill_id, 'level', k.level)), '[]')
            FROM staff_member_skills k WHERE k.staff_member_id = a.id) AS skills,
         (SELECT coalesce(json_agg(json_build_object('shift_id', x.shift_id, 'event_id', x.event_id, 'time_zone', v.time_zone,
                   'starts_at', floor(extract(epoch FROM x.starts_at) * 1000), 'ends_at', floor(extract(epoch FROM x.ends_at) * 1000))), '[]')
            FROM records rc JOIN assignments x ON x.staff_member_id = rc.record
            JOIN shifts s ON s.id = x.shift_id JOIN venues v ON v.id = s.venue_id
           WHERE rc.asked = a.id AND x.status IN ('ASSIGNED', 'CONFIRMED')
             AND x.starts_at < ${to} + ${NEIGHBOUR_WINDOW} AND x.ends_at > ${from} - ${NEIGHBOUR_WINDOW}) AS neighbours,
         (SELECT coalesce(json_agg(json_build_object('kind', p.kind,
                   'starts_at', floor(extract(epoch FROM p.starts_at) * 1000), 'ends_at', floor(extract(epoch FROM p.ends_at) * 1000))), '[]')
            FROM availability_periods p WHERE p.staff_member_id = a.id AND p.starts_at < ${to} AND p.ends_at > ${from}) AS availability
    FROM asked a`;

const FROM_PARAM = '$2::timestamptz';
const TO_PARAM = '$3::timestamptz';

/** Records read here ($1: ids). */
export const READ_CANDIDATES_SQL = candidateFactsSql(`SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = ANY($1::uuid[])`, FROM_PARAM, TO_PARAM);
/** Records already read under lock ($1: JSON of ids and accounts): only their facts are read. */
export const KNOWN_CANDIDATES_SQL = candidateFactsSql(
  `SELECT x.id, x.user_id FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid)`,
  FROM_PARAM,
  TO_PARAM,
);
/**
 * One record already read under lock ($1: id, $4: account). Plain parameters rather than a
 * list, so PostgreSQL can keep one generic plan for the prepared statement instead of planning
 * it on every assign (a list's length is unknown to a generic plan, which then looks costlier).
 */
export const KNOWN_CANDIDATE_SQL = candidateFactsSql(`SELECT $1::uuid AS id, $4::uuid AS user_id`, FROM_PARAM, TO_PARAM);

/**
 * The shift, its event's rules and one candidate's facts in one round trip ($1: shift, $2:
 * record), bounded by the shift's own times: what assign and checkAssignment judge from before
 * taking any lock. One record (not a list) for the same reason as KNOWN_CANDIDATE_SQL.
 */
export const SHIFT_WITH_CANDIDATE_SQL = `${SHIFT_SELECT},
         (SELECT coalesce(json_agg(c), '[]') FROM (${candidateFactsSql(
           `SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = $2::uuid`,
           'sh.starts_at',
           'sh.ends_at',
         )}) c) AS candidates
    ${SHIFT_FROM}`;

/**
 * Every record of the person of $1, locked in id order; `asked_user_id` is the account the
 * records were chosen by (read before the lock): when the locked record's account differs, it
 * was relinked meanwhile and the caller locks again by the new account.
 */
export const LOCK_PERSON_SQL = `SELECT ${STAFF_COLUMNS}, (SELECT user_id FROM staff_members WHERE id = $1) AS asked_user_id
    FROM staff_members WHERE id = $1 OR user_id = (SELECT user_id FROM staff_members WHERE id = $1) ORDER BY id FOR UPDATE`;
/** The same by a known account ($2), after a relink was seen. */
export const LOCK_PERSON_BY_ACCOUNT_SQL = `SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = $1 OR user_id = $2 ORDER BY id FOR UPDATE`;
