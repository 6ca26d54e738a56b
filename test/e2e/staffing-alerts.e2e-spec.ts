import { createEventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const ALERTS = `subscription A($e: ID!) { staffingAlert(eventId: $e) { kind shiftId staffMemberId message } }`;

describe('staffing alerts for gaps and overrides', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-27T01:00:00Z' });
  });
  afterAll(() => t?.close());

  it('a decline close to the start raises GAP; an admin override raises OVERRIDE; a far-off decline raises nothing', async () => {
    const { event, org, place: where, users, tokens } = await createEventWorld(t, { venue: { zones: ['TECH'] } });
    const admin = { id: users.admin.id, token: tokens.admin };
    const coordinator = { id: users.coordinator.id, token: tokens.coordinator };
    const staff = { id: users.staff.id, token: tokens.staff };
    const me = await createStaffMember(t.dataSource, event.id, org.id, { userId: staff.id });
    const soon = await createShift(t.dataSource, where, { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' });
    const later = await createShift(t.dataSource, where, { startsAt: '2024-07-30T06:00:00Z', endsAt: '2024-07-30T14:00:00Z' });
    const assign = async (shiftId: string, staffMemberId: string, token: string, reason?: string) =>
      (
        await t.gql.ok(
          `mutation A($s: ID!, $m: ID!, $r: String) { assign(input: { shiftId: $s, staffMemberId: $m, overrideReason: $r }) { id } }`,
          { s: shiftId, m: staffMemberId, r: reason },
          token,
        )
      ).assign.id as string;

    const onSoon = await assign(soon.id, me.id, coordinator.token);
    const onLater = await assign(later.id, me.id, coordinator.token);
    const sub = await subscribe(t.gql.url, ALERTS, { e: event.id }, coordinator.token);
    try {
      await t.gql.ok(`mutation { declineAssignment(assignmentId: "${onLater}") { status } }`, {}, staff.token);
      await t.gql.ok(`mutation { declineAssignment(assignmentId: "${onSoon}") { status } }`, {}, staff.token);
      const gap = await sub.next();
      expect(gap.staffingAlert).toMatchObject({ kind: 'GAP', shiftId: soon.id, staffMemberId: me.id });
      expect(gap.staffingAlert.message).toContain('starting in 5 h');

      const unaccredited = await createStaffMember(t.dataSource, event.id, org.id, { accreditationZones: [] });
      await assign(soon.id, unaccredited.id, admin.token, 'badge printed at the gate');
      expect((await sub.next()).staffingAlert).toMatchObject({ kind: 'OVERRIDE', shiftId: soon.id, staffMemberId: unaccredited.id });
    } finally {
      await sub.close();
    }
  });
});
