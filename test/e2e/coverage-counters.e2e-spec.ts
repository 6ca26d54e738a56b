import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { COVERAGE_SQL } from '../../libs/rostering/src/coverage/coverage.sql';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { COVERAGE_ORACLE_SQL } from '../utils/coverage-oracle.sql';
import { startTestApp, TestApp } from '../utils/test-app';
import { prng } from '../utils/prng';

/** A small deterministic PRNG (mulberry32): the same roster on every run, and a different one per seed. */

const HOUR = 3_600_000;
// Around the end of summer time in Paris (27 October 2024, 03:00 → 02:00): DAY buckets of 25 hours.
const ORIGIN = Date.parse('2024-10-25T00:00:00Z');
const STATUSES = ['ASSIGNED', 'CONFIRMED', 'DECLINED', 'CANCELLED'] as const;

describe('coverage counters: shift_staffing kept by triggers gives the answers of counting assignments', () => {
  let t: TestApp;
  let event: EventEntity;
  let venues: VenueEntity[];
  let teams: TeamEntity[];
  let orgId: string;
  const shifts: ShiftEntity[] = [];
  const random = prng(20_260_512);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const newStaff = async () => (await createStaffMember(t.dataSource, event.id, orgId)).id;
  /** A new person on the shift (nobody else's shift can overlap), active only while places remain. */
  const addAssignment = async (shift: ShiftEntity, wanted: string): Promise<string> => {
    const [{ active_count: active, headcount }] = await t.dataSource.query(`SELECT active_count, headcount FROM shifts WHERE id = $1`, [shift.id]);
    const status = (wanted === 'ASSIGNED' || wanted === 'CONFIRMED') && active >= headcount ? 'DECLINED' : wanted;
    const [row] = await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status, checked_in_at)
       VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4, CASE WHEN $5 THEN now() END) RETURNING id`,
      [shift.id, await newStaff(), event.id, status, random() < 0.4],
    );
    return row.id;
  };

  const windows = () => {
    const all = { from: new Date(ORIGIN), to: new Date(ORIGIN + 5 * 24 * HOUR) };
    return [
      { ...all, bucket: 'DAY', venueIds: null, teamIds: null },
      { ...all, bucket: 'FOUR_HOURS', venueIds: null, teamIds: null },
      { from: new Date(ORIGIN + 36 * HOUR + 17 * 60_000), to: new Date(ORIGIN + 72 * HOUR + 5 * 60_000), bucket: 'HOUR', venueIds: null, teamIds: null },
      { ...all, bucket: 'DAY', venueIds: [venues[0].id], teamIds: null },
      { ...all, bucket: 'HOUR', venueIds: [venues[1].id, venues[2].id], teamIds: [teams[0].id] },
    ];
  };
  const run = async (sql: string, w: ReturnType<typeof windows>[number], now: Date) => {
    const [row] = await t.dataSource.query(sql, [
      event.id,
      w.from,
      w.to,
      w.bucket,
      w.venueIds,
      w.teamIds,
      now,
      501,
      new Date(w.from.getTime() - 98 * HOUR),
      new Date(w.to.getTime() + 26 * HOUR),
      null,
    ]);
    return row;
  };
  /** Every window, both statements, and the counters themselves against a fresh count. */
  const expectSameAsOracle = async () => {
    const now = new Date(ORIGIN + 50 * HOUR);
    let cells = 0;
    for (const w of windows()) {
      const [counted, oracle] = [await run(COVERAGE_SQL, w, now), await run(COVERAGE_ORACLE_SQL, w, now)];
      expect(counted).toEqual(oracle);
      cells += oracle.runs.length;
    }
    // The comparison is about something: the roster fills the windows.
    expect(cells).toBeGreaterThan(20);
    const drift = await t.dataSource.query(`
      SELECT s.id, c.assigned, c.checked_in, c.no_show, x.assigned AS want_assigned, x.checked_in AS want_checked_in, x.no_show AS want_no_show
        FROM shifts s
        LEFT JOIN shift_staffing c ON c.shift_id = s.id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS assigned, count(a.checked_in_at)::int AS checked_in, count(a.no_show_at)::int AS no_show
            FROM assignments a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'CONFIRMED')) x
       WHERE c.shift_id IS NULL OR (c.assigned, c.checked_in, c.no_show) IS DISTINCT FROM (x.assigned, x.checked_in, x.no_show)`);
    expect(drift).toEqual([]);
  };
  const someAssignment = async (where: string): Promise<{ id: string; shift_id: string }> => {
    const rows = await t.dataSource.query(`SELECT id, shift_id FROM assignments WHERE event_id = $1 AND ${where} ORDER BY id`, [event.id]);
    expect(rows.length).toBeGreaterThan(0);
    return pick(rows);
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-10-20T08:00:00Z' });
    event = await createEvent(t.dataSource, { timeZone: 'Europe/Paris', startsOn: '2024-10-20', endsOn: '2024-11-05' });
    venues = [await createVenue(t.dataSource, event.id), await createVenue(t.dataSource, event.id), await createVenue(t.dataSource, event.id)];
    teams = [await createTeam(t.dataSource, event.id), await createTeam(t.dataSource, event.id)];
    orgId = (await createOrganisation(t.dataSource)).id;
    for (let i = 0; i < 36; i++) {
      // Starts on the quarter hour over 5 days, 1 to 14 hours long: many cross midnight.
      const startsAt = new Date(ORIGIN - 12 * HOUR + Math.floor(random() * 5 * 24 * 4) * 15 * 60_000);
      const endsAt = new Date(startsAt.getTime() + (1 + Math.floor(random() * 13)) * HOUR + (random() < 0.3 ? 30 * 60_000 : 0));
      const status = random() < 0.8 ? ShiftStatus.PUBLISHED : pick([ShiftStatus.DRAFT, ShiftStatus.CANCELLED]);
      const shift = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: pick(venues).id, teamId: pick(teams).id },
        { startsAt, endsAt, headcount: 1 + Math.floor(random() * 5), status },
      );
      shifts.push(shift);
      const people = Math.floor(random() * 6);
      for (let k = 0; k < people; k++) await addAssignment(shift, pick(STATUSES));
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('gives the same answers on a random roster, in every bucket and filter', async () => {
    await expectSameAsOracle();
  });

  it('follows assignments added, answered, cancelled and reactivated', async () => {
    for (let i = 0; i < 6; i++) await addAssignment(pick(shifts), pick(STATUSES));
    await expectSameAsOracle();
    await t.dataSource.query(`UPDATE assignments SET status = 'CONFIRMED' WHERE id = $1`, [(await someAssignment(`status = 'ASSIGNED'`)).id]);
    await t.dataSource.query(`UPDATE assignments SET status = 'DECLINED' WHERE id = $1`, [(await someAssignment(`status = 'CONFIRMED'`)).id]);
    await t.dataSource.query(`UPDATE assignments SET status = 'CANCELLED' WHERE id = $1`, [
      (await someAssignment(`status = 'ASSIGNED' AND checked_in_at IS NOT NULL`)).id,
    ]);
    await expectSameAsOracle();
    const back = await someAssignment(`status = 'DECLINED' AND shift_id IN (SELECT id FROM shifts WHERE active_count < headcount)`);
    await t.dataSource.query(`UPDATE assignments SET status = 'ASSIGNED' WHERE id = $1`, [back.id]);
    await expectSameAsOracle();
  });

  it('follows check-ins, their undoing and no-shows', async () => {
    await t.dataSource.query(`UPDATE assignments SET checked_in_at = starts_at WHERE id = $1`, [
      (await someAssignment(`status = 'ASSIGNED' AND checked_in_at IS NULL`)).id,
    ]);
    await t.dataSource.query(`UPDATE assignments SET checked_in_at = NULL WHERE id = $1`, [
      (await someAssignment(`status = 'CONFIRMED' AND checked_in_at IS NOT NULL`)).id,
    ]);
    await t.dataSource.query(`UPDATE assignments SET no_show_at = ends_at WHERE id = $1`, [
      (await someAssignment(`status IN ('ASSIGNED', 'CONFIRMED') AND checked_in_at IS NULL`)).id,
    ]);
    // Declining after a check-in: the check-in stops counting with the assignment.
    await t.dataSource.query(`UPDATE assignments SET status = 'DECLINED' WHERE id = $1`, [
      (await someAssignment(`status = 'ASSIGNED' AND checked_in_at IS NOT NULL`)).id,
    ]);
    await expectSameAsOracle();
  });

  it('follows an assignment moved to another shift, and deleted ones', async () => {
    const moved = await someAssignment(`status IN ('ASSIGNED', 'CONFIRMED') AND checked_in_at IS NOT NULL`);
    const [target] = await t.dataSource.query(
      `SELECT id FROM shifts WHERE event_id = $1 AND id <> $2 AND active_count < headcount
          AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.shift_id = shifts.id) ORDER BY starts_at LIMIT 1`,
      [event.id, moved.shift_id],
    );
    await t.dataSource.query(`UPDATE assignments SET shift_id = $2 WHERE id = $1`, [moved.id, target.id]);
    await t.dataSource.query(`DELETE FROM assignments WHERE id = $1`, [(await someAssignment(`status IN ('ASSIGNED', 'CONFIRMED')`)).id]);
    await t.dataSource.query(`DELETE FROM assignments WHERE id = $1`, [(await someAssignment(`status = 'CANCELLED'`)).id]);
    await expectSameAsOracle();
  });

  it('follows shift changes: times (across midnight), headcount, venue, cancel, publish, new and deleted shifts', async () => {
    const busy = shifts.find((s) => s.status === ShiftStatus.PUBLISHED)!;
    await t.dataSource.query(`UPDATE shifts SET starts_at = starts_at + interval '9 hours', ends_at = ends_at + interval '9 hours' WHERE id = $1`, [busy.id]);
    await t.dataSource.query(`UPDATE shifts SET headcount = headcount + 3, venue_id = $2 WHERE id = $1`, [pick(shifts).id, venues[2].id]);
    await t.dataSource.query(`UPDATE shifts SET status = 'CANCELLED' WHERE id = $1`, [shifts.filter((s) => s.status === ShiftStatus.PUBLISHED)[3].id]);
    await t.dataSource.query(`UPDATE shifts SET status = 'PUBLISHED' WHERE id IN (SELECT id FROM shifts WHERE event_id = $1 AND status = 'DRAFT' LIMIT 1)`, [
      event.id,
    ]);
    const fresh = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venues[0].id, teamId: teams[0].id },
      { startsAt: new Date(ORIGIN + 45 * HOUR), endsAt: new Date(ORIGIN + 53 * HOUR), headcount: 3 },
    );
    await addAssignment(fresh, 'ASSIGNED');
    await addAssignment(fresh, 'CONFIRMED');
    await t.dataSource.query(`DELETE FROM shifts WHERE id = $1`, [shifts.find((s) => s.id !== busy.id && s.status === ShiftStatus.PUBLISHED)!.id]);
    await expectSameAsOracle();
  });

  it('stays exact when two transactions assign to the same shift at once', async () => {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venues[1].id, teamId: teams[1].id },
      { startsAt: new Date(ORIGIN + 60 * HOUR), endsAt: new Date(ORIGIN + 66 * HOUR), headcount: 20 },
    );
    const [a, b] = [await newStaff(), await newStaff()];
    const insert = `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, checked_in_at) VALUES ($1, $2, $3, now(), now(), 'MANUAL', now())`;
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    await first.startTransaction();
    await first.query(insert, [shift.id, a, event.id]);
    // The second starts while the first is open: it waits on the first's row lock (server) or for
    // the one connection (embedded), then adds on top of what the first committed.
    const secondDone = (async () => {
      try {
        await second.startTransaction();
        await second.query(insert, [shift.id, b, event.id]);
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
    // And many at once through the pool.
    const more: string[] = [];
    for (let i = 0; i < 8; i++) more.push(await newStaff());
    await Promise.all(more.map((id) => t.dataSource.transaction((m) => m.query(insert, [shift.id, id, event.id]))));
    const [row] = await t.dataSource.query(`SELECT assigned, checked_in FROM shift_staffing WHERE shift_id = $1`, [shift.id]);
    expect(row).toEqual({ assigned: 10, checked_in: 10 });
    await expectSameAsOracle();
  });
});
