import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { ShiftStatus } from '@baton/scheduling';
import { createEventWorld, EventWorld, WorldPerson } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { startTestApp, TestApp } from '../utils/test-app';

const OUTCOME = `
  __typename rule severity configurable message
  ... on MinRestOutcome { restMinutes requiredMinutes neighbourShiftId neighbourStartsAt neighbourEndsAt neighbourShift { id } }
  ... on MaxDailyOutcome { day timeZone workedMinutes maxMinutes shiftIds shifts { id } }
  ... on MaxWeeklyOutcome { workedMinutes maxMinutes windowStartsAt windowEndsAt }
  ... on OverlapOutcome { shiftId startsAt endsAt shift { id } }
  ... on CapacityOutcome { headcount assigned }
  ... on ShiftNotPublishedOutcome { shiftStatus }
  ... on ShiftOverOutcome { endsAt }
  ... on SkillsOutcome { missing { skill required held } }
  ... on AccreditationOutcome { accreditationStatus missingZones }
  ... on AvailabilityOutcome { startsAt endsAt }
  ... on UndesiredPeriodOutcome { startsAt endsAt }
  ... on OtherRuleOutcome { details }`;
const CHECK = `query C($shiftId: ID!, $staffMemberId: ID!) { checkAssignment(shiftId: $shiftId, staffMemberId: $staffMemberId) { allowed violations { ${OUTCOME} } warnings { ${OUTCOME} } } }`;
const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!, $reason: String) {
  assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId, overrideReason: $reason }) { id ruleNotes { ${OUTCOME} } }
}`;

/** Rule outcomes are typed per rule wherever they appear: checkAssignment, ruleNotes, replacement warnings. */
describe('typed rule outcomes', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let tokens: EventWorld['tokens'];
  const where = () => ({ eventId: event.id, venueId: venue.id, teamId: team.id });
  const check = async (shiftId: string, staffMemberId: string) => (await t.gql.ok(CHECK, { shiftId, staffMemberId }, tokens.coordinator)).checkAssignment;
  const assign = (shiftId: string, staffMemberId: string, who: WorldPerson = 'coordinator', reason?: string) =>
    t.gql.ok(ASSIGN, { shiftId, staffMemberId, reason }, tokens[who]).then((d) => d.assign);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    ({ event, venue, team, org, tokens } = await createEventWorld(t, { venue: { zones: ['TECH'] } }));
  });
  afterAll(() => t?.close());

  it('MIN_REST carries its numbers with their names, the neighbouring shift as an edge, and the same details as the error', async () => {
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const evening = await createShift(t.dataSource, where(), { startsAt: '2024-07-26T11:01:00Z', endsAt: '2024-07-26T19:01:00Z' });
    await assign(evening.id, person.id);
    const morning = await createShift(t.dataSource, where(), { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' });
    const result = await check(morning.id, person.id);
    expect(result).toEqual({
      allowed: false,
      warnings: [],
      violations: [
        {
          __typename: 'MinRestOutcome',
          rule: 'MIN_REST',
          severity: 'BLOCK',
          configurable: true,
          message: 'Rest of 10 h 59 is below the minimum of 11 h 00',
          restMinutes: 659,
          requiredMinutes: 660,
          neighbourShiftId: evening.id,
          neighbourStartsAt: '2024-07-26T11:01:00.000Z',
          neighbourEndsAt: '2024-07-26T19:01:00.000Z',
          neighbourShift: { id: evening.id },
        },
      ],
    });
    // The deprecated untyped details stay for older clients, and match the RULE_VIOLATION extensions.
    const legacy = await t.gql.ok(
      `{ checkAssignment(shiftId: "${morning.id}", staffMemberId: "${person.id}") { violations { details } } }`,
      {},
      tokens.coordinator,
    );
    const refused = await t.gql.error(ASSIGN, { shiftId: morning.id, staffMemberId: person.id }, tokens.coordinator);
    const { rule: _rule, message: _message, severity: _severity, configurable: _configurable, ...extensionDetails } = (refused.extensions?.rules as any[])[0];
    expect(legacy.checkAssignment.violations[0].details).toEqual(extensionDetails);
  });

  it('types the hard rules and the daily maximum', async () => {
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const first = await createShift(t.dataSource, where(), { startsAt: '2024-07-30T04:00:00Z', endsAt: '2024-07-30T10:00:00Z', headcount: 1 });
    await assign(first.id, person.id);
    const overlapping = await createShift(t.dataSource, where(), { startsAt: '2024-07-30T09:00:00Z', endsAt: '2024-07-30T11:00:00Z' });
    const sameDay = await createShift(t.dataSource, where(), { startsAt: '2024-07-30T11:00:00Z', endsAt: '2024-07-30T17:00:00Z' });
    const draft = await createShift(t.dataSource, where(), { startsAt: '2024-07-31T04:00:00Z', endsAt: '2024-07-31T10:00:00Z', status: ShiftStatus.DRAFT });
    const over = await createShift(t.dataSource, where(), { startsAt: '2024-07-19T04:00:00Z', endsAt: '2024-07-19T10:00:00Z' });
    const other = await createStaffMember(t.dataSource, event.id, org.id);
    const byRule = async (shiftId: string, staffMemberId: string) =>
      Object.fromEntries(((await check(shiftId, staffMemberId)).violations as any[]).map((v) => [v.rule, v]));

    expect((await byRule(overlapping.id, person.id)).OVERLAP).toMatchObject({
      __typename: 'OverlapOutcome',
      shiftId: first.id,
      startsAt: '2024-07-30T04:00:00.000Z',
      endsAt: '2024-07-30T10:00:00.000Z',
      shift: { id: first.id },
    });
    expect((await byRule(sameDay.id, person.id)).MAX_DAILY).toMatchObject({
      __typename: 'MaxDailyOutcome',
      day: '2024-07-30',
      timeZone: 'Europe/Paris',
      workedMinutes: 720,
      maxMinutes: 600,
      shiftIds: [first.id],
      shifts: [{ id: first.id }],
    });
    expect((await byRule(first.id, other.id)).CAPACITY).toMatchObject({ __typename: 'CapacityOutcome', headcount: 1, assigned: 1, configurable: false });
    expect((await byRule(first.id, person.id)).ALREADY_ASSIGNED).toMatchObject({ __typename: 'AlreadyAssignedOutcome' });
    expect((await byRule(draft.id, person.id)).SHIFT_NOT_PUBLISHED).toMatchObject({ __typename: 'ShiftNotPublishedOutcome', shiftStatus: 'DRAFT' });
    expect((await byRule(over.id, person.id)).SHIFT_OVER).toMatchObject({ __typename: 'ShiftOverOutcome', endsAt: '2024-07-19T10:00:00.000Z' });
  });

  it('types skills, accreditation and availability, and keeps them typed on the assignment as ruleNotes', async () => {
    const skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('SPLICE', 'Splicing', 'network') RETURNING id`))[0].id;
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-02T06:00:00Z', endsAt: '2024-08-02T12:00:00Z' });
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 3)`, [shift.id, skill]);
    const person = await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: ['FOP'], skills: [{ skillId: skill, level: 2 }] });
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'UNAVAILABLE', '2024-08-02T00:00:00Z', '2024-08-02T08:00:00Z')`,
      [person.id],
    );
    const result = await check(shift.id, person.id);
    const typed = Object.fromEntries((result.violations as any[]).map((v) => [v.__typename, v]));
    expect(typed.SkillsOutcome).toMatchObject({ rule: 'SKILLS', missing: [{ skill: 'SPLICE', required: 3, held: 2 }] });
    expect(typed.AccreditationOutcome).toMatchObject({ rule: 'ACCREDITATION', accreditationStatus: 'VALID', missingZones: ['TECH'] });
    expect(typed.AvailabilityOutcome).toMatchObject({ rule: 'AVAILABILITY', startsAt: '2024-08-02T00:00:00.000Z', endsAt: '2024-08-02T08:00:00.000Z' });

    // An admin overrides all three: the notes keep their types, severity BLOCK marking the override.
    const overridden = await assign(shift.id, person.id, 'admin', 'cleared by the venue manager');
    expect(overridden.ruleNotes.map((n: any) => [n.__typename, n.severity]).sort()).toEqual([
      ['AccreditationOutcome', 'BLOCK'],
      ['AvailabilityOutcome', 'BLOCK'],
      ['SkillsOutcome', 'BLOCK'],
    ]);
    const reread = await t.gql.ok(
      `{ shift(id: "${shift.id}") { assignments { ruleNotes { ... on SkillsOutcome { missing { skill held } } } } } }`,
      {},
      tokens.coordinator,
    );
    expect(reread.shift.assignments[0].ruleNotes).toContainEqual({ missing: [{ skill: 'SPLICE', held: 2 }] });
  });

  it('reads a stored note that no longer fits its type as OtherRuleOutcome instead of failing', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-03T06:00:00Z', endsAt: '2024-08-03T12:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    const notes = [
      { rule: 'MIN_REST', message: 'old note', severity: 'WARN', configurable: true, restMinutes: 'six hundred' },
      { rule: 'RETIRED_RULE', message: 'a rule since removed', severity: 'WARN', configurable: true, hours: 3 },
    ];
    await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, rule_notes) VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4)`,
      [shift.id, person.id, event.id, JSON.stringify(notes)],
    );
    const data = await t.gql.ok(`{ shift(id: "${shift.id}") { assignments { ruleNotes { ${OUTCOME} } } } }`, {}, tokens.coordinator);
    expect(data.shift.assignments[0].ruleNotes).toEqual([
      { __typename: 'OtherRuleOutcome', rule: 'MIN_REST', severity: 'WARN', configurable: true, message: 'old note', details: { restMinutes: 'six hundred' } },
      { __typename: 'OtherRuleOutcome', rule: 'RETIRED_RULE', severity: 'WARN', configurable: true, message: 'a rule since removed', details: { hours: 3 } },
    ]);
  });

  it('types the warnings of replacement candidates', async () => {
    const shift = await createShift(t.dataSource, where(), { startsAt: '2024-08-05T06:00:00Z', endsAt: '2024-08-05T12:00:00Z' });
    const person = await createStaffMember(t.dataSource, event.id, org.id, { teamId: team.id, homeVenueId: venue.id });
    await t.dataSource.query(
      `INSERT INTO availability_periods (staff_member_id, kind, starts_at, ends_at) VALUES ($1, 'UNDESIRED', '2024-08-05T00:00:00Z', '2024-08-06T00:00:00Z')`,
      [person.id],
    );
    const data = await t.gql.ok(`{ replacementCandidates(shiftId: "${shift.id}") { staffMemberId warnings { ${OUTCOME} } } }`, {}, tokens.coordinator);
    const mine = data.replacementCandidates.find((c: any) => c.staffMemberId === person.id);
    expect(mine.warnings).toEqual([
      expect.objectContaining({
        __typename: 'UndesiredPeriodOutcome',
        rule: 'UNDESIRED_PERIOD',
        startsAt: '2024-08-05T00:00:00.000Z',
        endsAt: '2024-08-06T00:00:00.000Z',
      }),
    ]);
  });
});
