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

interface SkillRow {
  staff_member_id: string;
  skill_id: string;
  level: number;
}

interface NeighbourRow {
  staff_member_id: string;
  shift_id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
}

interface AvailabilityRow {
  staff_member_id: string;
  kind: AvailabilityFacts['kind'];
  starts_at: Date;
  ends_at: Date;
}

const STAFF_COLUMNS = 'id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones';

/**
 * Gathers what the rules need in a handful of indexed queries, for one candidate or many: the
 * same statements whatever their number. A person is an account: the working-time and overlap
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
    const [shift] = await manager.query<ShiftRow[]>(
      `SELECT s.id, s.event_id, s.venue_id, s.team_id, s.status, s.starts_at, s.ends_at, s.headcount, s.active_count, v.time_zone, v.zones
         FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [shiftId],
    );
    if (!shift) return undefined;
    const required = await manager.query<RequiredSkillRow[]>(
      `SELECT r.skill_id, r.min_level, k.code FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = $1`,
      [shiftId],
    );
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
      requiredSkills: required.map((r) => ({ skillId: r.skill_id, code: r.code, minLevel: r.min_level })),
    };
  }

  /**
   * The candidates' facts for one shift. `locked` are staff rows already read under lock
   * (`lockPerson`): they are used as read, not read again.
   */
  async loadCandidates(manager: EntityManager, shift: LoadedShift, staffMemberIds: string[], locked: StaffRow[] = []): Promise<Map<string, CandidateFacts>> {
    if (!staffMemberIds.length) return new Map();
    const known = new Map(locked.map((row) => [row.id, row]));
    const unread = staffMemberIds.filter((id) => !known.has(id));
    const staff = unread.length ? await manager.query<StaffRow[]>(`SELECT ${STAFF_COLUMNS} FROM staff_members WHERE id = ANY($1::uuid[])`, [unread]) : [];
    for (const row of staff) known.set(row.id, row);
    const found = staffMemberIds.filter((id) => known.has(id));
    if (!found.length) return new Map();
    // One after the other: inside a transaction they share one connection anyway.
    const skills = await manager.query<SkillRow[]>(`SELECT staff_member_id, skill_id, level FROM staff_member_skills WHERE staff_member_id = ANY($1::uuid[])`, [
      found,
    ]);
    // Each person's other records (other events), answered for the record asked about.
    const others = await manager.query<Array<{ asked: string; id: string }>>(
      `SELECT m.id AS asked, r.id FROM staff_members m JOIN staff_members r ON r.user_id = m.user_id AND r.id <> m.id
        WHERE m.id = ANY($1::uuid[]) AND m.user_id IS NOT NULL`,
      [found],
    );
    const askedFor = new Map<string, string>(found.map((id) => [id, id]));
    for (const o of others) askedFor.set(o.id, o.asked);
    const neighbours = await manager.query<NeighbourRow[]>(NEIGHBOURS_SQL, [[...askedFor.keys()], shift.startsAt, shift.endsAt]);
    const availability = await manager.query<AvailabilityRow[]>(
      `SELECT staff_member_id, kind, starts_at, ends_at FROM availability_periods WHERE staff_member_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [found, shift.startsAt, shift.endsAt],
    );
    const skillsBy = groupBy(skills, (s) => s.staff_member_id);
    const neighboursBy = groupBy(neighbours, (n) => askedFor.get(n.staff_member_id)!);
    const availabilityBy = groupBy(availability, (a) => a.staff_member_id);
    const result = new Map<string, CandidateFacts>();
    for (const id of found) {
      const mine = neighboursBy.get(id) ?? [];
      result.set(id, {
        staff: toStaff(known.get(id)!, skillsBy.get(id) ?? []),
        neighbours: mine.filter((n) => n.shift_id !== shift.id).map(toNeighbour),
        alreadyOnShift: mine.some((n) => n.shift_id === shift.id),
        availability: (availabilityBy.get(id) ?? []).map((a) => ({ kind: a.kind, startsAt: a.starts_at, endsAt: a.ends_at })),
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

/** Active assignments of some staff records near a shift, each with its own venue's zone. */
const NEIGHBOURS_SQL = `
  SELECT a.staff_member_id, a.shift_id, a.event_id, a.starts_at, a.ends_at, v.time_zone
    FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
   WHERE a.staff_member_id = ANY($1::uuid[]) AND a.status IN ('ASSIGNED', 'CONFIRMED')
     AND a.starts_at < $3::timestamptz + ${NEIGHBOUR_WINDOW} AND a.ends_at > $2::timestamptz - ${NEIGHBOUR_WINDOW}`;

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

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
