import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { OutboxMessageEntity } from '@baton/outbox';
import { AssignmentEntity, AssignmentStatus } from '@baton/rostering';
import { ShiftEntity } from '@baton/scheduling';
import { StaffMemberEntity } from '@baton/staff';
import { createEvent, createTeam, createVenue } from '../factories/events';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!, $reason: String) {
  assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId, overrideReason: $reason }) { id status source ruleNotes { rule } overrideReason startsAt }
}`;
const CHECK = `query C($shiftId: ID!, $staffMemberId: ID!) {
  checkAssignment(shiftId: $shiftId, staffMemberId: $staffMemberId) { allowed violations { rule severity configurable message details } warnings { rule } }
}`;

describe('rostering: assignments under the rules', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let otherVenue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let tokens: EventWorld['tokens'];
  let staffUserId: string;

  const where = () => ({ eventId: event.id, venueId: venue.id, teamId: team.id });

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t, { venue: { zones: ['TECH'] } });
    ({ event, venue, otherVenue, team, org, tokens } = world);
    staffUserId = world.users.staff.id;
  });
  afterAll(() => t?.close());

  it('assigns, records who and how, and audits', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const result = await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.coordinator);
    expect(result.assign).toMatchObject({ status: 'ASSIGNED', source: 'MANUAL', ruleNotes: [], startsAt: '2024-07-27T06:00:00.000Z' });
    expect((await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: shift.id })).activeCount).toBe(1);
    const audit = await t.gql.ok(`{ auditLog(filter: { entityId: "${result.assign.id}" }) { edges { node { action } } } }`, {}, tokens.admin);
    expect(audit.auditLog.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(['assignment.created']);
  });

  it('judges first without locks, then reads the shift and the staff record once each under their locks', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const counter = countSql(t.dataSource);
    try {
      await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.coordinator);
    } finally {
      counter.stop();
    }
    const shiftReads = counter.statements.filter((q) => /\bFROM shifts\b/i.test(q));
    const staffReads = counter.statements.filter((q) => /\baccreditation_status\b/.test(q));
    expect(shiftReads.map((q) => /FOR UPDATE/.test(q))).toEqual([false, true]);
    expect(staffReads.map((q) => /FOR UPDATE/.test(q))).toEqual([false, true]);
  });

  it('refuses from a read: no lock taken, no transaction opened', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-29T06:00:00Z', endsAt: '2024-07-29T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.coordinator);
    const counter = countSql(t.dataSource);
    try {
      const refused = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.coordinator);
      expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION' });
    } finally {
      counter.stop();
    }
    expect(counter.statements.filter((q) => /FOR UPDATE|START TRANSACTION|^BEGIN|INSERT/i.test(q))).toEqual([]);
    expect(counter.statements.filter((q) => /\bFROM shifts\b/i.test(q))).toHaveLength(1);
  });

  it('refuses 10 h 59 of rest and allows 11 h 00, explaining the numbers and the neighbouring shift', async () => {
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const evening = await createShift(t.dataSource, where(), { startsAt: '2024-07-26T11:01:00Z', endsAt: '2024-07-26T19:01:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: evening.id, staffMemberId: person.id }, tokens.coordinator);
    const morning = await createShift(t.dataSource, where(), { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' });

    const check = await t.gql.ok(CHECK, { shiftId: morning.id, staffMemberId: person.id }, tokens.coordinator);
    expect(check.checkAssignment).toMatchObject({
      allowed: false,
      violations: [
        { rule: 'MIN_REST', severity: 'BLOCK', configurable: true, details: { restMinutes: 659, requiredMinutes: 660, neighbourShiftId: evening.id } },
      ],
    });
    const refused = await t.gql.error(ASSIGN, { shiftId: morning.id, staffMemberId: person.id }, tokens.coordinator);
    expect(refused.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: [{ rule: 'MIN_REST', restMinutes: 659, requiredMinutes: 660, neighbourShiftId: evening.id }],
    });
    expect(refused.message).toContain('Rest of 10 h 59 is below the minimum of 11 h 00');
    expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ shiftId: morning.id })).toBe(0);

    const later = await createShift(t.dataSource, where(), { startsAt: '2024-07-27T06:01:00Z', endsAt: '2024-07-27T14:01:00Z' });
    expect((await t.gql.request(ASSIGN, { shiftId: later.id, staffMemberId: person.id }, tokens.coordinator)).errors).toBeUndefined();
  });

  it('computes days in the venue time zone (Teahupo’o, UTC−10)', async () => {
    const tahiti = await createVenue(t.dataSource, event.id, { timeZone: 'Pacific/Tahiti', zones: ['TECH'] });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    // 23:00–03:00 on the 28th local, then 07:00–13:00 on the 29th local: 4 h of rest between two days.
    const night = await createShift(t.dataSource, { ...where(), venueId: tahiti.id }, { startsAt: '2024-07-29T09:00:00Z', endsAt: '2024-07-29T13:00:00Z' });
    const day = await createShift(t.dataSource, { ...where(), venueId: tahiti.id }, { startsAt: '2024-07-29T17:00:00Z', endsAt: '2024-07-29T23:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: night.id, staffMemberId: person.id }, tokens.coordinator);
    const refused = await t.gql.error(ASSIGN, { shiftId: day.id, staffMemberId: person.id }, tokens.coordinator);
    expect(refused.extensions?.rules).toEqual([expect.objectContaining({ rule: 'MIN_REST', restMinutes: 240 })]);
  });

  it('lists every failed rule at once: skills, accreditation, unavailability', async () => {
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('FIBRE', 'Fibre splicing', 'network') RETURNING id`))[0].id;
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T12:00:00Z' });
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 3)`, [shift.id, skill]);
    const person = await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: ['FOP'], skills: [{ skillId: skill, level: 2 }] });
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'UNAVAILABLE', '2024-07-28T00:00:00Z', '2024-07-28T08:00:00Z')`,
      [person.id],
    );
    const refused = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.coordinator);
    expect((refused.extensions?.rules as Array<{ rule: string }>).map((r) => r.rule).sort()).toEqual(['ACCREDITATION', 'AVAILABILITY', 'SKILLS']);
  });

  it('lets an admin override a configurable rule with a written reason, audited; never a hard rule; never a coordinator', async () => {
    const person = await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: [] });
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-29T06:00:00Z', endsAt: '2024-07-29T12:00:00Z', headcount: 1 });
    const asCoordinator = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id, reason: 'badge on its way' }, tokens.coordinator);
    expect(asCoordinator.extensions?.code).toBe('FORBIDDEN');
    const overridden = await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: person.id, reason: 'badge on its way' }, tokens.admin);
    expect(overridden.assign).toMatchObject({ overrideReason: 'badge on its way', ruleNotes: [expect.objectContaining({ rule: 'ACCREDITATION' })] });
    const audit = await t.gql.ok(`{ auditLog(filter: { entityId: "${overridden.assign.id}" }) { edges { node { action reason } } } }`, {}, tokens.admin);
    expect(audit.auditLog.edges[0].node).toEqual({ action: 'assignment.created_with_override', reason: 'badge on its way' });
    // The shift is now full: capacity is a hard rule, no reason unlocks it.
    const other = await createStaffMember(t.dataSource, event.id, org.id);
    const full = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: other.id, reason: 'please' }, tokens.admin);
    expect(full.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'CAPACITY', configurable: false })] });
  });

  it('scopes: a coordinator limited to another venue, a staff member and an anonymous caller are refused', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-30T06:00:00Z', endsAt: '2024-07-30T12:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    expect((await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.elsewhere)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(CHECK, { shiftId: shift.id, staffMemberId: person.id }, tokens.elsewhere)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id }, tokens.staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: person.id })).extensions?.code).toBe('UNAUTHENTICATED');
    const atOther = await createShift(
      t.dataSource,
      { ...where(), venueId: otherVenue.id },
      { startsAt: '2024-07-30T06:00:00Z', endsAt: '2024-07-30T12:00:00Z' },
    );
    expect((await t.gql.request(ASSIGN, { shiftId: atOther.id, staffMemberId: person.id }, tokens.elsewhere)).errors).toBeUndefined();
  });

  it('the assigned person confirms or declines; nobody else may; declining reopens the place', async () => {
    const me = await createStaffMember(t.dataSource, event.id, org.id, { userId: staffUserId });
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-07-31T06:00:00Z', endsAt: '2024-07-31T12:00:00Z', headcount: 1 });
    const { assign } = await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: me.id }, tokens.coordinator);
    const CONFIRM = `mutation { confirmAssignment(assignmentId: "${assign.id}") { status } }`;
    expect((await t.gql.error(CONFIRM, {}, tokens.coordinator)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.ok(CONFIRM, {}, tokens.staff)).confirmAssignment.status).toBe('CONFIRMED');
    const declined = await t.gql.ok(`mutation { declineAssignment(assignmentId: "${assign.id}", reason: "sick") { status } }`, {}, tokens.staff);
    expect(declined.declineAssignment.status).toBe('DECLINED');
    expect((await t.gql.error(CONFIRM, {}, tokens.staff)).extensions?.code).toBe('CONFLICT');
    expect((await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: shift.id })).activeCount).toBe(0);
    const history = await t.dataSource.query(`SELECT from_status, to_status, note FROM assignment_history WHERE assignment_id = $1 ORDER BY at`, [assign.id]);
    expect(history).toEqual([
      { from_status: null, to_status: 'ASSIGNED', note: null },
      { from_status: 'ASSIGNED', to_status: 'CONFIRMED', note: null },
      { from_status: 'CONFIRMED', to_status: 'DECLINED', note: 'sick' },
    ]);
  });

  it('cancelling a shift cancels its assignments and notifies each person through the outbox', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-01T06:00:00Z', endsAt: '2024-08-01T12:00:00Z' });
    const people = [
      await createStaffMember(t.dataSource, event.id, org.id, { email: 'one@example.org' }),
      await createStaffMember(t.dataSource, event.id, org.id, { email: 'two@example.org' }),
    ];
    for (const p of people) await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: p.id }, tokens.coordinator);
    const cancelled = await t.gql.ok(
      `mutation { cancelShift(shiftId: "${shift.id}", reason: "venue closed") { cancelledAssignments } }`,
      {},
      tokens.coordinator,
    );
    expect(cancelled.cancelShift.cancelledAssignments).toBe(2);
    expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ shiftId: shift.id, status: AssignmentStatus.CANCELLED })).toBe(2);
    const messages = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ template: 'shift-cancelled' });
    expect(messages.map((m) => m.recipient).sort()).toEqual(['one@example.org', 'two@example.org']);
    expect(messages[0].body).toContain('venue closed');
    const history = await t.dataSource.query(
      `SELECT from_status, to_status FROM assignment_history h JOIN assignments a ON a.id = h.assignment_id WHERE a.shift_id = $1 AND h.to_status = 'CANCELLED'`,
      [shift.id],
    );
    expect(history).toEqual([
      { from_status: 'ASSIGNED', to_status: 'CANCELLED' },
      { from_status: 'ASSIGNED', to_status: 'CANCELLED' },
    ]);
    const blank = await t.gql.error(`mutation { cancelShift(shiftId: "${shift.id}", reason: "   ") { cancelledAssignments } }`, {}, tokens.coordinator);
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'reason', constraint: 'required' }] });
    const again = await t.gql.error(`mutation { cancelShift(shiftId: "${shift.id}", reason: "twice") { cancelledAssignments } }`, {}, tokens.coordinator);
    expect(again.extensions?.code).toBe('CONFLICT');
    const late = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: people[0].id }, tokens.coordinator);
    expect(late.extensions?.rules).toEqual([expect.objectContaining({ rule: 'SHIFT_NOT_PUBLISHED' })]);
  });

  describe('concurrency', () => {
    it('50 parallel requests for the last 3 places of a shift: exactly 3 win', async () => {
      const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-02T06:00:00Z', endsAt: '2024-08-02T12:00:00Z', headcount: 5 });
      for (let i = 0; i < 2; i++)
        await t.gql.ok(ASSIGN, { shiftId: shift.id, staffMemberId: (await createStaffMember(t.dataSource, event.id, org.id)).id }, tokens.coordinator);
      const candidates: StaffMemberEntity[] = [];
      for (let i = 0; i < 50; i++) candidates.push(await createStaffMember(t.dataSource, event.id, org.id));
      const results = await Promise.all(candidates.map((c) => t.gql.request(ASSIGN, { shiftId: shift.id, staffMemberId: c.id }, tokens.coordinator)));
      const won = results.filter((r) => !r.errors);
      expect(won).toHaveLength(3);
      const codes = new Set(
        results
          .filter((r) => r.errors)
          .map((r) => `${r.errors![0].extensions?.code}:${(r.errors![0].extensions?.rules as Array<{ rule: string }>)?.[0]?.rule}`),
      );
      expect([...codes]).toEqual(['RULE_VIOLATION:CAPACITY']);
      expect((await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: shift.id })).activeCount).toBe(5);
      expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ shiftId: shift.id, status: AssignmentStatus.ASSIGNED })).toBe(5);
    });

    it('20 parallel overlapping assignments of one person: exactly 1 wins', async () => {
      const person = await createStaffMember(t.dataSource, event.id, org.id);
      const shifts: ShiftEntity[] = [];
      for (let i = 0; i < 20; i++)
        shifts.push(
          await createShift(t.dataSource, where(), {
            startsAt: `2024-08-03T0${Math.floor(i / 10)}:${String((i % 10) * 5).padStart(2, '0')}:00Z`,
            endsAt: '2024-08-03T10:00:00Z',
          }),
        );
      const results = await Promise.all(shifts.map((s) => t.gql.request(ASSIGN, { shiftId: s.id, staffMemberId: person.id }, tokens.coordinator)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ staffMemberId: person.id, status: AssignmentStatus.ASSIGNED })).toBe(1);
    });
  });

  describe('the database itself refuses what the rules forbid', () => {
    it('an overlapping active assignment written behind the service’s back', async () => {
      const person = await createStaffMember(t.dataSource, event.id, org.id);
      const a = await createShift(t.dataSource, where(), { startsAt: '2024-08-04T06:00:00Z', endsAt: '2024-08-04T12:00:00Z' });
      const b = await createShift(t.dataSource, where(), { startsAt: '2024-08-04T11:00:00Z', endsAt: '2024-08-04T15:00:00Z' });
      const insert = (shiftId: string) =>
        t.dataSource.query(
          `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
          [shiftId, person.id, event.id],
        );
      await insert(a.id);
      await expect(insert(b.id)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23P01', constraint: 'assignments_no_overlap' }) });
    });

    it('more active assignments than the headcount', async () => {
      const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-05T06:00:00Z', endsAt: '2024-08-05T12:00:00Z', headcount: 1 });
      const insert = async () =>
        t.dataSource.query(
          `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
          [shift.id, (await createStaffMember(t.dataSource, event.id, org.id)).id, event.id],
        );
      await insert();
      await expect(insert()).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23514', constraint: 'shifts_capacity_check' }) });
    });

    it('deleting a whole event removes its venues, shifts and assignments in one statement', async () => {
      const doomed = await createEvent(t.dataSource);
      const v = await createVenue(t.dataSource, doomed.id);
      const tm = await createTeam(t.dataSource, doomed.id);
      const shift = await createShift(
        t.dataSource,
        { eventId: doomed.id, venueId: v.id, teamId: tm.id },
        { startsAt: '2024-08-07T06:00:00Z', endsAt: '2024-08-07T12:00:00Z' },
      );
      const member = await createStaffMember(t.dataSource, doomed.id, org.id);
      await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
        [shift.id, member.id, doomed.id],
      );
      // A venue that still has shifts cannot be deleted on its own…
      await expect(t.dataSource.query(`DELETE FROM venues WHERE id = $1`, [v.id])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23503' }),
      });
      // …but the event goes with everything in it.
      await t.dataSource.query(`DELETE FROM events WHERE id = $1`, [doomed.id]);
      expect(await t.dataSource.getRepository(ShiftEntity).countBy({ eventId: doomed.id })).toBe(0);
    });

    it('a staff member of another event', async () => {
      const other = await createEvent(t.dataSource);
      const stranger = await createStaffMember(t.dataSource, other.id, org.id);
      const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-06T06:00:00Z', endsAt: '2024-08-06T12:00:00Z' });
      await expect(
        t.dataSource.query(
          `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
          [shift.id, stranger.id, event.id],
        ),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23514', constraint: 'assignments_same_event_check' }),
      });
      // Through the API, a person of another event is not even confirmed to exist.
      const viaApi = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: stranger.id }, tokens.coordinator);
      expect(viaApi.extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Staff member' });
      expect((await t.gql.error(CHECK, { shiftId: shift.id, staffMemberId: stranger.id }, tokens.coordinator)).extensions?.code).toBe('NOT_FOUND');
    });
  });
});
