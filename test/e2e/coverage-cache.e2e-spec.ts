import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { CoverageBucket } from '../../libs/rostering/src/coverage/coverage.dto';
import { MAX_GAPS, toCoverageObject } from '../../libs/rostering/src/coverage/coverage.service';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { COVERAGE_ORACLE_SQL } from '../utils/coverage-oracle.sql';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const BOARD_FIELDS = `eventId bucket timeZone from to gapsTruncated
    cells { venueId teamId bucketStart bucketEnd required assigned checkedIn gap }
    gaps { shiftId venueId teamId roleTitle startsAt endsAt headcount assigned missing }
    totals { required assigned checkedIn gap }`;
const BOARD = `query B($e: ID!, $v: [ID!], $t: [ID!], $from: DateTime!, $to: DateTime!, $b: CoverageBucket) {
  coverage(eventId: $e, venueIds: $v, teamIds: $t, from: $from, to: $to, bucket: $b) { ${BOARD_FIELDS} } }`;
const HOUR = 3_600_000;
const FROM = '2024-07-20T00:00:00Z';
const TO = '2024-07-22T00:00:00Z';
const NOW = '2024-07-20T08:00:00Z';

interface Ask {
  v?: string[];
  t?: string[];
  b?: CoverageBucket;
  from?: string;
  to?: string;
}

