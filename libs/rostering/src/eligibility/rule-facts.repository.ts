import { Injectable } from '@nestjs/common';
import { ConflictError } from '@baton/core';
import { EntityManager } from 'typeorm';
import { AvailabilityFacts, Neighbour, ShiftFacts, StaffFacts } from './rule-types';

const NEIGHBOUR_WINDOW = "interval '8 days'";

export interface LoadedFacts {
  shift: ShiftFacts & { venueId: string; teamId: string };
  staff: StaffFacts & { employmentType: string; userId: string | null; email: string | null };
  neighbours: Neighbour[];
  availability: AvailabilityFacts[];
  alreadyOnShift: boolean;
}

/**
 * Gathers what the rules need in a handful of indexed queries. A person is an account: the
 * working-time and overlap rules read the assignments of every staff record of the person (one
 * per event), not only the record being assigned. Records without an account are each their own
 * person, even when they share an email address: an address typed into a staff record proves
 * nothing, and two people may share one (a team mailbox); linking the record to an account
 * (`linkStaffMemberUser`) is what makes it the same person.
 *
 * With `lock`, every staff record of the person is locked (in id order), then the shift: the
 * order of libs/database/src/transaction.ts, so two assignments cannot deadlock, and every change
 * to one person's roster, in any event, and to one shift's places, is serialised.
 */
