import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { AssignmentEntity, AssignmentStatus } from '@baton/rostering';
import { StaffMemberEntity } from '@baton/staff';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!) { assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId }) { id } }`;
const CHECK = `query C($shiftId: ID!, $staffMemberId: ID!) { checkAssignment(shiftId: $shiftId, staffMemberId: $staffMemberId) { allowed violations { rule message details } } }`;
const LINK = `mutation L($staffMemberId: ID!, $userId: ID!) { linkStaffMemberUser(staffMemberId: $staffMemberId, userId: $userId) { id userId } }`;

interface Place {
  eventId: string;
  venueId: string;
  teamId: string;
}

/**
 * One person (one account) working two events, the Olympics and then the Paralympics, holds one
 * staff record in each: overlap, rest and weekly rules read both, the database refuses overlaps
 * across them, and nothing of the other event leaks to a coordinator of one.
 */
describe('one person, two staff records', () => {
  let t: TestApp;
  let olympics: Place;
  let paralympics: Place;
  let org: OrganisationEntity;
  let admin: string;
  let olympicsCoordinator: string;
  let paralympicsCoordinator: string;

  const login = async (email: string) =>
    (await t.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  const place = async (event: EventEntity): Promise<Place> => {
    const venue: VenueEntity = await createVenue(t.dataSource, event.id, { zones: ['TECH'] });
    const team: TeamEntity = await createTeam(t.dataSource, event.id);
    return { eventId: event.id, venueId: venue.id, teamId: team.id };
  };
  /** A person with an account and a record in each event. */
  const person = async () => {
    const user = await createUser(t.dataSource, []);
    return {
      userId: user.id,
      inOlympics: await createStaffMember(t.dataSource, olympics.eventId, org.id, { userId: user.id }),
      inParalympics: await createStaffMember(t.dataSource, paralympics.eventId, org.id, { userId: user.id }),
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    olympics = await place(await createEvent(t.dataSource, { startsOn: '2024-07-26', endsOn: '2024-08-11' }));
    paralympics = await place(await createEvent(t.dataSource, { startsOn: '2024-08-28', endsOn: '2024-09-08' }));
    org = await createOrganisation(t.dataSource);
    admin = await login((await createUser(t.dataSource, [{ role: Role.ADMIN }])).email);
    olympicsCoordinator = await login((await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: olympics.eventId }])).email);
    paralympicsCoordinator = await login((await createUser(t.dataSource, [{ role: Role.COORDINATOR, eventId: paralympics.eventId }])).email);
  });
  afterAll(() => t?.close());

  it('refuses an overlap with the other event’s shift, saying only “another event”', async () => {
    const p = await person();
    const closing = await createShift(t.dataSource, olympics, { startsAt: '2024-08-11T16:00:00Z', endsAt: '2024-08-11T22:00:00Z' });
    const setup = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-11T20:00:00Z', endsAt: '2024-08-12T02:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: closing.id, staffMemberId: p.inOlympics.id }, olympicsCoordinator);
    const refused = await t.gql.error(ASSIGN, { shiftId: setup.id, staffMemberId: p.inParalympics.id }, paralympicsCoordinator);
    expect(refused.extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: expect.arrayContaining([expect.objectContaining({ rule: 'OVERLAP', inAnotherEvent: true })]),
    });
    expect(refused.message).toContain('another event');
    const check = await t.gql.ok(CHECK, { shiftId: setup.id, staffMemberId: p.inParalympics.id }, paralympicsCoordinator);
    expect(check.checkAssignment.allowed).toBe(false);
    for (const answer of [refused, check]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(closing.id);
      expect(text).not.toContain(olympics.eventId);
      expect(text).not.toContain(p.inOlympics.id);
    }
  });

  it('refuses a short rest and too many hours in 7 days across the two records', async () => {
    const p = await person();
    // 14:00–22:00Z in the Olympics, then 06:00Z the next morning in the Paralympics: 8 h of rest.
    const evening = await createShift(t.dataSource, olympics, { startsAt: '2024-08-05T14:00:00Z', endsAt: '2024-08-05T22:00:00Z' });
    const morning = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-06T06:00:00Z', endsAt: '2024-08-06T12:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: evening.id, staffMemberId: p.inOlympics.id }, olympicsCoordinator);
    const rest = await t.gql.error(ASSIGN, { shiftId: morning.id, staffMemberId: p.inParalympics.id }, paralympicsCoordinator);
    expect(rest.extensions?.rules).toEqual([expect.objectContaining({ rule: 'MIN_REST', restMinutes: 480, inAnotherEvent: true })]);
    expect(JSON.stringify(rest)).not.toContain(evening.id);

    // 6 × 8 h in the Olympics, then 1 h more in the Paralympics within the same 7 days.
    const q = await person();
    for (let d = 13; d <= 18; d++) {
      const s = await createShift(t.dataSource, olympics, { startsAt: `2024-08-${d}T06:00:00Z`, endsAt: `2024-08-${d}T14:00:00Z` });
      await t.gql.ok(ASSIGN, { shiftId: s.id, staffMemberId: q.inOlympics.id }, olympicsCoordinator);
    }
    const extra = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-19T06:00:00Z', endsAt: '2024-08-19T07:00:00Z' });
    const weekly = await t.gql.error(ASSIGN, { shiftId: extra.id, staffMemberId: q.inParalympics.id }, paralympicsCoordinator);
    expect(weekly.extensions?.rules).toEqual([expect.objectContaining({ rule: 'MAX_WEEKLY', workedMinutes: 2940, maxMinutes: 2880 })]);
  });

  it('treats records without an account as different people, even with the same email', async () => {
    const a = await createStaffMember(t.dataSource, olympics.eventId, org.id, { email: 'camille@example.org' });
    const b = await createStaffMember(t.dataSource, paralympics.eventId, org.id, { email: 'camille@example.org' });
    const s1 = await createShift(t.dataSource, olympics, { startsAt: '2024-08-07T06:00:00Z', endsAt: '2024-08-07T12:00:00Z' });
    const s2 = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-07T08:00:00Z', endsAt: '2024-08-07T14:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: s1.id, staffMemberId: a.id }, olympicsCoordinator);
    expect((await t.gql.request(ASSIGN, { shiftId: s2.id, staffMemberId: b.id }, paralympicsCoordinator)).errors).toBeUndefined();
  });

  it('the database refuses an overlapping assignment of one account across events, written behind the service’s back', async () => {
    const p = await person();
    const s1 = await createShift(t.dataSource, olympics, { startsAt: '2024-08-08T06:00:00Z', endsAt: '2024-08-08T12:00:00Z' });
    const s2 = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-08T11:00:00Z', endsAt: '2024-08-08T15:00:00Z' });
    const insert = (shiftId: string, staffMemberId: string, eventId: string) =>
      t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
        [shiftId, staffMemberId, eventId],
      );
    await insert(s1.id, p.inOlympics.id, olympics.eventId);
    await expect(insert(s2.id, p.inParalympics.id, paralympics.eventId)).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23P01', constraint: 'assignments_person_no_overlap' }),
    });
    // The trigger copies the account; nobody can set another one by hand.
    await t.dataSource.query(`UPDATE assignments SET user_id = gen_random_uuid() WHERE shift_id = $1`, [s1.id]);
    expect(await t.dataSource.getRepository(AssignmentEntity).findOneByOrFail({ shiftId: s1.id })).toMatchObject({ userId: p.userId });
  });

  it('linking a record to an account later: refused with CONFLICT if it would create an overlap, else the assignments follow', async () => {
    // An account with an Olympics record, and a Paralympics record not linked to it yet.
    const account = await createUser(t.dataSource, []);
    const p = { userId: account.id, inOlympics: await createStaffMember(t.dataSource, olympics.eventId, org.id, { userId: account.id }) };
    const loose = await createStaffMember(t.dataSource, paralympics.eventId, org.id);
    const olympic = await createShift(t.dataSource, olympics, { startsAt: '2024-08-09T06:00:00Z', endsAt: '2024-08-09T12:00:00Z' });
    const clashing = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-09T10:00:00Z', endsAt: '2024-08-09T14:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: olympic.id, staffMemberId: p.inOlympics.id }, olympicsCoordinator);
    const looseAssignment = (await t.gql.ok(ASSIGN, { shiftId: clashing.id, staffMemberId: loose.id }, paralympicsCoordinator)).assign.id;

    const refused = await t.gql.error(LINK, { staffMemberId: loose.id, userId: p.userId }, admin);
    expect(refused.extensions).toMatchObject({
      code: 'CONFLICT',
      constraint: 'assignments_person_no_overlap',
      field: 'userId',
      overlaps: [{ shiftId: clashing.id, otherShiftId: olympic.id, otherEventId: olympics.eventId }],
    });
    expect((await t.dataSource.getRepository(StaffMemberEntity).findOneByOrFail({ id: loose.id })).userId).toBeNull();
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'staff_member.user_linked' AND entity_id = $1`, [loose.id]),
    ).toEqual([{ n: 0 }]);

    // Once the clash is gone, the link goes through and the record's assignments belong to the person.
    await t.gql.ok(`mutation { unassign(assignmentId: "${looseAssignment}", reason: "double-booked") { status } }`, {}, paralympicsCoordinator);
    const later = await createShift(t.dataSource, paralympics, { startsAt: '2024-08-29T06:00:00Z', endsAt: '2024-08-29T12:00:00Z' });
    await t.gql.ok(ASSIGN, { shiftId: later.id, staffMemberId: loose.id }, paralympicsCoordinator);
    expect((await t.gql.ok(LINK, { staffMemberId: loose.id, userId: p.userId }, admin)).linkStaffMemberUser).toEqual({ id: loose.id, userId: p.userId });
    expect(await t.dataSource.getRepository(AssignmentEntity).findOneByOrFail({ shiftId: later.id, staffMemberId: loose.id })).toMatchObject({
      userId: p.userId,
    });
    // From now on the rules read both records: the Olympic shift overlaps this one.
    const again = await t.gql.error(ASSIGN, { shiftId: clashing.id, staffMemberId: loose.id }, paralympicsCoordinator);
    expect(again.extensions?.rules).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'OVERLAP', inAnotherEvent: true })]));
  });

  describe('concurrency: the person’s records are locked together', () => {
    it('20 parallel overlapping assignments of one person over two events: exactly 1 wins', async () => {
      const p = await person();
      const requests = [];
      for (let i = 0; i < 10; i++) {
        const a = await createShift(t.dataSource, olympics, {
          startsAt: `2024-08-10T06:${String(i * 5).padStart(2, '0')}:00Z`,
          endsAt: '2024-08-10T12:00:00Z',
        });
        const b = await createShift(t.dataSource, paralympics, {
          startsAt: `2024-08-10T07:${String(i * 5).padStart(2, '0')}:00Z`,
          endsAt: '2024-08-10T13:00:00Z',
        });
        requests.push(() => t.gql.request(ASSIGN, { shiftId: a.id, staffMemberId: p.inOlympics.id }, olympicsCoordinator));
        requests.push(() => t.gql.request(ASSIGN, { shiftId: b.id, staffMemberId: p.inParalympics.id }, paralympicsCoordinator));
      }
      const results = await Promise.all(requests.map((r) => r()));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      for (const error of results.flatMap((r) => r.errors ?? [])) {
        expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: expect.arrayContaining([expect.objectContaining({ rule: 'OVERLAP' })]) });
      }
      expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ userId: p.userId, status: AssignmentStatus.ASSIGNED })).toBe(1);
    });

    it('two parallel assignments 8 h apart in two events (rest, not overlap): exactly one wins, round after round', async () => {
      for (let round = 0; round < 6; round++) {
        const p = await person();
        const day = String(20 + round).padStart(2, '0');
        const evening = await createShift(t.dataSource, olympics, { startsAt: `2024-08-${day}T14:00:00Z`, endsAt: `2024-08-${day}T22:00:00Z` });
        const morning = await createShift(t.dataSource, paralympics, {
          startsAt: `2024-08-${String(21 + round).padStart(2, '0')}T06:00:00Z`,
          endsAt: `2024-08-${String(21 + round).padStart(2, '0')}T12:00:00Z`,
        });
        const results = await Promise.all([
          t.gql.request(ASSIGN, { shiftId: evening.id, staffMemberId: p.inOlympics.id }, olympicsCoordinator),
          t.gql.request(ASSIGN, { shiftId: morning.id, staffMemberId: p.inParalympics.id }, paralympicsCoordinator),
        ]);
        expect(results.filter((r) => !r.errors)).toHaveLength(1);
        const loser = results.find((r) => r.errors)!.errors![0];
        expect(loser.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'MIN_REST', restMinutes: 480 })] });
        expect(await t.dataSource.getRepository(AssignmentEntity).countBy({ userId: p.userId, status: AssignmentStatus.ASSIGNED })).toBe(1);
      }
    });
  });
});