describe('coverage cache: one computed board per scope, dropped by the changes that move it', () => {
  let t: TestApp;
  let event: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let teamX: TeamEntity;
  let teamY: TeamEntity;
  let orgId: string;
  const shifts: Record<string, ShiftEntity> = {};
  const tokens: Record<string, string> = {};

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  const board = async (token: string, ask: Ask = {}, query = BOARD) =>
    (await t.gql.ok(query, { e: event.id, from: ask.from ?? FROM, to: ask.to ?? TO, b: ask.b ?? 'HOUR', v: ask.v ?? null, t: ask.t ?? null }, token)).coverage;
  /** The oracle (assignments counted one by one) for what the viewer may see: its answer as the API writes it. */
  const oracle = async (venueIds: string[] | null, teamIds: string[] | null, ask: Ask = {}) => {
    const from = new Date(ask.from ?? FROM);
    const to = new Date(ask.to ?? TO);
    const bucket = ask.b ?? CoverageBucket.HOUR;
    const [row] = await t.dataSource.query(COVERAGE_ORACLE_SQL, [
      event.id,
      from,
      to,
      bucket,
      venueIds && [...venueIds].sort(),
      teamIds && [...teamIds].sort(),
      t.clock.now(),
      MAX_GAPS + 1,
      new Date(from.getTime() - 98 * HOUR),
      new Date(to.getTime() + 26 * HOUR),
      null,
    ]);
    return JSON.parse(JSON.stringify(toCoverageObject(event.id, bucket, row)));
  };
  /** Board statements the app sent while `work` ran (the oracle's are not counted). */
  const boardStatements = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const counter = countSql(t.dataSource);
    try {
      const result = await work();
      return [result, counter.statements.filter((s) => s.startsWith('/* coverage */')).length];
    } finally {
      counter.stop();
    }
  };
  const place = (venue: VenueEntity, team: TeamEntity) => ({ eventId: event.id, venueId: venue.id, teamId: team.id });
  const staffOn = async (shift: ShiftEntity, checkedIn = false) => {
    const person = await createStaffMember(t.dataSource, event.id, orgId);
    const [row] = await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status, checked_in_at)
       VALUES ($1, $2, $3, now(), now(), 'MANUAL', 'ASSIGNED', CASE WHEN $4 THEN now() END) RETURNING id`,
      [shift.id, person.id, event.id, checkedIn],
    );
    return row.id as string;
  };

  beforeAll(async () => {
    // A lifetime far longer than the test: a board read again after a change is fresh only
    // because the change dropped it.
    t = await startTestApp({ now: NOW, env: { COVERAGE_CACHE_SECONDS: '60' } });
    event = await createEvent(t.dataSource);
    venueA = await createVenue(t.dataSource, event.id);
    venueB = await createVenue(t.dataSource, event.id);
    teamX = await createTeam(t.dataSource, event.id);
    teamY = await createTeam(t.dataSource, event.id);
    orgId = (await createOrganisation(t.dataSource)).id;
    const at = (h: number) => new Date(Date.parse(FROM) + h * HOUR).toISOString();
    shifts.ax = await createShift(t.dataSource, place(venueA, teamX), { startsAt: at(9), endsAt: at(13), headcount: 4 });
    shifts.ay = await createShift(t.dataSource, place(venueA, teamY), { startsAt: at(10), endsAt: at(18), headcount: 3 });
    shifts.bx = await createShift(t.dataSource, place(venueB, teamX), { startsAt: at(9), endsAt: at(12), headcount: 2 });
    shifts.by = await createShift(t.dataSource, place(venueB, teamY), { startsAt: at(22), endsAt: at(30), headcount: 5 });
    shifts.empty = await createShift(t.dataSource, place(venueB, teamX), { startsAt: at(14), endsAt: at(16), headcount: 2 });
    shifts.draft = await createShift(t.dataSource, place(venueA, teamX), { startsAt: at(15), endsAt: at(17), headcount: 6, status: ShiftStatus.DRAFT });
    await staffOn(shifts.ax, true);
    await staffOn(shifts.ax);
    await staffOn(shifts.ay, true);
    await staffOn(shifts.bx);
    const users = {
      coordinator: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }]),
      coordinator2: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id }]),
      venueA: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id] }]),
      venueA2: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id] }]),
      teamY: await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: event.id, teamIds: [teamY.id] }]),
      admin: await createUser(t.dataSource, [{ role: Role.ADMIN }]),
    };
    for (const [name, user] of Object.entries(users)) tokens[name] = await login(user.email);
  }, 120_000);
  afterAll(() => t?.close());

  it('answers as the oracle for several scopes and buckets, first computed and then replayed from its text without a statement', async () => {
    const cases: Array<[string, Ask, string[] | null, string[] | null]> = [
      ['coordinator', {}, null, null],
      ['coordinator', { b: CoverageBucket.FOUR_HOURS }, null, null],
      ['coordinator', { b: CoverageBucket.DAY }, null, null],
      ['venueA', {}, [venueA.id], null],
      ['venueA', { b: CoverageBucket.DAY }, [venueA.id], null],
      ['teamY', { b: CoverageBucket.FOUR_HOURS }, null, [teamY.id]],
      ['admin', { v: [venueB.id, venueA.id], t: [teamX.id] }, [venueA.id, venueB.id], [teamX.id]],
      ['admin', { from: '2024-07-20T09:30:00Z', to: '2024-07-20T12:10:00Z' }, null, null],
    ];
    let cells = 0;
    for (const [who, ask, venueIds, teamIds] of cases) {
      const expected = await oracle(venueIds, teamIds, ask);
      const [first, computed] = await boardStatements(() => board(tokens[who], ask));
      const [again, replayed] = await boardStatements(() => board(tokens[who], ask));
      expect([computed, replayed]).toEqual([1, 0]);
      expect(first).toEqual(expected);
      expect(again).toEqual(expected);
      cells += expected.cells.length;
    }
    expect(cells).toBeGreaterThan(40);
  });

  it('sends a replayed board as the very bytes of the computed one, text outside ASCII included', async () => {
    const title = 'Régie son — équipe « nuit » 🎧';
    const shift = await createShift(t.dataSource, place(venueA, teamY), {
      startsAt: '2024-07-25T20:00:00Z',
      endsAt: '2024-07-26T02:00:00Z',
      headcount: 2,
      roleTitle: title,
    });
    const raw = async () => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.coordinator}` },
        body: JSON.stringify({
          query: BOARD,
          variables: { e: event.id, from: '2024-07-25T00:00:00Z', to: '2024-07-27T00:00:00Z', b: 'DAY', v: null, t: null },
        }),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      return { bytes, length: Number(response.headers.get('content-length')), type: response.headers.get('content-type') };
    };
    const [answers, statements] = await boardStatements(async () => [await raw(), await raw(), await raw()]);
    expect(statements).toBe(1);
    const [computed, ...replayed] = answers;
    for (const answer of replayed) {
      expect(answer.bytes.equals(computed.bytes)).toBe(true);
      expect(answer.length).toBe(answer.bytes.length);
      expect(answer.type).toBe(computed.type);
    }
    const gaps = JSON.parse(replayed[1].bytes.toString('utf8')).data.coverage.gaps as Array<{ shiftId: string; roleTitle: string }>;
    expect(gaps.find((g) => g.shiftId === shift.id)?.roleTitle).toBe(title);
  });

  it('answers two kept boards asked under aliases in one request, each in its place', async () => {
    const two = `query T($e: ID!, $from: DateTime!, $to: DateTime!, $va: [ID!], $vb: [ID!]) {
      a: coverage(eventId: $e, venueIds: $va, from: $from, to: $to, bucket: DAY) { ${BOARD_FIELDS} }
      me { id }
      b: coverage(eventId: $e, venueIds: $vb, from: $from, to: $to, bucket: DAY) { ${BOARD_FIELDS} } }`;
    // A window no other test asks for, so both boards are computed here first.
    const ask = { b: CoverageBucket.DAY, from: '2024-07-20T00:00:00Z', to: '2024-07-24T00:00:00Z' };
    const variables = { e: event.id, from: ask.from, to: ask.to, va: [venueA.id], vb: [venueB.id] };
    const [first, computed] = await boardStatements(() => t.gql.ok(two, variables, tokens.coordinator));
    const [again, replayed] = await boardStatements(() => t.gql.ok(two, variables, tokens.coordinator));
    expect([computed, replayed]).toEqual([2, 0]);
    const expected = { a: await oracle([venueA.id], null, ask), b: await oracle([venueB.id], null, ask) };
    for (const answer of [first, again]) {
      expect(answer.a).toEqual(expected.a);
      expect(answer.b).toEqual(expected.b);
      expect(typeof answer.me.id).toBe('string');
    }
    expect(Object.keys(again)).toEqual(['a', 'me', 'b']);
  });

  it('computes once for concurrent identical requests, and shares across viewers of exactly the same scope', async () => {
    const ask = { b: CoverageBucket.HOUR, from: '2024-07-20T06:00:00Z', to: '2024-07-21T06:00:00Z' };
    const [answers, statements] = await boardStatements(() =>
      Promise.all(Array.from({ length: 8 }, (_, i) => board(tokens[i % 2 ? 'coordinator' : 'coordinator2'], ask))),
    );
    expect(statements).toBe(1);
    const expected = await oracle(null, null, ask);
    for (const answer of answers) expect(answer).toEqual(expected);
    // Two venue-A coordinators share their own board, not the whole event's.
    const [mine, first] = await boardStatements(() => board(tokens.venueA, ask));
    const [theirs, second] = await boardStatements(() => board(tokens.venueA2, ask));
    expect([first, second]).toEqual([1, 0]);
    expect(mine).toEqual(await oracle([venueA.id], null, ask));
    expect(theirs).toEqual(mine);
  });

  it('never gives a narrower grant a board built for a wider scope, and still refuses what is outside it', async () => {
    const ask = { b: CoverageBucket.DAY, from: '2024-07-19T00:00:00Z', to: '2024-07-23T00:00:00Z' };
    const wide = await board(tokens.coordinator, ask);
    expect(new Set(wide.cells.map((c: { venueId: string }) => c.venueId))).toEqual(new Set([venueA.id, venueB.id]));
    // Cached for the whole event: the venue-A coordinator gets their own, asked or not for more.
    const [narrow, statements] = await boardStatements(() => board(tokens.venueA, ask));
    expect(statements).toBe(1);
    expect(narrow).toEqual(await oracle([venueA.id], null, ask));
    expect(narrow.cells.length).toBeGreaterThan(0);
    expect(narrow.cells.every((c: { venueId: string }) => c.venueId === venueA.id)).toBe(true);
    expect(narrow.totals).not.toEqual(wide.totals);
    expect(await board(tokens.venueA, { ...ask, v: [venueA.id, venueB.id] })).toEqual(narrow);
    const teamOnly = await board(tokens.teamY, ask);
    expect(teamOnly).toEqual(await oracle(null, [teamY.id], ask));
    // Venue B's board is cached now (the admin asked for it): a venue-A coordinator is still refused.
    await board(tokens.admin, { ...ask, v: [venueB.id] });
    const refused = await t.gql.error(BOARD, { e: event.id, from: ask.from, to: ask.to, b: 'DAY', v: [venueB.id] }, tokens.venueA);
    expect(refused.extensions?.code).toBe('FORBIDDEN');
  });

  it('replays a text only for the same selection: another selection gets its own, edges resolve for each request', async () => {
    const ask = { b: CoverageBucket.FOUR_HOURS, from: '2024-07-20T04:00:00Z', to: '2024-07-21T04:00:00Z' };
    const full = await board(tokens.coordinator, ask);
    const slim = `query S($e: ID!, $v: [ID!], $t: [ID!], $from: DateTime!, $to: DateTime!, $b: CoverageBucket) {
      coverage(eventId: $e, venueIds: $v, teamIds: $t, from: $from, to: $to, bucket: $b) { cells { venueId required } totals { gap } } }`;
    const [small, statements] = await boardStatements(() => board(tokens.coordinator, ask, slim));
    expect(statements).toBe(0);
    expect(small).toEqual({
      cells: full.cells.map((c: { venueId: string; required: number }) => ({ venueId: c.venueId, required: c.required })),
      totals: { gap: full.totals.gap },
    });
    const withEdges = `query W($e: ID!, $v: [ID!], $t: [ID!], $from: DateTime!, $to: DateTime!, $b: CoverageBucket) {
      coverage(eventId: $e, venueIds: $v, teamIds: $t, from: $from, to: $to, bucket: $b) { cells { venueId venue { id name } } gaps { shift { id } } } }`;
    for (let round = 0; round < 2; round++) {
      const counter = countSql(t.dataSource);
      try {
        const answer = await board(tokens.coordinator, ask, withEdges);
        expect(answer.cells.map((c: { venue: { id: string } }) => c.venue.id)).toEqual(full.cells.map((c: { venueId: string }) => c.venueId));
        expect(answer.gaps.length).toBe(full.gaps.length);
        // The figures come from the cache; the venues and shifts are loaded for this viewer each time.
        expect(counter.statements.filter((s) => s.startsWith('/* coverage */'))).toHaveLength(0);
        expect(counter.statements.filter((s) => /FROM "?venues"?/i.test(s)).length).toBeGreaterThan(0);
      } finally {
        counter.stop();
      }
    }
  });

  describe('drops the boards a change touches, so the next read is fresh', () => {
    const ask: Ask = { b: CoverageBucket.HOUR };
    /** Reads the board of every viewer, runs the change, reads again: each must equal the oracle after it. */
    const afterChange = async (change: () => Promise<unknown>, touched: 'A' | 'B' | 'AB') => {
      const before = {
        all: await board(tokens.coordinator, ask),
        a: await board(tokens.venueA, ask),
      };
      await change();
      const [all, allStatements] = await boardStatements(() => board(tokens.coordinator, ask));
      const [a, aStatements] = await boardStatements(() => board(tokens.venueA, ask));
      expect(all).toEqual(await oracle(null, null, ask));
      expect(a).toEqual(await oracle([venueA.id], null, ask));
      expect(all).not.toEqual(before.all);
      expect(allStatements).toBe(1);
      // A change at venue B leaves venue A's board cached.
      expect(aStatements).toBe(touched === 'B' ? 0 : 1);
      if (touched === 'B') expect(a).toEqual(before.a);
    };

    it('an assignment, a check-in, an unassignment', async () => {
      const person = await createStaffMember(t.dataSource, event.id, orgId);
      let assignmentId = '';
      await afterChange(async () => {
        const data = await t.gql.ok(
          `mutation A($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id } }`,
          { s: shifts.bx.id, m: person.id },
          tokens.admin,
        );
        assignmentId = data.assign.id;
      }, 'B');
      await afterChange(() => t.gql.ok(`mutation C($a: ID!) { checkIn(assignmentId: $a) { id } }`, { a: assignmentId }, tokens.admin), 'B');
      await afterChange(() => t.gql.ok(`mutation U($a: ID!) { unassign(assignmentId: $a) { id } }`, { a: assignmentId }, tokens.admin), 'B');
    });

    it('shift edits: headcount, times, role, venue; publishing; cancelling a shift nobody is on', async () => {
      const update = (id: string, input: Record<string, unknown>) =>
        t.gql.ok(`mutation U($id: ID!, $input: UpdateShiftInput!) { updateShift(id: $id, input: $input) { id } }`, { id, input }, tokens.admin);
      await afterChange(() => update(shifts.ax.id, { headcount: 7 }), 'A');
      await afterChange(() => update(shifts.empty.id, { startsAt: '2024-07-20T15:00:00Z', endsAt: '2024-07-20T19:00:00Z' }), 'B');
      await afterChange(() => update(shifts.ay.id, { roleTitle: 'Results operator' }), 'A');
      await afterChange(() => update(shifts.empty.id, { venueId: venueA.id }), 'AB');
      await afterChange(() => t.gql.ok(`mutation P($ids: [ID!]!) { publishShifts(ids: $ids) { id } }`, { ids: [shifts.draft.id] }, tokens.admin), 'A');
      await afterChange(
        () => t.gql.ok(`mutation C($s: ID!) { cancelShift(shiftId: $s, reason: "Venue closed") { shiftId } }`, { s: shifts.empty.id }, tokens.admin),
        'A',
      );
    });
  });
});