@Injectable()
export class RuleFactsRepository {
  async load(manager: EntityManager, shiftId: string, staffMemberId: string, lock: boolean): Promise<LoadedFacts | { missing: 'shift' | 'staff' }> {
    const records = lock ? await this.lockPerson(manager, staffMemberId) : await this.personRecords(manager, staffMemberId);
    if (!records) return { missing: 'staff' };
    const [staff] = await manager.query(
      `SELECT id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones FROM staff_members WHERE id = $1`,
      [staffMemberId],
    );
    if (!staff) return { missing: 'staff' };
    const [shift] = await manager.query(
      `SELECT s.id, s.event_id, s.venue_id, s.team_id, s.status, s.starts_at, s.ends_at, s.headcount, s.active_count, v.time_zone, v.zones
         FROM shifts s JOIN venues v ON v.id = s.venue_id WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [shiftId],
    );
    if (!shift) return { missing: 'shift' };
    // One after the other: inside a transaction they share one connection anyway.
    const skills = await manager.query(`SELECT skill_id, level FROM staff_member_skills WHERE staff_member_id = $1`, [staffMemberId]);
    const required = await manager.query(
      `SELECT r.skill_id, r.min_level, k.code FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = $1`,
      [shiftId],
    );
    const neighbours: NeighbourRow[] = await manager.query(NEIGHBOURS_SQL, [records, shift.starts_at, shift.ends_at]);
    const availability = await manager.query(
      `SELECT kind, starts_at, ends_at FROM availability_periods WHERE staff_member_id = $1 AND starts_at < $3 AND ends_at > $2`,
      [staffMemberId, shift.starts_at, shift.ends_at],
    );
    return {
      shift: {
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
        requiredSkills: required.map((r: { skill_id: string; min_level: number; code: string }) => ({
          skillId: r.skill_id,
          code: r.code,
          minLevel: r.min_level,
        })),
      },
      staff: toStaff(staff, skills),
      neighbours: neighbours.filter((n) => n.shift_id !== shiftId).map(toNeighbour),
      alreadyOnShift: neighbours.some((n) => n.shift_id === shiftId),
      availability: availability.map((a: { kind: AvailabilityFacts['kind']; starts_at: Date; ends_at: Date }) => ({
        kind: a.kind,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
      })),
    };
  }

  /**
   * The same facts for many people and one shift, in six statements whatever their number:
   * what the replacement search needs to re-check its candidates with the exact rules.
   */
  async loadMany(manager: EntityManager, shiftId: string, staffMemberIds: string[]): Promise<LoadedFacts[]> {
    if (!staffMemberIds.length) return [];
    const [first] = staffMemberIds;
    const base = await this.load(manager, shiftId, first, false);
    if ('missing' in base) return [];
    const shift = base.shift;
    const staff = await manager.query(
      `SELECT id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones FROM staff_members WHERE id = ANY($1::uuid[])`,
      [staffMemberIds],
    );
    const skills = await manager.query(`SELECT staff_member_id, skill_id, level FROM staff_member_skills WHERE staff_member_id = ANY($1::uuid[])`, [
      staffMemberIds,
    ]);
    // Each person's other records (other events), answered for the record asked about.
    const others: Array<{ asked: string; id: string }> = await manager.query(
      `SELECT m.id AS asked, r.id FROM staff_members m JOIN staff_members r ON r.user_id = m.user_id AND r.id <> m.id
        WHERE m.id = ANY($1::uuid[]) AND m.user_id IS NOT NULL`,
      [staffMemberIds],
    );
    const askedFor = new Map<string, string>(staffMemberIds.map((id) => [id, id]));
    for (const o of others) askedFor.set(o.id, o.asked);
    const neighbours: NeighbourRow[] = await manager.query(NEIGHBOURS_SQL, [[...askedFor.keys()], shift.startsAt, shift.endsAt]);
    const availability = await manager.query(
      `SELECT staff_member_id, kind, starts_at, ends_at FROM availability_periods WHERE staff_member_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [staffMemberIds, shift.startsAt, shift.endsAt],
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows of several queries
    type Row = Record<string, any>;
    const by = (rows: Row[], key: (row: Row) => string = (row) => row.staff_member_id) => {
      const map = new Map<string, Row[]>();
      for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
      return map;
    };
    const skillsBy = by(skills);
    const neighboursBy = by(neighbours, (n) => askedFor.get(n.staff_member_id)!);
    const availabilityBy = by(availability);
    return staff.map((m: Row) => {
      const mine = (neighboursBy.get(m.id) ?? []) as NeighbourRow[];
      return {
        shift,
        staff: toStaff(m, (skillsBy.get(m.id) ?? []) as Array<{ skill_id: string; level: number }>),
        neighbours: mine.filter((n) => n.shift_id !== shiftId).map(toNeighbour),
        alreadyOnShift: mine.some((n) => n.shift_id === shiftId),
        availability: (availabilityBy.get(m.id) ?? []).map((a) => ({ kind: a.kind, startsAt: a.starts_at, endsAt: a.ends_at })),
      };
    });
  }

  /** The staff record and the person's other records (same account); undefined if it does not exist. */
  private async personRecords(manager: EntityManager, staffMemberId: string): Promise<string[] | undefined> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT r.id FROM staff_members m JOIN staff_members r ON r.id = m.id OR r.user_id = m.user_id WHERE m.id = $1`,
      [staffMemberId],
    );
    return rows.length ? rows.map((r) => r.id) : undefined;
  }

  /**
   * Locks every record of the person in id order. If the record is linked to another account
   * while we wait, the records of that account are locked too; a third change in a row gives up
   * with a retryable CONFLICT rather than chase a moving target.
   */
  private async lockPerson(manager: EntityManager, staffMemberId: string): Promise<string[] | undefined> {
    const [first] = await manager.query(`SELECT user_id FROM staff_members WHERE id = $1`, [staffMemberId]);
    if (!first) return undefined;
    let userId: string | null = first.user_id;
    for (let attempt = 0; attempt < 3; attempt++) {
      const locked: Array<{ id: string; user_id: string | null }> = await manager.query(
        `SELECT id, user_id FROM staff_members WHERE id = $1 OR user_id = $2 ORDER BY id FOR UPDATE`,
        [staffMemberId, userId],
      );
      const mine = locked.find((r) => r.id === staffMemberId);
      if (!mine) return undefined;
      if (mine.user_id === userId) return locked.filter((r) => r.id === staffMemberId || (userId !== null && r.user_id === userId)).map((r) => r.id);
      userId = mine.user_id;
    }
    throw new ConflictError('This staff record is being linked to an account right now; try again', { retryable: true, staffMemberId });
  }
}

interface NeighbourRow {
  staff_member_id: string;
  shift_id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
}

/** Active assignments of some staff records near a shift, each with its own venue's zone. */
const NEIGHBOURS_SQL = `
  SELECT a.staff_member_id, a.shift_id, a.event_id, a.starts_at, a.ends_at, v.time_zone
    FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
   WHERE a.staff_member_id = ANY($1::uuid[]) AND a.status IN ('ASSIGNED', 'CONFIRMED')
     AND a.starts_at < $3::timestamptz + ${NEIGHBOUR_WINDOW} AND a.ends_at > $2::timestamptz - ${NEIGHBOUR_WINDOW}`;

const toNeighbour = (n: NeighbourRow): Neighbour => ({
  shiftId: n.shift_id,
  eventId: n.event_id,
  startsAt: n.starts_at,
  endsAt: n.ends_at,
  timeZone: n.time_zone,
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows
function toStaff(m: Record<string, any>, skills: Array<{ skill_id: string; level: number }>): LoadedFacts['staff'] {
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
