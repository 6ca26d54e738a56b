import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity } from '@baton/scheduling';
import { createEventWorld } from '../factories/event-world';
import { createEvent } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { subscribe, Subscription } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const CHANGED = `subscription C($e: ID!, $v: [ID!]) { coverageChanged(eventId: $e, venueIds: $v) { eventId venueIds teamIds changedAt } }`;
const ASSIGN = `mutation A($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id } }`;

interface Change {
  coverageChanged: { eventId: string; venueIds: string[]; teamIds: string[]; changedAt: string };
}

describe('coverageChanged: boards hear that their coverage moved instead of polling', () => {
  let t: TestApp;
  let event: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let team: TeamEntity;
  let shiftA: ShiftEntity;
  let shiftB: ShiftEntity;
  let orgId: string;
  const tokens: Record<string, string> = {};
  const assign = async (shift: ShiftEntity): Promise<string> => {
    const person = await createStaffMember(t.dataSource, event.id, orgId);
    return (await t.gql.ok(ASSIGN, { s: shift.id, m: person.id }, tokens.coordinator)).assign.id;
  };
  /** Messages until every expected venue was named (changes in between may be merged into one). */
  const venuesHeard = async (sub: Subscription<Change>, expected: string[]): Promise<string[]> => {
    const heard = new Set<string>();
    while (!expected.every((v) => heard.has(v))) for (const v of (await sub.next()).coverageChanged.venueIds) heard.add(v);
    return [...heard].sort();
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const otherEvent = await createEvent(t.dataSource);
    const world = await createEventWorld(t, { people: () => ({ otherEvent: [{ role: Role.COORDINATOR, eventId: otherEvent.id }] }) });
    ({ event, venue: venueA, otherVenue: venueB, team } = world);
    orgId = world.org.id;
    shiftA = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venueA.id, teamId: team.id },
      { startsAt: '2024-07-20T09:00:00Z', endsAt: '2024-07-20T13:00:00Z' },
    );
    shiftB = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venueB.id, teamId: team.id },
      { startsAt: '2024-07-20T09:00:00Z', endsAt: '2024-07-20T13:00:00Z' },
    );
    // The world's coordinator limited to its other venue is this file's venue-B coordinator.
    Object.assign(tokens, {
      coordinator: world.tokens.coordinator,
      venueB: world.tokens.elsewhere,
      staff: world.tokens.staff,
      otherEvent: world.tokens.otherEvent,
    });
  });
  afterAll(() => t?.close());

  it('tells each coordinator of the changes in their scope only: assignments and check-ins', async () => {
    const all = await subscribe<Change>(t.gql.url, CHANGED, { e: event.id }, tokens.coordinator);
    const onlyB = await subscribe<Change>(t.gql.url, CHANGED, { e: event.id }, tokens.venueB);
    const askedA = await subscribe<Change>(t.gql.url, CHANGED, { e: event.id, v: [venueA.id] }, tokens.coordinator);
    try {
      const onA = await assign(shiftA);
      const first = (await all.next()).coverageChanged;
      expect(first).toMatchObject({ eventId: event.id, venueIds: [venueA.id], teamIds: [team.id] });
      expect(Number.isNaN(Date.parse(first.changedAt))).toBe(false);
      await assign(shiftB);
      expect(await venuesHeard(all, [venueB.id])).toContain(venueB.id);
      // The venue-B coordinator's first message is about B: A's change never reached them.
      expect((await onlyB.next()).coverageChanged).toMatchObject({ eventId: event.id, venueIds: [venueB.id], teamIds: [team.id] });
      expect((await askedA.next()).coverageChanged.venueIds).toEqual([venueA.id]);

      await t.gql.ok(`mutation C($a: ID!) { checkIn(assignmentId: $a) { id } }`, { a: onA }, tokens.coordinator);
      expect(await venuesHeard(all, [venueA.id])).toContain(venueA.id);
      expect((await askedA.next()).coverageChanged.venueIds).toEqual([venueA.id]);
    } finally {
      await Promise.all([all.close(), onlyB.close(), askedA.close()]);
    }
  });

  it('is refused like the coverage query: staff, another event, venues outside the grant, no token', async () => {
    const cases: Array<[string | undefined, Record<string, unknown>, string]> = [
      [tokens.staff, { e: event.id }, 'FORBIDDEN'],
      [tokens.otherEvent, { e: event.id }, 'FORBIDDEN'],
      [tokens.venueB, { e: event.id, v: [venueA.id] }, 'FORBIDDEN'],
      [undefined, { e: event.id }, 'UNAUTHENTICATED'],
    ];
    for (const [token, variables, code] of cases) {
      const refused = await subscribe(t.gql.url, CHANGED, variables, token);
      await expect(refused.next()).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code }) })] });
      await refused.close();
    }
  });
});
