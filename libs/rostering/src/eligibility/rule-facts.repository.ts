import { Injectable } from '@nestjs/common';
import { ConflictError } from '@baton/core';
import { PreparedReads } from '@baton/database';
import type { WorkRuleRow } from '@baton/scheduling';
import { EntityManager } from 'typeorm';
import { AvailabilityFacts, Neighbour, ShiftFacts, StaffFacts } from './rule-types';
import {
  CandidateRow,
  KNOWN_CANDIDATE_SQL,
  KNOWN_CANDIDATES_SQL,
  LOCK_PERSON_BY_ACCOUNT_SQL,
  LOCK_PERSON_SQL,
  LOCKED_SHIFT_SQL,
  READ_CANDIDATES_SQL,
  SHIFT_SQL,
  SHIFT_WITH_CANDIDATE_SQL,
  ShiftRow,
  ShiftWithCandidateRow,
  StaffRow,
} from './rule-facts.sql';

export type { StaffRow } from './rule-facts.sql';
export type LoadedShift = ShiftFacts & { venueId: string; teamId: string };
export type LoadedStaff = StaffFacts & { employmentType: string; userId: string | null; email: string | null };

/** What the rules need to know of one candidate for one shift (the shift itself aside). */
export interface CandidateFacts {
  staff: LoadedStaff;
  neighbours: Neighbour[];
  availability: AvailabilityFacts[];
  alreadyOnShift: boolean;
}

/** A shift as the rules read it, with the stored rule sets of its event. */
export interface ShiftWithRules {
  shift: LoadedShift;
  rules: WorkRuleRow[];
}

/**
 * Gathers what the rules need: the shift with its event's rules, then the candidates, for one
 * candidate or many: the same statements whatever their number; one statement for all of it
 * when one candidate is judged without locks (`loadShiftWithCandidate`). A person is an account: the working-time and overlap
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
 *
 * The statements of the assign path are prepared (PreparedReads): planning them cost PostgreSQL
 * several times what running them does, and a refused assign is nothing but these reads.
 */
@Injectable()
export class RuleFactsRepository {
  constructor(private readonly prepared: PreparedReads) {}

  async loadShift(manager: EntityManager, shiftId: string, lock: boolean): Promise<ShiftWithRules | undefined> {
    const [row] = await this.prepared.query<ShiftRow[]>(lock ? LOCKED_SHIFT_SQL : SHIFT_SQL, [shiftId], manager);
    return row && { shift: toShift(row), rules: row.rules };
  }

  /** The shift, its rules and one candidate's facts, unlocked, in one statement. */
  async loadShiftWithCandidate(
    manager: EntityManager,
    shiftId: string,
    staffMemberId: string,
  ): Promise<(ShiftWithRules & { candidates: Map<string, CandidateFacts> }) | undefined> {
    const [row] = await this.prepared.query<ShiftWithCandidateRow[]>(SHIFT_WITH_CANDIDATE_SQL, [shiftId, staffMemberId], manager);
    if (!row) return undefined;
    const shift = toShift(row);
    return { shift, rules: row.rules, candidates: toCandidates(shift, row.candidates, new Map()) };
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
    let rows: CandidateRow[];
    if (allKnown && staffMemberIds.length === 1) {
      const [id] = staffMemberIds;
      rows = await this.prepared.query<CandidateRow[]>(KNOWN_CANDIDATE_SQL, [id, shift.startsAt, shift.endsAt, known.get(id)!.user_id], manager);
    } else if (allKnown) {
      const asked = JSON.stringify(staffMemberIds.map((id) => ({ id, user_id: known.get(id)!.user_id })));
      rows = await manager.query<CandidateRow[]>(KNOWN_CANDIDATES_SQL, [asked, shift.startsAt, shift.endsAt]);
    } else {
      rows = await manager.query<CandidateRow[]>(READ_CANDIDATES_SQL, [staffMemberIds, shift.startsAt, shift.endsAt]);
    }
    return toCandidates(shift, rows, known);
  }

  /**
   * Locks every record of the person in id order and returns them as read under the lock. If the
   * record is linked to another account while we wait, the records of that account are locked
   * too; a third change in a row gives up with a retryable CONFLICT rather than chase a moving
   * target. Empty when the record does not exist.
   */
  async lockPerson(manager: EntityManager, staffMemberId: string): Promise<StaffRow[]> {
    // The account the records are chosen by is read in the same statement, just before the lock.
    const first = await this.prepared.query<Array<StaffRow & { asked_user_id: string | null }>>(LOCK_PERSON_SQL, [staffMemberId], manager);
    let locked: StaffRow[] = first.map(({ asked_user_id: _asked, ...row }) => row);
    let userId = first[0]?.asked_user_id ?? null;
    for (let attempt = 0; ; attempt++) {
      const mine = locked.find((r) => r.id === staffMemberId);
      if (!mine) return [];
      if (mine.user_id === userId) return locked.filter((r) => r.id === staffMemberId || (userId !== null && r.user_id === userId));
      if (attempt >= 2) break;
      userId = mine.user_id;
      locked = await this.prepared.query<StaffRow[]>(LOCK_PERSON_BY_ACCOUNT_SQL, [staffMemberId, userId], manager);
    }
    throw new ConflictError('This staff record is being linked to an account right now; try again', { retryable: true, staffMemberId });
  }
}

function toShift(row: ShiftRow): LoadedShift {
  return {
    id: row.id,
    eventId: row.event_id,
    venueId: row.venue_id,
    teamId: row.team_id,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    headcount: row.headcount,
    activeCount: row.active_count,
    timeZone: row.time_zone,
    venueZones: row.zones ?? [],
    requiredSkills: row.required.map((r) => ({ skillId: r.skill_id, code: r.code, minLevel: r.min_level })),
  };
}

function toCandidates(shift: LoadedShift, rows: CandidateRow[], known: Map<string, StaffRow>): Map<string, CandidateFacts> {
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

const toNeighbour = (n: { shift_id: string; event_id: string; starts_at: Date; ends_at: Date; time_zone: string }): Neighbour => ({
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
