import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { ShiftStatus } from '@baton/scheduling';
import { createEvent, createTeam, createVenue } from '../factories/events';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { startTestApp, TestApp } from '../utils/test-app';

const CANDIDATES = `query R($shiftId: ID!, $first: Int) {
  replacementCandidates(shiftId: $shiftId, first: $first) {
    staffMemberId displayName hoursAssigned
    score { skills team venue workload preference total }
    warnings { rule }
  }
}`;

describe('replacement candidates and self sign-up', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let nearVenue: VenueEntity;
  let farVenue: VenueEntity;
  let team: TeamEntity;
  let otherTeam: TeamEntity;
  let org: OrganisationEntity;
  let tokens: EventWorld['tokens'];
  let staffUserId: string;
  let skill: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    // The world's other venue is the far one, the only venue of its `elsewhere` coordinator.
    const world = await createEventWorld(t, { venue: { city: 'Saint-Denis', zones: ['TECH'] }, otherVenue: { city: 'Marseille', zones: ['TECH'] } });
    ({ event, venue, otherVenue: farVenue, team, org, tokens } = world);
    staffUserId = world.users.staff.id;
    nearVenue = await createVenue(t.dataSource, event.id, { city: 'Saint-Denis', zones: ['TECH'] });
    otherTeam = await createTeam(t.dataSource, event.id);
    skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('RADIO', 'Radio', 'radio') RETURNING id`))[0].id;
  });
  afterAll(() => t?.close());

  it('proposes only people every blocking rule allows, best first, with the score explained', async () => {
    const where = { eventId: event.id, venueId: venue.id, teamId: team.id };
    const target = await createShift(t.dataSource, where, { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z', headcount: 2 });
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 2)`, [target.id, skill]);
    const make = (name: string, extra: Parameters<typeof createStaffMember>[3] = {}) =>
      createStaffMember(t.dataSource, event.id, org.id, {
        displayName: name,
        teamId: team.id,
        homeVenueId: venue.id,
        accreditationZones: ['TECH'],
        skills: [{ skillId: skill, level: 2 }],
        ...extra,
      });
    const busy = async (id: string, startsAt: string, endsAt: string) => {
      const s = await createShift(t.dataSource, { ...where, venueId: nearVenue.id }, { startsAt: startsAt, endsAt: endsAt });
      await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
        [s.id, id, event.id],
      );
    };

    const best = await make('Ada best', { skills: [{ skillId: skill, level: 4 }] });
    const sameTeam = await make('Bea same team');
    const nearby = await make('Cy near venue, other team', { teamId: otherTeam.id, homeVenueId: nearVenue.id });
    const far = await make('Dee far venue, other team', { teamId: otherTeam.id, homeVenueId: farVenue.id });
    const workedALot = await make('Eve same team, busy week');
    await busy(workedALot.id, '2024-07-26T06:00:00Z', '2024-07-26T14:00:00Z');

    const overlapping = await make('No overlap');
    await busy(overlapping.id, '2024-07-28T10:00:00Z', '2024-07-28T12:00:00Z');
    const tired = await make('No rest');
    await busy(tired.id, '2024-07-27T14:00:00Z', '2024-07-27T22:00:00Z'); // 8 h of rest before 06:00Z
    await make('No skill', { skills: [{ skillId: skill, level: 1 }] });
    await make('No accreditation', { accreditationZones: ['FOP'] });
    const away = await make('Unavailable');
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'UNAVAILABLE', '2024-07-28T00:00:00Z', '2024-07-29T00:00:00Z')`,
      [away.id],
    );
    // 48 h already in the 7 days before: only the exact weekly check (after the SQL) catches this one.
    const weekly = await make('No weekly hours');
    for (let d = 22; d <= 27; d++) await busy(weekly.id, `2024-07-${d}T${d === 27 ? '05:00' : '06:00'}:00Z`, `2024-07-${d}T${d === 27 ? '09' : '14'}:00:00Z`);
    const otherEvent = await createEvent(t.dataSource);
    await createStaffMember(t.dataSource, otherEvent.id, org.id, { displayName: 'Other event' });

    const result = await t.gql.ok(CANDIDATES, { shiftId: target.id, first: 20 }, tokens.coordinator);
    const names = result.replacementCandidates.map((c: { displayName: string }) => c.displayName);
    expect(names).toEqual(['Ada best', 'Bea same team', 'Eve same team, busy week', 'Cy near venue, other team', 'Dee far venue, other team']);
    const [top] = result.replacementCandidates;
    expect(top.staffMemberId).toBe(best.id);
    expect(top.score).toEqual({ skills: 30, team: 25, venue: 20, workload: 20, preference: 0, total: 95 });
    const byName = Object.fromEntries(result.replacementCandidates.map((c: { displayName: string }) => [c.displayName, c]));
    expect(byName['Eve same team, busy week'].hoursAssigned).toBe(8);
    expect(byName['Eve same team, busy week'].score.workload).toBeLessThan(20);
    expect(byName['Cy near venue, other team'].score).toMatchObject({ team: 0, venue: 10 });
    expect(byName['Dee far venue, other team'].score).toMatchObject({ team: 0, venue: 0 });
    for (const c of result.replacementCandidates) {
      const { total, ...parts } = c.score;
      expect(total).toBeCloseTo(
        Object.values(parts as Record<string, number>).reduce((a, b) => a + b, 0),
        5,
      );
    }
    expect(
      [sameTeam.id, nearby.id, far.id, workedALot.id].every((id) =>
        result.replacementCandidates.some((c: { staffMemberId: string }) => c.staffMemberId === id),
      ),
    ).toBe(true);

    // Every proposed person really can be assigned.
    const check = await t.gql.ok(`{ checkAssignment(shiftId: "${target.id}", staffMemberId: "${best.id}") { allowed } }`, {}, tokens.coordinator);
    expect(check.checkAssignment.allowed).toBe(true);
    expect((await t.gql.ok(CANDIDATES, { shiftId: target.id, first: 2 }, tokens.coordinator)).replacementCandidates).toHaveLength(2);
  });

  it('answers with the shift’s rule, as assign would, when the shift is over, not published, cancelled or full', async () => {
    const where = { eventId: event.id, venueId: venue.id, teamId: team.id };
    const willing = await createStaffMember(t.dataSource, event.id, org.id, { teamId: team.id, homeVenueId: venue.id, accreditationZones: ['TECH'] });
    const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!) { assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId }) { id } }`;
    // Now is 20 July 08:00Z.
    const over = await createShift(t.dataSource, where, { startsAt: '2024-07-16T06:00:00Z', endsAt: '2024-07-16T14:00:00Z' });
    const draft = await createShift(t.dataSource, where, { startsAt: '2024-08-03T06:00:00Z', endsAt: '2024-08-03T10:00:00Z', status: ShiftStatus.DRAFT });
    const cancelled = await createShift(t.dataSource, where, {
      startsAt: '2024-08-03T11:00:00Z',
      endsAt: '2024-08-03T15:00:00Z',
      status: ShiftStatus.CANCELLED,
    });
    const full = await createShift(t.dataSource, where, { startsAt: '2024-08-04T06:00:00Z', endsAt: '2024-08-04T10:00:00Z', headcount: 1 });
    await t.gql.ok(
      ASSIGN,
      { shiftId: full.id, staffMemberId: (await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: ['TECH'] })).id },
      tokens.coordinator,
    );
    for (const [shift, rule, details] of [
      [over, 'SHIFT_OVER', { endsAt: '2024-07-16T14:00:00.000Z' }],
      [draft, 'SHIFT_NOT_PUBLISHED', { status: 'DRAFT' }],
      [cancelled, 'SHIFT_NOT_PUBLISHED', { status: 'CANCELLED' }],
      [full, 'CAPACITY', { headcount: 1, assigned: 1 }],
    ] as const) {
      const refused = await t.gql.error(CANDIDATES, { shiftId: shift.id }, tokens.coordinator);
      expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule, configurable: false, ...details }] });
      // The very rule assign gives for the person the search would otherwise have proposed.
      const assign = await t.gql.error(ASSIGN, { shiftId: shift.id, staffMemberId: willing.id }, tokens.coordinator);
      expect(assign.extensions?.rules).toEqual([expect.objectContaining({ rule })]);
    }
    // A shift under way is not over: it gets candidates, and the first of them can be assigned.
    const running = await createShift(t.dataSource, where, { startsAt: '2024-07-20T06:00:00Z', endsAt: '2024-07-20T12:00:00Z' });
    const [first] = (await t.gql.ok(CANDIDATES, { shiftId: running.id, first: 3 }, tokens.coordinator)).replacementCandidates;
    expect(first).toBeDefined();
    expect((await t.gql.request(ASSIGN, { shiftId: running.id, staffMemberId: first.staffMemberId }, tokens.coordinator)).errors).toBeUndefined();
  });

  it('scopes and validates', async () => {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-29T06:00:00Z', endsAt: '2024-07-29T10:00:00Z' },
    );
    expect((await t.gql.error(CANDIDATES, { shiftId: shift.id }, tokens.elsewhere)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(CANDIDATES, { shiftId: shift.id }, tokens.staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(CANDIDATES, { shiftId: shift.id, first: 1000 }, tokens.coordinator)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'first' }],
    });
    expect((await t.gql.error(CANDIDATES, { shiftId: '00000000-0000-4000-8000-000000000000' }, tokens.coordinator)).extensions?.code).toBe('NOT_FOUND');
  });

  it('staff see open shifts of their team and sign up under the same rules', async () => {
    const me = await createStaffMember(t.dataSource, event.id, org.id, { userId: staffUserId, teamId: team.id, accreditationZones: ['TECH'] });
    const where = { eventId: event.id, venueId: venue.id, teamId: team.id };
    const open = await createShift(t.dataSource, where, { startsAt: '2024-08-01T06:00:00Z', endsAt: '2024-08-01T12:00:00Z', headcount: 1 });
    const clash = await createShift(t.dataSource, where, { startsAt: '2024-08-01T08:00:00Z', endsAt: '2024-08-01T10:00:00Z', headcount: 1 });
    const started = await createShift(t.dataSource, where, { startsAt: '2024-07-20T06:00:00Z', endsAt: '2024-07-20T14:00:00Z', headcount: 3 }); // now is 08:00Z
    const notMyTeam = await createShift(t.dataSource, { ...where, teamId: otherTeam.id }, { startsAt: '2024-08-02T06:00:00Z', endsAt: '2024-08-02T12:00:00Z' });
    const listed = await t.gql.ok(`{ openShifts(eventId: "${event.id}", first: 200) { edges { node { id } } } }`, {}, tokens.staff);
    const ids = listed.openShifts.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, clash.id]));
    expect(ids).not.toContain(notMyTeam.id);
    expect(ids).not.toContain(started.id);
    expect((await t.gql.error(`mutation { signUp(shiftId: "${started.id}") { id } }`, {}, tokens.staff)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'shiftId' }],
    });

    const taken = await t.gql.ok(`mutation { signUp(shiftId: "${open.id}") { source status staffMemberId } }`, {}, tokens.staff);
    expect(taken.signUp).toEqual({ source: 'SELF', status: 'ASSIGNED', staffMemberId: me.id });
    const refused = await t.gql.error(`mutation { signUp(shiftId: "${clash.id}") { id } }`, {}, tokens.staff);
    expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'OVERLAP' })] });
    expect((await t.gql.error(`mutation { signUp(shiftId: "${notMyTeam.id}") { id } }`, {}, tokens.staff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(`mutation { signUp(shiftId: "${open.id}") { id } }`, {}, tokens.coordinator)).extensions?.code).toBe('FORBIDDEN');
    const after = await t.gql.ok(`{ openShifts(eventId: "${event.id}", first: 200) { edges { node { id } } } }`, {}, tokens.staff);
    expect(after.openShifts.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(open.id);
  });
});
