import { EventEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { COVERAGE_SQL } from '../../libs/rostering/src/coverage/coverage.sql';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { COVERAGE_ORACLE_SQL } from '../utils/coverage-oracle.sql';
import { startTestApp, TestApp } from '../utils/test-app';

const ASSIGN = `mutation A($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id } }`;
const CHECK_IN = `mutation C($a: ID!) { checkIn(assignmentId: $a) { id checkedInAt } }`;
const HOUR = 3_600_000;

describe('coverage counters under racing mutations: an assignment and a check-in on the same shift at once', () => {
  let t: TestApp;
  let event: EventEntity;
  let place: EventWorld['place'];
  let orgId: string;
  let token: string;
  const shifts: ShiftEntity[] = [];

  /** Someone on the shift, not checked in yet, written straight in the database (the triggers keep the counters). */
  const waiting = async (shift: ShiftEntity): Promise<string> => {
    const person = await createStaffMember(t.dataSource, event.id, orgId);
    const [row] = await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status) VALUES ($1, $2, $3, now(), now(), 'MANUAL', 'ASSIGNED') RETURNING id`,
      [shift.id, person.id, event.id],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t);
    ({ event, place } = world);
    orgId = world.org.id;
    token = world.tokens.coordinator;
    for (let i = 0; i < 4; i++) {
      shifts.push(await createShift(t.dataSource, place, { startsAt: '2024-07-20T09:00:00Z', endsAt: '2024-07-20T13:00:00Z', headcount: 20 }));
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('leaves shift_staffing exact, and the board equal to the oracle, round after round', async () => {
    let assigned = 0;
    let checkedIn = 0;
    for (let round = 0; round < 4; round++) {
      const ready = await Promise.all(shifts.flatMap((s) => [waiting(s), waiting(s)]));
      const people = await Promise.all(shifts.map(() => createStaffMember(t.dataSource, event.id, orgId)));
      // Per shift: one assignment and two check-ins, every request sent at the same moment.
      const results = await Promise.all([
        ...shifts.map((s, i) => t.gql.request(ASSIGN, { s: s.id, m: people[i].id }, token)),
        ...ready.map((a) => t.gql.request(CHECK_IN, { a }, token)),
      ]);
      for (const result of results) expect(result.errors).toBeUndefined();
      assigned += shifts.length * 3;
      checkedIn += ready.length;
    }
    const counters = await t.dataSource.query(
      `SELECT c.shift_id, c.assigned, c.checked_in, x.assigned AS want_assigned, x.checked_in AS want_checked_in
         FROM shift_staffing c
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS assigned, count(a.checked_in_at)::int AS checked_in
             FROM assignments a WHERE a.shift_id = c.shift_id AND a.status IN ('ASSIGNED', 'CONFIRMED')) x
        WHERE c.shift_id = ANY ($1::uuid[])`,
      [shifts.map((s) => s.id)],
    );
    expect(counters).toHaveLength(shifts.length);
    for (const row of counters) expect([row.assigned, row.checked_in]).toEqual([row.want_assigned, row.want_checked_in]);
    // The rounds did what they said: the totals are those of the requests sent.
    expect(counters.reduce((n: number, r: { assigned: number }) => n + r.assigned, 0)).toBe(assigned);
    expect(counters.reduce((n: number, r: { checked_in: number }) => n + r.checked_in, 0)).toBe(checkedIn);

    const from = new Date('2024-07-20T00:00:00Z');
    const to = new Date('2024-07-21T00:00:00Z');
    const params = [event.id, from, to, 'HOUR', null, null, t.clock.now(), 501, new Date(from.getTime() - 98 * HOUR), new Date(to.getTime() + 26 * HOUR), null];
    const [[board], [oracle]] = [await t.dataSource.query(COVERAGE_SQL, params), await t.dataSource.query(COVERAGE_ORACLE_SQL, params)];
    expect(board).toEqual(oracle);
    expect(board.totals.map(Number)).toEqual([80, assigned, checkedIn, 80 - assigned]);
  });
});
