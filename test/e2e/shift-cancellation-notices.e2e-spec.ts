import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { OutboxMessageEntity } from '@baton/outbox';
import { StaffMemberEntity } from '@baton/staff';
import { assignToShift } from '../factories/assignments';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { startTestApp, TestApp } from '../utils/test-app';

const CANCEL = `mutation C($shiftId: ID!) {
  cancelShift(shiftId: $shiftId, reason: "storm") {
    shiftId cancelledAssignments notified { staffMemberId displayName } notNotified { staffMemberId displayName phone }
  }
}`;

/** cancelShift tells the coordinator whom no message could reach, with a phone number only where they may see it. */
describe('shift cancellation: who was and was not notified', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let otherVenue: VenueEntity;
  let team: TeamEntity;
  let org: OrganisationEntity;
  let tokens: EventWorld<'venueCoordinator'>['tokens'];
  /** Ann has an email; Ben only an account; Cleo and Dan neither (Cleo based at the shift's venue, Dan elsewhere). */
  let ann: StaffMemberEntity;
  let ben: StaffMemberEntity;
  let cleo: StaffMemberEntity;
  let dan: StaffMemberEntity;
  let benEmail: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t, {
      people: ({ eventId, venueId }) => ({ venueCoordinator: [{ role: Role.COORDINATOR, eventId, venueIds: [venueId] }] }),
    });
    ({ event, venue, otherVenue, team, org, tokens } = world);
    const benUser = world.users.staff;
    benEmail = benUser.email;
    const base = { teamId: team.id, homeVenueId: venue.id };
    ann = await createStaffMember(t.dataSource, event.id, org.id, { ...base, displayName: 'Ann Leroy', email: 'ann@example.org', phone: '+33 6 00 00 00 01' });
    ben = await createStaffMember(t.dataSource, event.id, org.id, { ...base, displayName: 'Ben Moreau', userId: benUser.id, phone: '+33 6 00 00 00 02' });
    cleo = await createStaffMember(t.dataSource, event.id, org.id, { ...base, displayName: 'Cleo Petit', phone: '+33 6 00 00 00 03' });
    dan = await createStaffMember(t.dataSource, event.id, org.id, {
      teamId: team.id,
      homeVenueId: otherVenue.id,
      displayName: 'Dan Roux',
      phone: '+33 6 00 00 00 04',
    });
  });
  afterAll(() => t?.close());

  const shiftWithEveryone = async (day: string) => {
    const shift = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: `${day}T06:00:00Z`, endsAt: `${day}T12:00:00Z` },
    );
    for (const person of [dan, cleo, ben, ann]) await assignToShift(t.dataSource, shift, person.id);
    return shift;
  };

  it('lists the people told by message and those to call, with the phone of those whose contact the coordinator may see', async () => {
    const shift = await shiftWithEveryone('2024-07-25');
    const result = (await t.gql.ok(CANCEL, { shiftId: shift.id }, tokens.coordinator)).cancelShift;
    expect(result).toEqual({
      shiftId: shift.id,
      cancelledAssignments: 4,
      notified: [
        { staffMemberId: ann.id, displayName: 'Ann Leroy' },
        { staffMemberId: ben.id, displayName: 'Ben Moreau' },
      ],
      notNotified: [
        { staffMemberId: cleo.id, displayName: 'Cleo Petit', phone: '+33 6 00 00 00 03' },
        { staffMemberId: dan.id, displayName: 'Dan Roux', phone: '+33 6 00 00 00 04' },
      ],
    });
    const messages = await t.dataSource.getRepository(OutboxMessageEntity).findBy({ template: 'shift-cancelled' });
    expect(
      messages
        .filter((m) => m.payload.shiftId === shift.id)
        .map((m) => m.recipient)
        .sort(),
    ).toEqual(['ann@example.org', benEmail].sort());
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'shift.cancelled' AND entity_id = $1`, [shift.id]);
    expect(audit.after.notNotified.sort()).toEqual([cleo.id, dan.id].sort());
  });

  it('hides the phone of a person outside the caller’s venues, even when the shift is inside them', async () => {
    const shift = await shiftWithEveryone('2024-07-26');
    const result = (await t.gql.ok(CANCEL, { shiftId: shift.id }, tokens.venueCoordinator)).cancelShift;
    expect(result.notNotified).toEqual([
      { staffMemberId: cleo.id, displayName: 'Cleo Petit', phone: '+33 6 00 00 00 03' },
      // Dan is based at another venue: this coordinator may cancel the shift, not read his contact details.
      { staffMemberId: dan.id, displayName: 'Dan Roux', phone: null },
    ]);
    expect(result.notified.map((p: { staffMemberId: string }) => p.staffMemberId)).toEqual([ann.id, ben.id]);
  });

  it('an admin sees every phone; a shift with nobody on it reports two empty lists', async () => {
    const shift = await shiftWithEveryone('2024-07-27');
    const result = (await t.gql.ok(CANCEL, { shiftId: shift.id }, tokens.admin)).cancelShift;
    expect(result.notNotified.map((p: { phone: string | null }) => p.phone)).toEqual(['+33 6 00 00 00 03', '+33 6 00 00 00 04']);
    const empty = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T12:00:00Z' },
    );
    expect((await t.gql.ok(CANCEL, { shiftId: empty.id }, tokens.coordinator)).cancelShift).toEqual({
      shiftId: empty.id,
      cancelledAssignments: 0,
      notified: [],
      notNotified: [],
    });
  });
});
