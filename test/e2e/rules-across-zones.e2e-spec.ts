import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { createEventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { startTestApp, TestApp } from '../utils/test-app';

const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!) { assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId }) { id } }`;

/**
 * One person on a Paris shift and a Teahupo'o (Pacific/Tahiti, UTC−10) shift: the verdict on the
 * second assignment is the same whichever of the two was assigned first. Each shift's working
 * day is the local date of its start at its own venue.
 */
describe('rules across venue time zones: the order of assignment does not matter', () => {
  let t: TestApp;
  let event: EventEntity;
  let paris: VenueEntity;
  let tahiti: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t, { venue: { zones: ['TECH'] }, otherVenue: { timeZone: 'Pacific/Tahiti', city: "Teahupo'o", zones: ['TECH'] } });
    ({ event, venue: paris, otherVenue: tahiti, team, org } = world);
    coordinator = world.tokens.coordinator;
  });
  afterAll(() => t?.close());

  /** Assigns `first` then `second` to a fresh person; returns the answer to the second. */
  async function inOrder(first: string, second: string) {
    const person = await createStaffMember(t.dataSource, event.id, org.id);
    await t.gql.ok(ASSIGN, { shiftId: first, staffMemberId: person.id }, coordinator);
    return t.gql.request(ASSIGN, { shiftId: second, staffMemberId: person.id }, coordinator);
  }
  const rulesOf = (answer: Awaited<ReturnType<typeof inOrder>>) => (answer.errors?.[0]?.extensions?.rules as Array<Record<string, unknown>> | undefined) ?? [];

  it('a split day across zones, 4 h apart, is allowed both ways (it used to be refused MIN_REST 240 one way)', async () => {
    // 11:00–15:00 in Paris on the 29th; 07:00–13:00 at Teahupo'o on the 29th: one working day of 10 h.
    const p = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: paris.id, teamId: team.id },
      { startsAt: '2024-07-29T09:00:00Z', endsAt: '2024-07-29T13:00:00Z' },
    );
    const th = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: tahiti.id, teamId: team.id },
      { startsAt: '2024-07-29T17:00:00Z', endsAt: '2024-07-29T23:00:00Z' },
    );
    const parisFirst = await inOrder(p.id, th.id);
    const tahitiFirst = await inOrder(th.id, p.id);
    expect(parisFirst.errors).toBeUndefined();
    expect(tahitiFirst.errors).toBeUndefined();
  });

  it('1 h in Paris then 10 h at Teahupo’o the same local date is refused MAX_DAILY both ways (it used to pass one way)', async () => {
    // 12:00–13:00 in Paris on the 30th; 22:00 on the 30th to 08:00 at Teahupo'o: 11 h on the 30th.
    const p = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: paris.id, teamId: team.id },
      { startsAt: '2024-07-30T10:00:00Z', endsAt: '2024-07-30T11:00:00Z' },
    );
    const th = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: tahiti.id, teamId: team.id },
      { startsAt: '2024-07-31T08:00:00Z', endsAt: '2024-07-31T18:00:00Z' },
    );
    const parisFirst = await inOrder(p.id, th.id);
    const tahitiFirst = await inOrder(th.id, p.id);
    for (const answer of [parisFirst, tahitiFirst]) {
      expect(answer.errors?.[0]?.extensions?.code).toBe('RULE_VIOLATION');
      expect(rulesOf(answer)).toEqual([expect.objectContaining({ rule: 'MAX_DAILY', day: '2024-07-30', workedMinutes: 660, maxMinutes: 600 })]);
    }
  });

  it('a short rest between two local dates is refused MIN_REST both ways, with the same numbers', async () => {
    // 20:00–23:00 at Teahupo'o on 1 Aug (06:00Z–09:00Z on the 2nd), then 13:00–17:00 in Paris on 2 Aug: 2 h of rest.
    const th = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: tahiti.id, teamId: team.id },
      { startsAt: '2024-08-02T06:00:00Z', endsAt: '2024-08-02T09:00:00Z' },
    );
    const p = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: paris.id, teamId: team.id },
      { startsAt: '2024-08-02T11:00:00Z', endsAt: '2024-08-02T15:00:00Z' },
    );
    const tahitiFirst = await inOrder(th.id, p.id);
    const parisFirst = await inOrder(p.id, th.id);
    expect(rulesOf(tahitiFirst)).toEqual([expect.objectContaining({ rule: 'MIN_REST', restMinutes: 120, neighbourShiftId: th.id })]);
    expect(rulesOf(parisFirst)).toEqual([expect.objectContaining({ rule: 'MIN_REST', restMinutes: 120, neighbourShiftId: p.id })]);
  });
});
