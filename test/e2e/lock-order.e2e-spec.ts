import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { createEventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { TEST_PASSWORD } from '../factories/users';
import { GraphqlResponse } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const CANCEL = `mutation C($shiftId: ID!) { cancelShift(shiftId: $shiftId, reason: "storm warning") { cancelledAssignments } }`;
const UNASSIGN = `mutation U($id: ID!) { unassign(assignmentId: $id, reason: "moved") { status } }`;
const CHECK_IN = `mutation I($id: ID!) { checkIn(assignmentId: $id) { checkedInAt } }`;
const CHECK_OUT = `mutation O($id: ID!) { checkOut(assignmentId: $id) { checkedOutAt } }`;

const ROUNDS = 12;
const PEOPLE = 8;
/** Twelve rounds of real parallel requests take a while on a loaded machine or the embedded database. */
const RACE_TIMEOUT_MS = 120_000;

/**
 * A cancellation racing changes to the same shift's assignments, with real parallel requests:
 * every answer is a success or a typed error (never INTERNAL, never a deadlock), and what is left
 * is consistent — counters, statuses, history and audit.
 */
describe('lock order: cancelShift racing status changes and attendance', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let coordinator: string;
  let coordinatorEmail: string;
  /** Access tokens expire against the test clock: sign in again after moving it. */
  const login = async () =>
    (coordinator = (await t.gql.ok(`mutation { login(input: { email: "${coordinatorEmail}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login
      .accessToken);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-08-01T10:00:00Z' });
    const world = await createEventWorld(t, { venue: { zones: ['TECH'] } });
    ({ event, venue, team, org } = world);
    coordinatorEmail = world.users.coordinator.email;
    coordinator = world.tokens.coordinator;
  });
  afterAll(() => t?.close());

  /** A shift with PEOPLE people on it (written straight to the database: the triggers fill and count them). */
  async function staffedShift(startsAt: string, endsAt: string) {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: startsAt, endsAt: endsAt, headcount: PEOPLE },
    );
    const assignments: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await createStaffMember(t.dataSource, event.id, org.id, { email: `person-${i}@example.org` });
      const [row] = await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL') RETURNING id`,
        [shift.id, person.id, event.id],
      );
      assignments.push(row.id);
    }
    return { shift, assignments };
  }

  const errorsOf = (answers: GraphqlResponse[]) => answers.flatMap((a) => a.errors ?? []);
  const expectTyped = (answers: GraphqlResponse[]) => {
    for (const e of errorsOf(answers)) {
      expect(e.extensions?.code).toBe('CONFLICT');
      expect(e.extensions?.reason).toBeUndefined(); // not a retryable DEADLOCK / SERIALIZATION_FAILURE
      expect(e.extensions?.stacktrace).toBeUndefined();
    }
  };

  async function expectConsistent(shiftId: string, assignments: string[]) {
    const [shift] = await t.dataSource.query(
      `SELECT s.status, s.active_count, (SELECT count(*)::int FROM assignments a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'CONFIRMED')) AS active
         FROM shifts s WHERE s.id = $1`,
      [shiftId],
    );
    expect(shift).toEqual({ status: 'CANCELLED', active_count: 0, active: 0 });
    // Each assignment was cancelled once, from ASSIGNED, whoever did it.
    const rows: Array<{ id: string; status: string; cancellations: number }> = await t.dataSource.query(
      `SELECT a.id, a.status,
              (SELECT count(*)::int FROM assignment_history h WHERE h.assignment_id = a.id AND h.to_status = 'CANCELLED' AND h.from_status = 'ASSIGNED') AS cancellations
         FROM assignments a WHERE a.id = ANY($1::uuid[])`,
      [assignments],
    );
    expect(rows).toHaveLength(PEOPLE);
    for (const row of rows) expect(row).toMatchObject({ status: 'CANCELLED', cancellations: 1 });
  }

  it(
    `cancelShift racing ${PEOPLE} unassigns, ${ROUNDS} rounds: no deadlock, every place accounted for once`,
    async () => {
      let unassigned = 0;
      let cancelledByShift = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const { shift, assignments } = await staffedShift(
          new Date(Date.UTC(2024, 7, 2 + round, 6)).toISOString(),
          new Date(Date.UTC(2024, 7, 2 + round, 12)).toISOString(),
        );
        const [cancel, ...unassigns] = await Promise.all([
          t.gql.request(CANCEL, { shiftId: shift.id }, coordinator),
          ...assignments.map((id) => t.gql.request(UNASSIGN, { id }, coordinator)),
        ]);
        expect(cancel.errors).toBeUndefined();
        expectTyped(unassigns);
        const won = unassigns.filter((u) => !u.errors).length;
        // Each place was freed exactly once: by its unassign or by the cancellation.
        expect(won + cancel.data!.cancelShift.cancelledAssignments).toBe(PEOPLE);
        await expectConsistent(shift.id, assignments);
        const audits = await t.dataSource.query(
          `SELECT count(*) FILTER (WHERE action = 'assignment.cancelled')::int AS unassigns, count(*) FILTER (WHERE action = 'shift.cancelled')::int AS cancels
           FROM audit_entries WHERE entity_id = ANY($1::uuid[]) OR entity_id = $2`,
          [assignments, shift.id],
        );
        expect(audits).toEqual([{ unassigns: won, cancels: 1 }]);
        const notices = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'shift-cancelled' AND payload->>'shiftId' = $1`,
          [shift.id],
        );
        expect(notices).toEqual([{ n: cancel.data!.cancelShift.cancelledAssignments }]);
        unassigned += won;
        cancelledByShift += cancel.data!.cancelShift.cancelledAssignments;
      }
      expect(unassigned + cancelledByShift).toBe(ROUNDS * PEOPLE);
    },
    RACE_TIMEOUT_MS,
  );

  it(
    `check-ins and check-outs racing cancelShift, ${ROUNDS} rounds: typed answers, consistent attendance`,
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        // A shift under way (06:00–14:00Z, now 10:00Z), on a day of its own each round.
        t.clock.set(new Date(Date.UTC(2024, 8, 1 + round, 10)));
        await login();
        const { shift, assignments } = await staffedShift(
          new Date(Date.UTC(2024, 8, 1 + round, 6)).toISOString(),
          new Date(Date.UTC(2024, 8, 1 + round, 14)).toISOString(),
        );
        // Half of them came in at 06:00; the others arrive now, while the first half leave.
        const arrived = assignments.slice(0, PEOPLE / 2);
        const arriving = assignments.slice(PEOPLE / 2);
        await t.dataSource.query(`UPDATE assignments SET checked_in_at = starts_at, check_in_method = 'COORDINATOR' WHERE id = ANY($1::uuid[])`, [arrived]);
        const [cancel, ...answers] = await Promise.all([
          t.gql.request(CANCEL, { shiftId: shift.id }, coordinator),
          ...arriving.map((id) => t.gql.request(CHECK_IN, { id }, coordinator)),
          ...arrived.map((id) => t.gql.request(CHECK_OUT, { id }, coordinator)),
        ]);
        expect(cancel.errors).toBeUndefined();
        expect(cancel.data!.cancelShift.cancelledAssignments).toBe(PEOPLE);
        expectTyped(answers);
        await expectConsistent(shift.id, assignments);
        const attendance: Array<{ id: string; checked_in_at: Date | null; checked_out_at: Date | null; notes: string[] }> = await t.dataSource.query(
          `SELECT a.id, a.checked_in_at, a.checked_out_at,
                coalesce((SELECT array_agg(h.note ORDER BY h.at) FROM assignment_history h WHERE h.assignment_id = a.id AND h.note LIKE 'check-%'), '{}') AS notes
           FROM assignments a WHERE a.id = ANY($1::uuid[])`,
          [assignments],
        );
        const byId = new Map(attendance.map((a) => [a.id, a]));
        arriving.forEach((id, i) => {
          const ok = !answers[i].errors;
          expect(!!byId.get(id)!.checked_in_at).toBe(ok);
          expect(byId.get(id)!.notes).toEqual(ok ? ['check-in (COORDINATOR)'] : []);
        });
        arrived.forEach((id, i) => {
          const ok = !answers[arriving.length + i].errors;
          expect(!!byId.get(id)!.checked_out_at).toBe(ok);
          expect(byId.get(id)!.notes).toEqual(ok ? ['check-out'] : []);
        });
      }
    },
    RACE_TIMEOUT_MS,
  );
});
