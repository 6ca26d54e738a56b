import { Injectable } from '@nestjs/common';
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
 * Gathers what the rules need in a handful of indexed queries. With `lock`, the staff member
 * and then the shift are locked (always in that order, so two assignments cannot deadlock):
 * every change to one person's roster, and to one shift's places, is serialised.
 */
@Injectable()
export class RuleFactsRepository {
  async load(manager: EntityManager, shiftId: string, staffMemberId: string, lock: boolean): Promise<LoadedFacts | { missing: 'shift' | 'staff' }> {
    const forUpdate = lock ? 'FOR UPDATE' : '';
    const [staff] = await manager.query(
      `SELECT id, event_id, user_id, email, employment_type, accreditation_status, accreditation_zones FROM staff_members WHERE id = $1 ${forUpdate}`,
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
    const neighbours = await manager.query(
      `SELECT shift_id, starts_at, ends_at FROM assignments
          WHERE staff_member_id = $1 AND status IN ('ASSIGNED', 'CONFIRMED')
            AND starts_at < $3::timestamptz + ${NEIGHBOUR_WINDOW} AND ends_at > $2::timestamptz - ${NEIGHBOUR_WINDOW}`,
      [staffMemberId, shift.starts_at, shift.ends_at],
    );
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
      staff: {
        id: staff.id,
        eventId: staff.event_id,
        userId: staff.user_id,
        email: staff.email,
        employmentType: staff.employment_type,
        accreditationStatus: staff.accreditation_status,
        accreditationZones: staff.accreditation_zones ?? [],
        skills: new Map(skills.map((s: { skill_id: string; level: number }) => [s.skill_id, s.level])),
      },
      neighbours: neighbours
        .filter((n: { shift_id: string }) => n.shift_id !== shiftId)
        .map((n: { shift_id: string; starts_at: Date; ends_at: Date }) => ({ shiftId: n.shift_id, startsAt: n.starts_at, endsAt: n.ends_at })),
      alreadyOnShift: neighbours.some((n: { shift_id: string }) => n.shift_id === shiftId),
      availability: availability.map((a: { kind: AvailabilityFacts['kind']; starts_at: Date; ends_at: Date }) => ({
        kind: a.kind,
        startsAt: a.starts_at,
        endsAt: a.ends_at,
      })),
    };
  }

  /**
   * The same facts for many people and one shift, in five statements whatever their number:
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
    const neighbours = await manager.query(
      `SELECT staff_member_id, shift_id, starts_at, ends_at FROM assignments
        WHERE staff_member_id = ANY($1::uuid[]) AND status IN ('ASSIGNED', 'CONFIRMED')
          AND starts_at < $3::timestamptz + ${NEIGHBOUR_WINDOW} AND ends_at > $2::timestamptz - ${NEIGHBOUR_WINDOW}`,
      [staffMemberIds, shift.startsAt, shift.endsAt],
    );
    const availability = await manager.query(
      `SELECT staff_member_id, kind, starts_at, ends_at FROM availability_periods WHERE staff_member_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2`,
      [staffMemberIds, shift.startsAt, shift.endsAt],
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows of four different queries
    type Row = Record<string, any>;
    const by = (rows: Row[]) => {
      const map = new Map<string, Row[]>();
      for (const row of rows) map.set(row.staff_member_id, [...(map.get(row.staff_member_id) ?? []), row]);
      return map;
    };
    const skillsBy = by(skills);
    const neighboursBy = by(neighbours);
    const availabilityBy = by(availability);
    return staff.map((m: Row) => {
      const mine = neighboursBy.get(m.id) ?? [];
      return {
        shift,
        staff: {
          id: m.id,
          eventId: m.event_id,
          userId: m.user_id,
          email: m.email,
          employmentType: m.employment_type,
          accreditationStatus: m.accreditation_status,
          accreditationZones: m.accreditation_zones ?? [],
          skills: new Map((skillsBy.get(m.id) ?? []).map((k) => [k.skill_id as string, k.level as number])),
        },
        neighbours: mine.filter((n) => n.shift_id !== shiftId).map((n) => ({ shiftId: n.shift_id, startsAt: n.starts_at, endsAt: n.ends_at })),
        alreadyOnShift: mine.some((n) => n.shift_id === shiftId),
        availability: (availabilityBy.get(m.id) ?? []).map((a) => ({ kind: a.kind, startsAt: a.starts_at, endsAt: a.ends_at })),
      };
    });
  }
}
