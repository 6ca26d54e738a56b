import { EventEntity, EventPhase, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { DataSource } from 'typeorm';
import { createEvent, createOrganisation, createTeam, createVenue } from './events';
import { createShift } from './shifts';
import { createStaffMember } from './staff';

const HOUR = 3_600_000;
const plus = (iso: string, hours: number) => new Date(new Date(iso).getTime() + hours * HOUR).toISOString();

export interface WorkedShift {
  /** Start of an 8-hour shift (or `hours`). */
  start: string;
  hours?: number;
  venue?: VenueEntity;
  team?: TeamEntity;
  roleTitle?: string;
  /** Check-in; null for a no-show. Default: on time. */
  checkedInAt?: string | null;
  /** Check-out; null for none. Default: on time. */
  checkedOutAt?: string | null;
  status?: 'ASSIGNED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
}

/** A small event of the past, straight into the database: two venues (Paris, Tahiti), two teams, one partner. */
export async function createPastEvent(dataSource: DataSource, phase: EventPhase = EventPhase.CLOSED, name = 'Test Games 2024') {
  const event = await createEvent(dataSource, { name, phase, startsOn: '2024-07-20', endsOn: '2024-08-11' });
  const paris = await createVenue(dataSource, event.id, { name: 'Stade de France', timeZone: 'Europe/Paris', zones: [] });
  const tahiti = await createVenue(dataSource, event.id, { name: "Teahupo'o", city: 'Teahupo’o', timeZone: 'Pacific/Tahiti', zones: [] });
  const network = await createTeam(dataSource, event.id, { name: 'Network' });
  const timing = await createTeam(dataSource, event.id, { name: 'Timing' });
  const organisation = await createOrganisation(dataSource, { name: 'Orange Test' });
  return { event, paris, tahiti, network, timing, organisation };
}

/**
 * A staff member with these shifts and their attendance, written as rostering would have left it
 * (assignments in plain SQL: the rostering lib owns them, its triggers copy the shift times).
 */
export async function createWorkedStaff(
  dataSource: DataSource,
  place: { event: EventEntity; paris: VenueEntity; network: TeamEntity; organisation: OrganisationEntity },
  shifts: WorkedShift[],
  overrides: { userId?: string | null; displayName?: string } = {},
): Promise<{ staffMemberId: string; assignmentIds: string[] }> {
  const staff = await createStaffMember(dataSource, place.event.id, place.organisation.id, {
    userId: overrides.userId ?? null,
    ...(overrides.displayName ? { displayName: overrides.displayName } : {}),
  });
  const assignmentIds: string[] = [];
  for (const s of shifts) {
    const end = plus(s.start, s.hours ?? 8);
    const shift = await createShift(
      dataSource,
      { eventId: place.event.id, venueId: (s.venue ?? place.paris).id, teamId: (s.team ?? place.network).id },
      { startsAt: s.start, endsAt: end, roleTitle: s.roleTitle ?? 'Network technician' },
    );
    const [row] = await dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status, checked_in_at, checked_out_at)
       VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4, $5, $6) RETURNING id`,
      [
        shift.id,
        staff.id,
        place.event.id,
        s.status ?? 'CONFIRMED',
        s.checkedInAt === undefined ? s.start : s.checkedInAt,
        s.checkedOutAt === undefined ? end : s.checkedOutAt,
      ],
    );
    assignmentIds.push(row.id);
  }
  return { staffMemberId: staff.id, assignmentIds };
}
