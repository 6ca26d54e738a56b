import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { NoShowSweeper } from '../../libs/rostering/src/attendance/no-show-sweeper.service';
import { createEventWorld } from '../factories/event-world';
import { createEvent } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { TEST_PASSWORD } from '../factories/users';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const CHECK_IN = `mutation C($id: ID!, $method: CheckInMethod, $at: DateTime) {
  checkIn(assignmentId: $id, method: $method, at: $at) { id status checkedInAt checkedOutAt attendance }
}`;
const CHECK_OUT = `mutation O($id: ID!, $at: DateTime) { checkOut(assignmentId: $id, at: $at) { id checkedInAt checkedOutAt attendance } }`;
const ALERTS = `subscription S($e: ID!) { staffingAlert(eventId: $e) { kind eventId shiftId assignmentId staffMemberId venueId teamId at message } }`;

const MIN = 60_000;
const iso = (base: string, minutes: number) => new Date(new Date(base).getTime() + minutes * MIN).toISOString();

describe('attendance: check-in, check-out, no-shows, staffing alerts', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  let venue: VenueEntity;
  let otherVenue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let sweeper: NoShowSweeper;
  let tokens: Record<string, string> = {};
  let meId: string; // the staff member of the `staff` user
  let day = 0;

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  /** A shift of `hours` starting at `start`, with one assignment written straight to the database. */
  const assignment = async (start: string, options: { hours?: number; staffMemberId?: string; venueId?: string; status?: string } = {}) => {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: options.venueId ?? venue.id, teamId: team.id },
      { startsAt: start, endsAt: iso(start, (options.hours ?? 8) * 60) },
    );
    const staffMemberId = options.staffMemberId ?? (await createStaffMember(t.dataSource, event.id, org.id)).id;
    const [row] = await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status) VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4) RETURNING id`,
      [shift.id, staffMemberId, event.id, options.status ?? 'ASSIGNED'],
    );
    return { id: row.id as string, shiftId: shift.id, staffMemberId };
  };
  /** A fresh start time each call, a day apart, so one person's shifts never overlap. */
  const nextStart = () => new Date(Date.UTC(2024, 7, 1 + day++, 6)).toISOString();
  const history = async (id: string) =>
    (await t.dataSource.query(`SELECT from_status, to_status, note FROM assignment_history WHERE assignment_id = $1 ORDER BY at`, [id])) as Array<{
      note: string;
    }>;
  const audits = async (id: string) =>
    (await t.dataSource.query(`SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY 1`, [id])).map((r: { action: string }) => r.action);
  let usersByName: Record<string, { email: string }> = {};
  let issuedAt = 0;
  /** Moves the test clock; access tokens expire against it, so sign in again when it jumped ahead. */
  const setClock = async (now: string | Date) => {
    t.clock.set(now);
    const ms = new Date(now).getTime();
    if (ms < issuedAt + 20 * 3600_000) return;
    const fresh = await Promise.all(Object.entries(usersByName).map(async ([name, user]) => [name, await login(user.email)] as const));
    for (const [name, token] of fresh) tokens[name] = token;
    issuedAt = ms;
  };
  const code = async (query: string, variables: Record<string, unknown>, token?: string) => (await t.gql.error(query, variables, token)).extensions;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z', env: { JWT_ACCESS_TTL_SECONDS: '86400', LOGIN_LIMIT_PER_ACCOUNT: '1000' } });
    sweeper = t.app.get(NoShowSweeper, { strict: false });
    otherEvent = await createEvent(t.dataSource);
    const world = await createEventWorld(t, {
      venue: { zones: [] },
      people: ({ eventId }) => ({ otherEvent: [{ role: Role.COORDINATOR, eventId: otherEvent.id }], colleague: [{ role: Role.STAFF, eventId }] }),
    });
    ({ event, venue, otherVenue, team, org, tokens } = world);
    const users = world.users;
    usersByName = users;
    issuedAt = t.clock.now().getTime();
    meId = (await createStaffMember(t.dataSource, event.id, org.id, { userId: users.staff.id })).id;
  });
  afterAll(() => t?.close());

  describe('checkIn', () => {
    it('a coordinator checks someone in at now by default; history and audit record it, status unchanged', async () => {
      const start = nextStart();
      const a = await assignment(start);
      await setClock(iso(start, -10));
      const { checkIn } = await t.gql.ok(CHECK_IN, { id: a.id }, tokens.coordinator);
      expect(checkIn).toEqual({ id: a.id, status: 'ASSIGNED', checkedInAt: iso(start, -10), checkedOutAt: null, attendance: 'ON_TIME' });
      expect(await history(a.id)).toEqual([{ from_status: 'ASSIGNED', to_status: 'ASSIGNED', note: 'check-in (COORDINATOR)' }]);
      expect(await audits(a.id)).toEqual(['assignment.checked_in']);
      const [row] = await t.dataSource.query(`SELECT check_in_method FROM assignments WHERE id = $1`, [a.id]);
      expect(row.check_in_method).toBe('COORDINATOR');
    });

    it('is idempotent: a repeat (another method, another time) returns it unchanged, with no new history or audit', async () => {
      const start = nextStart();
      const a = await assignment(start);
      await setClock(iso(start, 20));
      const first = await t.gql.ok(CHECK_IN, { id: a.id, method: 'BADGE', at: iso(start, 3) }, tokens.coordinator);
      expect(first.checkIn).toMatchObject({ checkedInAt: iso(start, 3), attendance: 'ON_TIME' });
      await setClock(iso(start, 40));
      const again = await t.gql.ok(CHECK_IN, { id: a.id, method: 'OFFLINE_UPLOAD', at: iso(start, 30) }, tokens.admin);
      expect(again.checkIn).toEqual(first.checkIn);
      expect(await history(a.id)).toHaveLength(1);
      expect(await audits(a.id)).toEqual(['assignment.checked_in']);
      // Still idempotent once the check-in time rules would refuse a fresh one.
      await setClock(iso(start, 3 * 24 * 60));
      expect((await t.gql.ok(CHECK_IN, { id: a.id }, tokens.coordinator)).checkIn).toEqual(first.checkIn);
    });

    it('refuses a coordinator of another venue, another staff member, the person with a coordinator method, and anonymous callers', async () => {
      const start = nextStart();
      const a = await assignment(start, { staffMemberId: meId });
      await setClock(iso(start, -5));
      expect(await code(CHECK_IN, { id: a.id }, tokens.elsewhere)).toMatchObject({ code: 'FORBIDDEN', venueId: venue.id });
      expect(await code(CHECK_IN, { id: a.id }, tokens.otherEvent)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await code(CHECK_IN, { id: a.id, method: 'SELF' }, tokens.colleague))?.code).toBe('FORBIDDEN');
      expect((await code(CHECK_IN, { id: a.id }, tokens.colleague))?.code).toBe('FORBIDDEN');
      expect((await code(CHECK_IN, { id: a.id }, tokens.staff))?.code).toBe('FORBIDDEN');
      // SELF is the person's own method, not one a coordinator may claim for someone else.
      expect((await code(CHECK_IN, { id: a.id, method: 'SELF' }, tokens.coordinator))?.code).toBe('FORBIDDEN');
      expect((await code(CHECK_IN, { id: a.id }))?.code).toBe('UNAUTHENTICATED');
      expect((await code(CHECK_IN, { id: '00000000-0000-4000-8000-000000000000' }, tokens.coordinator))?.code).toBe('NOT_FOUND');
      expect(await history(a.id)).toEqual([]);
      // A coordinator of the right venue may (the other venue's coordinator, at their venue, too).
      expect((await t.gql.request(CHECK_IN, { id: a.id, method: 'BADGE' }, tokens.coordinator)).errors).toBeUndefined();
      const thereStart = nextStart();
      const there = await assignment(thereStart, { venueId: otherVenue.id });
      await setClock(thereStart);
      expect((await t.gql.request(CHECK_IN, { id: there.id }, tokens.elsewhere)).errors).toBeUndefined();
    });

    it('the person checks themself in with SELF from 60 min before the start to the end, at the server time', async () => {
      const start = nextStart();
      const a = await assignment(start, { staffMemberId: meId, hours: 4 });
      await setClock(new Date(new Date(iso(start, -60)).getTime() - 1000));
      expect(await code(CHECK_IN, { id: a.id, method: 'SELF' }, tokens.staff)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'assignmentId', constraint: 'selfCheckInWindow' }],
      });
      await setClock(iso(start, -60));
      expect(await code(CHECK_IN, { id: a.id, method: 'SELF', at: iso(start, -70) }, tokens.staff)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'at', constraint: 'selfTime' }],
      });
      const { checkIn } = await t.gql.ok(CHECK_IN, { id: a.id, method: 'SELF' }, tokens.staff);
      expect(checkIn).toMatchObject({ checkedInAt: iso(start, -60), attendance: 'ON_TIME' });
      expect(await history(a.id)).toEqual([expect.objectContaining({ note: 'check-in (SELF)' })]);

      const later = nextStart();
      const b = await assignment(later, { staffMemberId: meId, hours: 4 });
      await setClock(new Date(new Date(iso(later, 240)).getTime() + 1000));
      expect(await code(CHECK_IN, { id: b.id, method: 'SELF' }, tokens.staff)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ constraint: 'selfCheckInWindow' }],
      });
      await setClock(iso(later, 240));
      expect((await t.gql.ok(CHECK_IN, { id: b.id, method: 'SELF' }, tokens.staff)).checkIn.attendance).toBe('LATE');
    });

    it('validates the time: not in the future (2 min tolerance), not more than 24 h before the start, not after the end', async () => {
      const start = nextStart();
      const a = await assignment(start);
      await setClock(iso(start, 0));
      expect(await code(CHECK_IN, { id: a.id, at: iso(start, 3) }, tokens.coordinator)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'at', constraint: 'future' }],
      });
      expect(await code(CHECK_IN, { id: a.id, at: iso(start, -24 * 60 - 1) }, tokens.coordinator)).toMatchObject({
        fields: [{ field: 'at', constraint: 'tooEarly' }],
      });
      expect((await t.gql.ok(CHECK_IN, { id: a.id, at: iso(start, 2) }, tokens.coordinator)).checkIn.checkedInAt).toBe(iso(start, 2));

      const bStart = nextStart();
      const b = await assignment(bStart, { hours: 1 });
      await setClock(iso(bStart, 120));
      expect(await code(CHECK_IN, { id: b.id, at: iso(bStart, 61) }, tokens.coordinator)).toMatchObject({ fields: [{ field: 'at', constraint: 'afterEnd' }] });
      expect((await t.gql.ok(CHECK_IN, { id: b.id, at: iso(bStart, -24 * 60) }, tokens.coordinator)).checkIn.attendance).toBe('ON_TIME');
    });

    it('only active assignments are checked in', async () => {
      const start = nextStart();
      const cancelled = await assignment(start, { status: 'CANCELLED' });
      await setClock(start);
      expect(await code(CHECK_IN, { id: cancelled.id }, tokens.coordinator)).toMatchObject({ code: 'CONFLICT', status: 'CANCELLED' });
      expect(await code(CHECK_OUT, { id: cancelled.id }, tokens.coordinator)).toMatchObject({ code: 'CONFLICT' });
    });
  });

  describe('checkOut', () => {
    it('after the check-in, at most 12 h after the end, idempotent, audited', async () => {
      const start = nextStart();
      const a = await assignment(start, { hours: 2 });
      await setClock(iso(start, 30));
      expect(await code(CHECK_OUT, { id: a.id }, tokens.coordinator)).toMatchObject({ code: 'CONFLICT' });
      await t.gql.ok(CHECK_IN, { id: a.id, at: iso(start, 10) }, tokens.coordinator);
      expect(await code(CHECK_OUT, { id: a.id, at: iso(start, 5) }, tokens.coordinator)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'at', constraint: 'beforeCheckIn' }],
      });
      expect(await code(CHECK_OUT, { id: a.id, at: iso(start, 10) }, tokens.coordinator)).toMatchObject({ fields: [{ constraint: 'beforeCheckIn' }] });
      expect(await code(CHECK_OUT, { id: a.id, at: iso(start, 33) }, tokens.coordinator)).toMatchObject({ fields: [{ constraint: 'future' }] });
      await setClock(iso(start, 2 * 60 + 13 * 60));
      expect(await code(CHECK_OUT, { id: a.id }, tokens.coordinator)).toMatchObject({ fields: [{ constraint: 'tooLate' }] });
      expect(await code(CHECK_OUT, { id: a.id, at: iso(start, 120) }, tokens.elsewhere)).toMatchObject({ code: 'FORBIDDEN' });
      const { checkOut } = await t.gql.ok(CHECK_OUT, { id: a.id, at: iso(start, 2 * 60 + 12 * 60) }, tokens.coordinator);
      expect(checkOut).toEqual({ id: a.id, checkedInAt: iso(start, 10), checkedOutAt: iso(start, 14 * 60), attendance: 'CHECKED_OUT' });
      expect((await t.gql.ok(CHECK_OUT, { id: a.id, at: iso(start, 130) }, tokens.coordinator)).checkOut).toEqual(checkOut);
      expect((await history(a.id)).map((h) => h.note)).toEqual(['check-in (COORDINATOR)', 'check-out']);
      expect(await audits(a.id)).toEqual(['assignment.checked_in', 'assignment.checked_out']);
    });

    it('the person may check themself out, at the server time', async () => {
      const start = nextStart();
      const a = await assignment(start, { staffMemberId: meId, hours: 2 });
      await setClock(iso(start, -30));
      await t.gql.ok(CHECK_IN, { id: a.id, method: 'SELF' }, tokens.staff);
      await setClock(iso(start, 125));
      expect(await code(CHECK_OUT, { id: a.id, at: iso(start, 200) }, tokens.staff)).toMatchObject({ fields: [{ constraint: 'selfTime' }] });
      expect(await code(CHECK_OUT, { id: a.id }, tokens.colleague)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await t.gql.ok(CHECK_OUT, { id: a.id }, tokens.staff)).checkOut.checkedOutAt).toBe(iso(start, 125));
    });
  });

  it('attendance moves with the clock: UPCOMING, EXPECTED up to start + 30 min, then NO_SHOW; LATE after start + 5 min', async () => {
    const start = nextStart();
    const a = await assignment(start);
    const late = await assignment(start);
    const READ = `query Q($id: ID!) { shift(id: $id) { assignments { id attendance } } }`;
    const attendanceAt = async (now: string) => {
      await setClock(now);
      return (await t.gql.ok(READ, { id: a.shiftId }, tokens.coordinator)).shift.assignments[0].attendance;
    };
    const ms = (base: string, delta: number) => new Date(new Date(base).getTime() + delta).toISOString();
    expect(await attendanceAt(ms(start, -1))).toBe('UPCOMING');
    expect(await attendanceAt(start)).toBe('EXPECTED');
    expect(await attendanceAt(iso(start, 30))).toBe('EXPECTED');
    expect(await attendanceAt(ms(iso(start, 30), 1))).toBe('NO_SHOW');
    expect((await t.gql.ok(CHECK_IN, { id: a.id, at: iso(start, 5) }, tokens.coordinator)).checkIn.attendance).toBe('ON_TIME');
    expect((await t.gql.ok(CHECK_IN, { id: late.id, at: ms(iso(start, 5), 1000) }, tokens.coordinator)).checkIn.attendance).toBe('LATE');
  });

  describe('no-show sweep and staffing alerts', () => {
    it('flags each due assignment exactly once, with history and audit; leaves the others alone', async () => {
      const start = nextStart();
      const due = await assignment(start);
      const confirmed = await assignment(start, { status: 'CONFIRMED' });
      const checkedIn = await assignment(start);
      const cancelled = await assignment(start, { status: 'CANCELLED' });
      const notYet = await assignment(iso(start, 2));
      const longOver = await assignment(iso(start, -22 * 60), { hours: 2 }); // ended 20 h ago
      await setClock(iso(start, 15));
      await t.gql.ok(CHECK_IN, { id: checkedIn.id }, tokens.coordinator);
      await setClock(iso(start, 31));

      // Two sweeps at once (as on two instances), then a third: each row flagged once.
      const counts = await Promise.all([sweeper.sweep(), sweeper.sweep()]);
      expect(await sweeper.sweep()).toBe(0);
      const flagged = (
        await t.dataSource.query(`SELECT id FROM assignments WHERE no_show_at IS NOT NULL AND id = ANY($1)`, [
          [due.id, confirmed.id, checkedIn.id, cancelled.id, notYet.id, longOver.id],
        ])
      ).map((r: { id: string }) => r.id);
      expect(flagged.sort()).toEqual([due.id, confirmed.id].sort());
      expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(2);
      for (const id of [due.id, confirmed.id]) {
        expect((await history(id)).filter((h) => h.note === 'no-show')).toHaveLength(1);
        expect(await audits(id)).toEqual(['assignment.no_show']);
      }
      // Flagged people who turn up are LATE, not refused.
      expect((await t.gql.ok(CHECK_IN, { id: due.id }, tokens.coordinator)).checkIn.attendance).toBe('LATE');
      expect(await sweeper.sweep()).toBe(0);
    });

    it('publishes a NO_SHOW alert to coordinators in scope; others see nothing or are refused', async () => {
      const start = nextStart();
      const a = await assignment(start);
      await setClock(iso(start, 45));
      const coordinator = await subscribe(t.gql.url, ALERTS, { e: event.id }, tokens.coordinator);
      const elsewhere = await subscribe(t.gql.url, ALERTS, { e: event.id }, tokens.elsewhere);
      try {
        await sweeper.sweep();
        const alert = (await coordinator.next()).staffingAlert;
        expect(alert).toEqual({
          kind: 'NO_SHOW',
          eventId: event.id,
          shiftId: a.shiftId,
          assignmentId: a.id,
          staffMemberId: a.staffMemberId,
          venueId: venue.id,
          teamId: team.id,
          at: iso(start, 45),
          message: expect.stringContaining('has not checked in for Network technician'),
        });
        // The coordinator of another venue of the same event is not told about this venue.
        await expect(elsewhere.next(1000)).rejects.toThrow('no subscription event in time');
      } finally {
        await coordinator.close();
        await elsewhere.close();
      }
      for (const [token, expected] of [
        [tokens.otherEvent, 'FORBIDDEN'],
        [tokens.staff, 'FORBIDDEN'],
        [undefined, 'UNAUTHENTICATED'],
      ] as const) {
        const refused = await subscribe(t.gql.url, ALERTS, { e: event.id }, token);
        await expect(refused.next()).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: expected }) })] });
        await refused.close();
      }
    });
  });
});
