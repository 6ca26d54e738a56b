import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
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

  it('also tells of shift edits that move the board (headcount, times), of publishing and of cancelling, never of draft edits', async () => {
    const place = (venue: VenueEntity) => ({ eventId: event.id, venueId: venue.id, teamId: team.id });
    const draftA = await createShift(t.dataSource, place(venueA), {
      startsAt: '2024-07-21T09:00:00Z',
      endsAt: '2024-07-21T13:00:00Z',
      status: ShiftStatus.DRAFT,
    });
    const quietA = await createShift(t.dataSource, place(venueA), { startsAt: '2024-07-21T09:00:00Z', endsAt: '2024-07-21T13:00:00Z' });
    const quietB = await createShift(t.dataSource, place(venueB), { startsAt: '2024-07-21T09:00:00Z', endsAt: '2024-07-21T13:00:00Z', headcount: 2 });
    const update = (id: string, input: Record<string, unknown>) =>
      t.gql.ok(`mutation U($id: ID!, $input: UpdateShiftInput!) { updateShift(id: $id, input: $input) { id } }`, { id, input }, tokens.coordinator);
    const all = await subscribe<Change>(t.gql.url, CHANGED, { e: event.id }, tokens.coordinator);
    const onlyB = await subscribe<Change>(t.gql.url, CHANGED, { e: event.id }, tokens.venueB);
    try {
      // The draft's edit is on no board: the first message (sent at once after a quiet spell) is B's headcount.
      await update(draftA.id, { headcount: 9, roleTitle: 'Still a draft' });
      await update(quietB.id, { headcount: 5 });
      expect((await all.next()).coverageChanged).toMatchObject({ eventId: event.id, venueIds: [venueB.id], teamIds: [team.id] });
      await update(quietA.id, { startsAt: '2024-07-21T10:00:00Z', endsAt: '2024-07-21T15:00:00Z' });
      expect(await venuesHeard(all, [venueA.id])).toContain(venueA.id);
      await t.gql.ok(
        `mutation C($s: ID!) { cancelShift(shiftId: $s, reason: "Session moved") { cancelledAssignments } }`,
        { s: quietB.id },
        tokens.coordinator,
      );
      expect(await venuesHeard(all, [venueB.id])).toContain(venueB.id);
      await t.gql.ok(`mutation P($ids: [ID!]!) { publishShifts(ids: $ids) { id } }`, { ids: [draftA.id] }, tokens.coordinator);
      expect(await venuesHeard(all, [venueA.id])).toContain(venueA.id);
      // Venue B's coordinator heard B's headcount and B's cancellation, nothing of A.
      const heardB = await venuesHeard(onlyB, [venueB.id]);
      expect(heardB).toEqual([venueB.id]);
      expect((await onlyB.next()).coverageChanged.venueIds).toEqual([venueB.id]);
    } finally {
      await Promise.all([all.close(), onlyB.close()]);
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
