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
    const required = await manager.query(`SELECT r.skill_id, r.min_level, k.code FROM shift_required_skills r JOIN skills k ON k.id = r.skill_id WHERE r.shift_id = $1`, [shiftId]);
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
        requiredSkills: required.map((r: { skill_id: string; min_level: number; code: string }) => ({ skillId: r.skill_id, code: r.code, minLevel: r.min_level })),
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
      availability: availability.map((a: { kind: AvailabilityFacts['kind']; starts_at: Date; ends_at: Date }) => ({ kind: a.kind, startsAt: a.starts_at, endsAt: a.ends_at })),
    };
  }
}
