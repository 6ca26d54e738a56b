import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentStatus } from '../assignment/assignment.entity';

/** One assignment of a person as the roster and attendance recorded it, with its shift's place. */
export interface WorkHistoryEntry {
  staffMemberId: string;
  assignmentId: string;
  status: AssignmentStatus;
  /** The shift's status: a cancelled shift was not worked, whatever its assignments say. */
  shiftStatus: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startsAt: Date;
  endsAt: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  roleTitle: string;
  venueName: string;
  /** IANA zone of the venue: "a day" of this shift is a day there. */
  venueTimeZone: string;
  teamName: string;
}

/** What one staff record did in a closed event: attended shifts only (active, checked in). */
export interface WorkRecord {
  staffMemberId: string;
  userId: string;
  eventId: string;
  eventCode: string;
  eventName: string;
  eventStartsOn: string;
  eventEndsOn: string;
  organisationName: string;
  teamCode: string | null;
  teamName: string | null;
  roleTitles: string[];
  shifts: number;
  /** Scheduled minutes of the attended shifts. */
  minutes: number;
  firstShiftAt: Date;
  lastShiftAt: Date;
  venues: Array<{ venueId: string; code: string; name: string; shifts: number }>;
  /** Teams of the shifts worked (people help other teams), most shifts first. */
  teams: Array<{ teamId: string; code: string; name: string; shifts: number }>;
}

/** Shifts two people worked together (or one covered as coordinator), per event, with where. */
export interface WorkTogether {
  eventId: string;
  eventName: string;
  shifts: number;
  venues: Array<{ name: string; shifts: number }>;
}

/** A coordinator grant's reach: empty lists mean every venue or team of the event. */
export interface CoordinatorScope {
  eventId: string;
  venueIds: readonly string[];
  teamIds: readonly string[];
}

/** Attended work: an active assignment (not declined or cancelled) that was checked in. */
const ATTENDED = (alias: string) => `${alias}.status IN ('ASSIGNED', 'CONFIRMED') AND ${alias}.checked_in_at IS NOT NULL`;

/**
 * The roster read as a record of work, for other libs that must not read rostering's tables
 * themselves: the verified Games record (every assignment with its check-in and check-out; what
 * counts as worked is the reader's decision) and the alumni network (attended work only: who
 * worked what, and who worked with whom).
 */
