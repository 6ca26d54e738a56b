import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';
import { WORK_DAYS_DRIFT_SQL, WORK_DAYS_EMPTY_DIRT_SQL } from '../utils/work-days-oracle.sql';
import { prng } from '../utils/prng';

/** A small deterministic PRNG (mulberry32): the same roster on every run. */

const HOUR = 3_600_000;
const ORIGIN = Date.parse('2024-07-26T00:00:00Z');
/** What a write may meet on random data: an overlap (23P01), a full shift (23514), the same person twice on a shift (23505). */
const tolerated = (error: unknown) => ['23P01', '23514', '23505'].includes((error as { driverError?: { code?: string } }).driverError?.code ?? '');

describe('person_work_days: kept by triggers, equal to what the assignments say', () => {
  let t: TestApp;
  let events: EventEntity[];
  const venues: VenueEntity[][] = [];
  const teams: TeamEntity[] = [];
  let orgId: string;
  const shifts: ShiftEntity[] = [];
  /** Staff records per event; records i of both events share account i when i is even. */
  const records: string[][] = [[], []];
  const random = prng(20_261_202);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const expectNoDrift = async () => {
    expect(await t.dataSource.query(WORK_DAYS_DRIFT_SQL)).toEqual([]);
    expect(await t.dataSource.query(WORK_DAYS_EMPTY_DIRT_SQL)).toEqual([]);
  };
  const attempt = async (sql: string, params: unknown[]) => {
    try {
      await t.dataSource.query(sql, params);
    } catch (error) {
      if (!tolerated(error)) throw error;
    }
  };
  const assign = (shift: ShiftEntity, staffMemberId: string, status = 'ASSIGNED') =>
    attempt(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status) VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4)`,
      [shift.id, staffMemberId, shift.eventId, status],
    );
  const someAssignment = async (where: string): Promise<{ id: string; shift_id: string; staff_member_id: string }> => {
    const rows = await t.dataSource.query(`SELECT id, shift_id, staff_member_id FROM assignments WHERE ${where} ORDER BY id`);
    expect(rows.length).toBeGreaterThan(0);
    return pick(rows);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    events = [await createEvent(t.dataSource), await createEvent(t.dataSource)];
    orgId = (await createOrganisation(t.dataSource)).id;
    for (const [k, event] of events.entries()) {
      venues.push([
        await createVenue(t.dataSource, event.id, { timeZone: 'Europe/Paris' }),
        await createVenue(t.dataSource, event.id, { timeZone: 'Europe/Paris' }),
        await createVenue(t.dataSource, event.id, { timeZone: 'Pacific/Tahiti', city: 'Teahupo’o' }),
      ]);
      teams.push(await createTeam(t.dataSource, event.id));
      for (let i = 0; i < 10; i++) {
        const userId = i % 2 === 0 ? (k === 0 ? (await createUser(t.dataSource, [])).id : records[0][i] && (await accountOf(records[0][i]))) : null;
        records[k].push((await createStaffMember(t.dataSource, event.id, orgId, userId ? { userId } : {})).id);
      }
    }
    for (let i = 0; i < 40; i++) {
      const k = i % 2;
      // On the quarter hour (a few with stray seconds) over 5 days, 1 to 14 hours: many cross
      // midnight in Paris or in Tahiti (UTC-10), whose working day is the day before Paris's.
      const startsAt = new Date(ORIGIN + Math.floor(random() * 5 * 24 * 4) * 15 * 60_000 + (random() < 0.15 ? 17_000 : 0));
      const endsAt = new Date(startsAt.getTime() + (1 + Math.floor(random() * 13)) * HOUR + (random() < 0.3 ? 30 * 60_000 : 0) + (random() < 0.1 ? 31_000 : 0));
      const shift = await createShift(
        t.dataSource,
        { eventId: events[k].id, venueId: pick(venues[k]).id, teamId: teams[k].id },
        { startsAt, endsAt, headcount: 6 },
      );
      shifts.push(shift);
      const people = Math.floor(random() * 5);
      for (let p = 0; p < people; p++) await assign(shift, pick(records[k]), pick(['ASSIGNED', 'CONFIRMED', 'CONFIRMED', 'DECLINED']));
    }
  }, 180_000);
  afterAll(() => t?.close());

  async function accountOf(staffMemberId: string): Promise<string> {
    return (await t.dataSource.query(`SELECT user_id FROM staff_members WHERE id = $1`, [staffMemberId]))[0].user_id;
  }

  it('the backfill and the inserts give the table a fresh count gives, over two events and three venues', async () => {
    await expectNoDrift();
    // About something: people with several shifts on one day, across events, in Tahiti.
    const [{ rows, multi, tahiti, persons }] = await t.dataSource.query(`
      SELECT count(*)::int AS rows, count(*) FILTER (WHERE shifts > 1)::int AS multi, count(DISTINCT person_id)::int AS persons,
             (SELECT count(*)::int FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
               WHERE v.time_zone = 'Pacific/Tahiti' AND a.status IN ('ASSIGNED', 'CONFIRMED')) AS tahiti
        FROM person_work_days WHERE shifts > 0`);
    expect(rows).toBeGreaterThan(20);
    expect(multi).toBeGreaterThan(0);
    expect(tahiti).toBeGreaterThan(0);
    expect(persons).toBeGreaterThan(8);
  });

  it('follows status changes, reactivation, a move to another shift and deletions', async () => {
    await t.dataSource.query(`UPDATE assignments SET status = 'CONFIRMED' WHERE id = $1`, [(await someAssignment(`status = 'ASSIGNED'`)).id]);
    await t.dataSource.query(`UPDATE assignments SET status = 'CANCELLED' WHERE id = $1`, [(await someAssignment(`status = 'CONFIRMED'`)).id]);
    await t.dataSource.query(`UPDATE assignments SET status = 'DECLINED' WHERE id = $1`, [(await someAssignment(`status = 'ASSIGNED'`)).id]);
    await expectNoDrift();
    for (let i = 0; i < 3; i++) await attempt(`UPDATE assignments SET status = 'ASSIGNED' WHERE id = $1`, [(await someAssignment(`status = 'DECLINED'`)).id]);
    const moved = await someAssignment(`status IN ('ASSIGNED', 'CONFIRMED')`);
    const target = pick(shifts.filter((s) => s.id !== moved.shift_id && s.eventId === shifts.find((x) => x.id === moved.shift_id)!.eventId));
    await attempt(`UPDATE assignments SET shift_id = $2 WHERE id = $1`, [moved.id, target.id]);
    await t.dataSource.query(`DELETE FROM assignments WHERE id = $1`, [(await someAssignment(`status IN ('ASSIGNED', 'CONFIRMED')`)).id]);
    await t.dataSource.query(`DELETE FROM assignments WHERE id = $1`, [(await someAssignment(`status NOT IN ('ASSIGNED', 'CONFIRMED')`)).id]);
    await expectNoDrift();
    // A shift at either end of a day removed: the row is no longer exact but still encloses the rest.
    const [row] = await t.dataSource.query(
      `SELECT person_id, day::text AS day, event_id FROM person_work_days WHERE shifts > 1 ORDER BY person_id, day LIMIT 1`,
    );
    await t.dataSource.query(
      `UPDATE assignments SET status = 'CANCELLED' WHERE id = (
         SELECT a.id FROM assignments a JOIN shifts s ON s.id = a.shift_id JOIN venues v ON v.id = s.venue_id
          WHERE coalesce(a.user_id, a.staff_member_id) = $1 AND (a.starts_at AT TIME ZONE v.time_zone)::date = $2::date AND a.event_id = $3
            AND a.status IN ('ASSIGNED', 'CONFIRMED') ORDER BY a.starts_at LIMIT 1)`,
      [row.person_id, row.day, row.event_id],
    );
    const [after] = await t.dataSource.query(`SELECT shifts, exact FROM person_work_days WHERE person_id = $1 AND day = $2::date AND event_id = $3`, [
      row.person_id,
      row.day,
      row.event_id,
    ]);
    expect(after.exact).toBe(after.shifts === 0);
    await expectNoDrift();
  });

  it('follows shift changes: times across midnight, a move to Tahiti, a venue’s zone corrected, a deleted shift', async () => {
    const busy = async () => {
      const [row] = await t.dataSource.query(
        `SELECT shift_id FROM assignments WHERE status IN ('ASSIGNED', 'CONFIRMED') GROUP BY shift_id ORDER BY count(*) DESC, shift_id LIMIT 1`,
      );
      return row.shift_id as string;
    };
    // Times and venue in one statement: the venue moves first (trigger order), then the times.
    const both = await busy();
    const [{ event_id: eventId }] = await t.dataSource.query(`SELECT event_id FROM shifts WHERE id = $1`, [both]);
    const k = events.findIndex((e) => e.id === eventId);
    await attempt(`UPDATE shifts SET starts_at = starts_at + interval '9 hours', ends_at = ends_at + interval '9 hours', venue_id = $2 WHERE id = $1`, [
      both,
      venues[k][2].id,
    ]);
    await expectNoDrift();
    await attempt(`UPDATE shifts SET starts_at = starts_at - interval '13 hours', ends_at = ends_at - interval '13 hours' WHERE id = $1`, [await busy()]);
    await t.dataSource.query(`UPDATE shifts SET venue_id = $2 WHERE id = $1`, [pick(shifts.filter((s) => s.eventId === events[0].id)).id, venues[0][2].id]);
    await expectNoDrift();
    await t.dataSource.query(`UPDATE venues SET time_zone = 'Pacific/Kiritimati' WHERE id = $1`, [venues[0][2].id]);
    await expectNoDrift();
    await t.dataSource.query(`UPDATE venues SET time_zone = 'Pacific/Tahiti' WHERE id = $1`, [venues[0][2].id]);
    await t.dataSource.query(`DELETE FROM shifts WHERE id = $1`, [await busy()]);
    await expectNoDrift();
  });

  it('follows a record linked to an account, and a whole event deleted', async () => {
    const loose = records[1][1];
    const account = (await createUser(t.dataSource, [])).id;
    await t.dataSource.query(`UPDATE staff_members SET user_id = $2 WHERE id = $1`, [loose, account]);
    await expectNoDrift();
    const gone = await createEvent(t.dataSource);
    const venue = await createVenue(t.dataSource, gone.id);
    const team = await createTeam(t.dataSource, gone.id);
    const person = await createStaffMember(t.dataSource, gone.id, orgId);
    await assign(
      await createShift(
        t.dataSource,
        { eventId: gone.id, venueId: venue.id, teamId: team.id },
        { startsAt: new Date(ORIGIN), endsAt: new Date(ORIGIN + 8 * HOUR) },
      ),
      person.id,
    );
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM person_work_days WHERE event_id = $1`, [gone.id])).toEqual([{ n: 1 }]);
    await t.dataSource.query(`DELETE FROM events WHERE id = $1`, [gone.id]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM person_work_days WHERE event_id = $1`, [gone.id])).toEqual([{ n: 0 }]);
    await expectNoDrift();
  });

  it('stays exact when transactions assign and unassign the same person’s day at once', async () => {
    const person = (await createStaffMember(t.dataSource, events[0].id, orgId)).id;
    const day = ORIGIN + 10 * 24 * HOUR;
    // Eight 1-hour shifts of one Paris day (one row), each taken in its own transaction.
    const hours: ShiftEntity[] = [];
    for (let h = 0; h < 8; h++) {
      hours.push(
        await createShift(
          t.dataSource,
          { eventId: events[0].id, venueId: venues[0][0].id, teamId: teams[0].id },
          { startsAt: new Date(day + (6 + 2 * h) * HOUR), endsAt: new Date(day + (7 + 2 * h) * HOUR) },
        ),
      );
    }
    const insert = `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL') RETURNING id`;
    // The second starts while the first is open: it waits on the first's row lock (server) or for
    // the one connection (embedded), then adds on top of what the first committed.
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    await first.startTransaction();
    await first.query(insert, [hours[0].id, person, events[0].id]);
    const secondDone = (async () => {
      try {
        await second.startTransaction();
        await second.query(insert, [hours[1].id, person, events[0].id]);
        await second.commitTransaction();
      } finally {
        await second.release();
      }
    })();
    try {
      await first.commitTransaction();
    } finally {
      await first.release();
    }
    await secondDone;
    const ids: string[] = await Promise.all(
      hours.slice(2).map(async (s) => (await t.dataSource.transaction((m) => m.query(insert, [s.id, person, events[0].id])))[0].id),
    );
    const row = () => t.dataSource.query(`SELECT shifts, minutes, seconds, exact FROM person_work_days WHERE person_id = $1`, [person]);
    expect(await row()).toEqual([{ shifts: 8, minutes: 480, seconds: 28_800, exact: true }]);
    // Half of them cancelled while the other half are added again elsewhere, all at once.
    const others: ShiftEntity[] = [];
    for (let h = 0; h < 3; h++) {
      others.push(
        await createShift(
          t.dataSource,
          { eventId: events[0].id, venueId: venues[0][1].id, teamId: teams[0].id },
          { startsAt: new Date(day + (7 + 2 * h) * HOUR + 15 * 60_000), endsAt: new Date(day + (8 + 2 * h) * HOUR) },
        ),
      );
    }
    await Promise.all([
      ...ids.slice(0, 4).map((id) => t.dataSource.transaction((m) => m.query(`UPDATE assignments SET status = 'CANCELLED' WHERE id = $1`, [id]))),
      ...others.map((s) => t.dataSource.transaction((m) => m.query(insert, [s.id, person, events[0].id]))),
    ]);
    expect(await row()).toEqual([{ shifts: 7, minutes: 480 - 240 + 135, seconds: (480 - 240 + 135) * 60, exact: true }]);
    await expectNoDrift();
  });
});
