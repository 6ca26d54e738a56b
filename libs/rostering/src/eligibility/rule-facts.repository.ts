import { Injectable } from '@nestjs/common';
import { ConflictError } from '@baton/core';
import { EntityManager } from 'typeorm';
import { AvailabilityFacts, Neighbour, ShiftFacts, StaffFacts } from './rule-types';

const NEIGHBOUR_WINDOW = "interval '8 days'";

export type LoadedShift = ShiftFacts & { venueId: string; teamId: string };
export type LoadedStaff = StaffFacts & { employmentType: string; userId: string | null; email: string | null };

/** What the rules need to know of one candidate for one shift (the shift itself aside). */
export interface CandidateFacts {
  staff: LoadedStaff;
  neighbours: Neighbour[];
  availability: AvailabilityFacts[];
  alreadyOnShift: boolean;
}

interface ShiftRow {
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
  required: RequiredSkillRow[];
}

interface RequiredSkillRow {
  skill_id: string;
  min_level: number;
  code: string;
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

interface NeighbourRow {
  shift_id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
}

interface CandidateRow extends Partial<StaffRow> {
  id: string;
  skills: Array<{ skill_id: string; level: number }>;
  neighbours: Array<Omit<NeighbourRow, 'starts_at' | 'ends_at'> & { starts_at: number; ends_at: number }>;
  availability: Array<{ kind: AvailabilityFacts['kind']; starts_at: number; ends_at: number }>;
}

const STAFF_COLUMNS = 'id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones';

/**
 * Gathers what the rules need in two statements (the shift, then the candidates), for one
 * candidate or many: the same statements whatever their number. A person is an account: the working-time and overlap
 * rules read the assignments of every staff record of the person (one per event), not only the
 * record being assigned. Records without an account are each their own person, even when they
 * share an email address: an address typed into a staff record proves nothing, and two people
 * may share one (a team mailbox); linking the record to an account (`linkStaffMemberUser`) is
 * what makes it the same person.
 *
 * Locking (`lockPerson`, then `loadShift(…, true)`): every staff record of the person is locked
 * (in id order), then the shift: the order of libs/database/src/transaction.ts, so two
 * assignments cannot deadlock, and every change to one person's roster, in any event, and to one
 * shift's places, is serialised.
 */
@Injectable()
export class RuleFactsRepository {
  async loadShift(manager: EntityManager, shiftId: string, lock: boolean): Promise<LoadedShift | undefined> {
    // The required skills ride along as JSON: one statement, on the assign path as on reads.
    const [shift] = await manager.query<ShiftRow[]>(
      `SELECT s.id, s.event_id, s.venue_id, s.team_id, s.status, s.starts_at, s.ends_at, s.headcount, s.active_count, v.time_zone, v.zones,
              (SELECT coalesce(json_agg(json_build_object('skill_id', r.skill_id, 'min_level', r.min_level, 'code', k.code)), '[]')
                 FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = s.id) AS required
         FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [shiftId],
    );
    if (!shift) return undefined;
    return {
      id: shift.id,
      eventId: shift.event_id,
      venueId: shift.venue_id,
      teamId: shift.team_id,
      status: shift.status,
      startsAt: shift.starts_at,
      endsAt: shift.ends_at,
      headcount: shift.headcount,
      activeCount: shift.active_count,
      timeZone: shift.time_zone,
      venueZones: shift.zones ?? [],
      requiredSkills: shift.required.map((r) => ({ skillId: r.skill_id, code: r.code, minLevel: r.min_level })),
    };
  }

  /**
   * The candidates' facts for one shift. `locked` are staff rows already read under lock
   * (`lockPerson`): they are used as read, not read again.
   */
  async loadCandidates(manager: EntityManager, shift: LoadedShift, staffMemberIds: string[], locked: StaffRow[] = []): Promise<Map<string, CandidateFacts>> {
    if (!staffMemberIds.length) return new Map();
    const known = new Map(locked.map((row) => [row.id, row]));
    // Rows read under lock are not read again: only their ids and accounts go back to the database.
    const allKnown = staffMemberIds.every((id) => known.has(id));
    const rows = allKnown
      ? await manager.query<CandidateRow[]>(candidateFactsSql(KNOWN_STAFF), [
          JSON.stringify(staffMemberIds.map((id) => ({ id, user_id: known.get(id)!.user_id }))),
          shift.startsAt,
          shift.endsAt,
        ])
      : await manager.query<CandidateRow[]>(candidateFactsSql(READ_STAFF), [staffMemberIds, shift.startsAt, shift.endsAt]);
    const result = new Map<string, CandidateFacts>();
    for (const row of rows) {
      const mine = row.neighbours.map((n) => ({ ...n, starts_at: new Date(n.starts_at), ends_at: new Date(n.ends_at) }));
      result.set(row.id, {
        staff: toStaff(known.get(row.id) ?? (row as StaffRow), row.skills),
        neighbours: mine.filter((n) => n.shift_id !== shift.id).map(toNeighbour),
        alreadyOnShift: mine.some((n) => n.shift_id === shift.id),
        availability: row.availability.map((a) => ({ kind: a.kind, startsAt: new Date(a.starts_at), endsAt: new Date(a.ends_at) })),
      });
    }
    return result;
  }

  /**
   * Locks every record of the person in id order and returns them as read under the lock. If the
   * record is linked to another account while we wait, the records of that account are locked
   * too; a third change in a row gives up with a retryable CONFLICT rather than chase a moving
   * target. Empty when the record does not exist.
   */
  async lockPerson(manager: EntityManager, staffMemberId: string): Promise<StaffRow[]> {
    // Only the link to the account, to know which records to lock; the facts are read under the lock.
    const [first] = await manager.query<Array<{ user_id: string | null }>>(`SELECT user_id FROM staff_members WHERE id = $1`, [staffMemberId]);
    if (!first) return [];
    let userId = first.user_id;
    for (let attempt = 0; attempt < 3; attempt++) {
      const locked = await manager.query<StaffRow[]>(`SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = $1 OR user_id = $2 ORDER BY id FOR UPDATE`, [
        staffMemberId,
        userId,
      ]);
      const mine = locked.find((r) => r.id === staffMemberId);
      if (!mine) return [];
      if (mine.user_id === userId) return locked.filter((r) => r.id === staffMemberId || (userId !== null && r.user_id === userId));
      userId = mine.user_id;
    }
    throw new ConflictError('This staff record is being linked to an account right now; try again', { retryable: true, staffMemberId });
  }
}

/**
 * The candidates' facts in one statement, each list as JSON (times as epoch milliseconds): the
 * record, its skills, its availability near the shift, and the active assignments near the shift
 * of every record of the person (their other events too), each with its own venue's zone.
 */
const READ_STAFF = `SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = ANY($1::uuid[])`;
const KNOWN_STAFF = `SELECT x.id, x.user_id FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, user_id uuid)`;
const candidateFactsSql = (asked: string) => `
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
             AND x.starts_at < $3::timestamptz + ${NEIGHBOUR_WINDOW} AND x.ends_at > $2::timestamptz - ${NEIGHBOUR_WINDOW}) AS neighbours,
         (SELECT coalesce(json_agg(json_build_object('kind', p.kind,
                   'starts_at', floor(extract(epoch FROM p.starts_at) * 1000), 'ends_at', floor(extract(epoch FROM p.ends_at) * 1000))), '[]')
            FROM availability_periods p WHERE p.staff_member_id = a.id AND p.starts_at < $3 AND p.ends_at > $2) AS availability
    FROM asked a`;

const toNeighbour = (n: NeighbourRow): Neighbour => ({
  shiftId: n.shift_id,
  eventId: n.event_id,
  startsAt: n.starts_at,
  endsAt: n.ends_at,
  timeZone: n.time_zone,
});

function toStaff(m: StaffRow, skills: Array<{ skill_id: string; level: number }>): LoadedStaff {
  return {
    id: m.id,
    eventId: m.event_id,
    userId: m.user_id,
    email: m.email,
    employmentType: m.employment_type,
    accreditationStatus: m.accreditation_status,
    accreditationZones: m.accreditation_zones ?? [],
    skills: new Map(skills.map((s) => [s.skill_id, s.level])),
  };
}