@Injectable()
export class WorkHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The assignments of these staff members, oldest first, grouped by staff member (absent ids map to []). */
  async forStaffMembers(staffMemberIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, WorkHistoryEntry[]>> {
    const history = new Map<string, WorkHistoryEntry[]>(staffMemberIds.map((id) => [id, []]));
    if (!staffMemberIds.length) return history;
    // Two indexed reads rather than one join: joined, the planner hashes every shift of the event
    // (tens of thousands) for each batch of people; looked up by id, only their shifts are read.
    const assignments = await manager.query<Array<Record<string, unknown>>>(
      `SELECT staff_member_id, id, shift_id, status, checked_in_at, checked_out_at
         FROM assignments WHERE staff_member_id = ANY($1::uuid[])`,
      [[...new Set(staffMemberIds)]],
    );
    if (!assignments.length) return history;
    const shifts = await manager.query<Array<Record<string, unknown>>>(
      `SELECT s.id, s.status, s.starts_at, s.ends_at, s.role_title, v.name AS venue_name, v.time_zone AS venue_time_zone, t.name AS team_name
         FROM shifts s
         JOIN venues v ON v.id = s.venue_id
         JOIN teams t ON t.id = s.team_id
        WHERE s.id = ANY($1::uuid[])`,
      [[...new Set(assignments.map((a) => a.shift_id as string))]],
    );
    const shiftById = new Map(shifts.map((s) => [s.id as string, s]));
    const entries: WorkHistoryEntry[] = [];
    for (const a of assignments) {
      const s = shiftById.get(a.shift_id as string);
      if (!s) continue;
      entries.push({
        staffMemberId: a.staff_member_id as string,
        assignmentId: a.id as string,
        status: a.status as AssignmentStatus,
        shiftStatus: s.status as WorkHistoryEntry['shiftStatus'],
        startsAt: new Date(s.starts_at as Date),
        endsAt: new Date(s.ends_at as Date),
        checkedInAt: a.checked_in_at ? new Date(a.checked_in_at as Date) : null,
        checkedOutAt: a.checked_out_at ? new Date(a.checked_out_at as Date) : null,
        roleTitle: s.role_title as string,
        venueName: s.venue_name as string,
        venueTimeZone: s.venue_time_zone as string,
        teamName: s.team_name as string,
      });
    }
    entries.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime() || (x.assignmentId < y.assignmentId ? -1 : 1));
    for (const entry of entries) history.get(entry.staffMemberId)?.push(entry);
    return history;
  }

  /** Staff members of the event with at least one check-in: the only ones who may have worked. */
  async staffWithCheckIns(eventId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<Array<{ staff_member_id: string }>>(
      `SELECT DISTINCT staff_member_id FROM assignments WHERE event_id = $1 AND checked_in_at IS NOT NULL ORDER BY staff_member_id`,
      [eventId],
    );
    return rows.map((r) => r.staff_member_id);
  }

  /** Each staff record of these accounts in a CLOSED event with at least one attended shift. */
  async historyOf(manager: EntityManager, userIds: readonly string[]): Promise<WorkRecord[]> {
    if (!userIds.length) return [];
    const rows = await manager.query<Array<Record<string, unknown>>>(
      `SELECT m.id AS staff_member_id, m.user_id, e.id AS event_id, e.code AS event_code, e.name AS event_name,
              to_char(e.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(e.ends_on, 'YYYY-MM-DD') AS ends_on,
              o.name AS organisation_name, t.code AS team_code, t.name AS team_name,
              w.shifts, w.minutes, w.first_at, w.last_at, w.role_titles, vv.venues, tt.teams
         FROM staff_members m
         JOIN events e ON e.id = m.event_id AND e.phase = 'CLOSED'
         JOIN organisations o ON o.id = m.organisation_id
         LEFT JOIN teams t ON t.id = m.team_id
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS shifts,
                  coalesce(round(sum(extract(epoch FROM s.ends_at - s.starts_at)) / 60), 0)::int AS minutes,
                  min(s.starts_at) AS first_at, max(s.ends_at) AS last_at,
                  coalesce(array_agg(DISTINCT s.role_title ORDER BY s.role_title), '{}') AS role_titles
             FROM assignments a JOIN shifts s ON s.id = a.shift_id
            WHERE a.staff_member_id = m.id AND ${ATTENDED('a')}
         ) w
         CROSS JOIN LATERAL (
           SELECT coalesce(jsonb_agg(jsonb_build_object('venueId', v.id, 'code', v.code, 'name', v.name, 'shifts', x.n) ORDER BY x.n DESC, v.code), '[]'::jsonb) AS venues
             FROM (SELECT s.venue_id, count(*)::int AS n
                     FROM assignments a JOIN shifts s ON s.id = a.shift_id
                    WHERE a.staff_member_id = m.id AND ${ATTENDED('a')}
                    GROUP BY s.venue_id) x
             JOIN venues v ON v.id = x.venue_id
         ) vv
         CROSS JOIN LATERAL (
           SELECT coalesce(jsonb_agg(jsonb_build_object('teamId', t2.id, 'code', t2.code, 'name', t2.name, 'shifts', x.n) ORDER BY x.n DESC, t2.code), '[]'::jsonb) AS teams
             FROM (SELECT s.team_id, count(*)::int AS n
                     FROM assignments a JOIN shifts s ON s.id = a.shift_id
                    WHERE a.staff_member_id = m.id AND ${ATTENDED('a')}
                    GROUP BY s.team_id) x
             JOIN teams t2 ON t2.id = x.team_id
         ) tt
        WHERE m.user_id = ANY($1::uuid[]) AND w.shifts > 0
        ORDER BY m.user_id, e.starts_on DESC, m.id`,
      [userIds],
    );
    return rows.map((r) => ({
      staffMemberId: r.staff_member_id as string,
      userId: r.user_id as string,
      eventId: r.event_id as string,
      eventCode: r.event_code as string,
      eventName: r.event_name as string,
      eventStartsOn: r.starts_on as string,
      eventEndsOn: r.ends_on as string,
      organisationName: r.organisation_name as string,
      teamCode: (r.team_code as string | null) ?? null,
      teamName: (r.team_name as string | null) ?? null,
      roleTitles: r.role_titles as string[],
      shifts: Number(r.shifts),
      minutes: Number(r.minutes),
      firstShiftAt: r.first_at as Date,
      lastShiftAt: r.last_at as Date,
      venues: r.venues as WorkRecord['venues'],
      teams: r.teams as WorkRecord['teams'],
    }));
  }

  /** Shifts on which both people held an active, attended assignment. */
  async sharedShifts(manager: EntityManager, userA: string, userB: string): Promise<WorkTogether[]> {
    const rows = await manager.query<VenueCount[]>(
      `SELECT e.id AS event_id, e.name AS event_name, v.name AS venue_name, count(DISTINCT s.id)::int AS shifts
         FROM assignments a
         JOIN staff_members ma ON ma.id = a.staff_member_id AND ma.user_id = $1
         JOIN assignments b ON b.shift_id = a.shift_id AND b.staff_member_id <> a.staff_member_id
         JOIN staff_members mb ON mb.id = b.staff_member_id AND mb.user_id = $2
         JOIN shifts s ON s.id = a.shift_id
         JOIN venues v ON v.id = s.venue_id
         JOIN events e ON e.id = s.event_id
        WHERE ${ATTENDED('a')} AND ${ATTENDED('b')}
        GROUP BY e.id, e.name, v.id, v.name`,
      [userA, userB],
    );
    return groupByEvent(rows);
  }

  /** Attended shifts of `staffUserId` that fall inside one of these coordinator scopes. */
  async coveredShifts(manager: EntityManager, staffUserId: string, scopes: readonly CoordinatorScope[]): Promise<WorkTogether[]> {
    if (!scopes.length) return [];
    const params: unknown[] = [staffUserId];
    const conditions = scopes.map((scope) => {
      params.push(scope.eventId, [...scope.venueIds], [...scope.teamIds]);
      const [e, v, t] = [params.length - 2, params.length - 1, params.length];
      return `(s.event_id = $${e}::uuid AND (cardinality($${v}::uuid[]) = 0 OR s.venue_id = ANY($${v}::uuid[])) AND (cardinality($${t}::uuid[]) = 0 OR s.team_id = ANY($${t}::uuid[])))`;
    });
    const rows = await manager.query<VenueCount[]>(
      `SELECT e.id AS event_id, e.name AS event_name, v.name AS venue_name, count(DISTINCT s.id)::int AS shifts
         FROM assignments a
         JOIN staff_members m ON m.id = a.staff_member_id AND m.user_id = $1
         JOIN shifts s ON s.id = a.shift_id
         JOIN venues v ON v.id = s.venue_id
         JOIN events e ON e.id = s.event_id
        WHERE ${ATTENDED('a')} AND (${conditions.join(' OR ')})
        GROUP BY e.id, e.name, v.id, v.name`,
      params,
    );
    return groupByEvent(rows);
  }
}

interface VenueCount {
  event_id: string;
  event_name: string;
  venue_name: string;
  shifts: number;
}

/** Most shifts first; venues inside an event likewise. */
function groupByEvent(rows: VenueCount[]): WorkTogether[] {
  const events = new Map<string, WorkTogether>();
  for (const row of rows) {
    const entry = events.get(row.event_id) ?? { eventId: row.event_id, eventName: row.event_name, shifts: 0, venues: [] };
    entry.shifts += Number(row.shifts);
    entry.venues.push({ name: row.venue_name, shifts: Number(row.shifts) });
    events.set(row.event_id, entry);
  }
  const list = [...events.values()];
  for (const e of list) e.venues.sort((a, b) => b.shifts - a.shifts || a.name.localeCompare(b.name));
  return list.sort((a, b) => b.shifts - a.shifts || a.eventName.localeCompare(b.eventName));
}
