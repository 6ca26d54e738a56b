import { Role } from '@baton/auth';
import { EventPhase } from '@baton/events';
import { RetentionService } from '@baton/privacy';
import { attend, consentText } from '../factories/alumni';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * The retention job on a fixed clock: an event that ended on 31 January is erased for its staff
 * who never joined the network on 31 July (6 months, the default), after a notice on 1 July
 * (30 days before); each record is warned once and erased once; members and current staff stay.
 */
describe('privacy retention job', () => {
  let t: TestApp;
  let retention: RetentionService;
  const ids: Record<'anna' | 'ben' | 'cleo' | 'dan' | 'eve', string> = {} as never;
  let benUserId: string;
  let cleoUserId: string;

  const notices = () => t.dataSource.query(`SELECT staff_member_id, notified_at, erased_at FROM privacy_retention_notices ORDER BY staff_member_id`);
  const messages = () => t.dataSource.query(`SELECT recipient FROM outbox_messages WHERE template = 'privacy-retention-notice' ORDER BY recipient`);
  const names = async () =>
    Object.fromEntries(
      (await t.dataSource.query(`SELECT id, display_name FROM staff_members`)).map((r: { id: string; display_name: string }) => [r.id, r.display_name]),
    );

  beforeAll(async () => {
    t = await startTestApp({ now: '2025-06-20T12:00:00Z' });
    retention = t.app.get(RetentionService);
    const closed = await createEvent(t.dataSource, { phase: EventPhase.CLOSED, startsOn: '2025-01-10', endsOn: '2025-01-31' });
    const open = await createEvent(t.dataSource, { phase: EventPhase.GAMES, startsOn: '2025-01-10', endsOn: '2025-01-31' });
    const org = await createOrganisation(t.dataSource);
    const venue = await createVenue(t.dataSource, closed.id);
    const team = await createTeam(t.dataSource, closed.id);
    const ben = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: closed.id }], { email: 'ben@example.org' });
    const cleo = await createUser(t.dataSource, [{ role: Role.ALUMNUS }], { email: 'cleo@example.org' });
    benUserId = ben.id;
    cleoUserId = cleo.id;
    await t.dataSource.query(`INSERT INTO alumni_consents (user_id, consent_text_id, purpose, given_at) VALUES ($1, $2, 'ALUMNI_NETWORK', now())`, [
      cleo.id,
      (await consentText(t.dataSource)).id,
    ]);
    const staff = (event: string, name: string, extra: Record<string, unknown>) =>
      createStaffMember(t.dataSource, event, org.id, { displayName: name, ...extra }).then((s) => s.id);
    ids.anna = await staff(closed.id, 'Anna Noaccount', { email: 'anna@example.org', phone: '+33 6 00 00 00 01' });
    ids.ben = await staff(closed.id, 'Ben Neverjoined', { userId: ben.id });
    ids.cleo = await staff(closed.id, 'Cleo Member', { userId: cleo.id, email: 'cleo@example.org' });
    ids.dan = await staff(open.id, 'Dan Current', { email: 'dan@example.org' });
    ids.eve = await staff(closed.id, 'Eve Noemail', {});
    const shift = await createShift(
      t.dataSource,
      { eventId: closed.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2025-01-20T06:00:00Z', endsAt: '2025-01-20T14:00:00Z' },
    );
    await attend(t.dataSource, shift, ids.anna);
  }, 120_000);
  afterAll(() => t?.close());

  it('is a nightly scheduled job', () => {
    // The queue's registry reads this metadata at startup (libs/queue JobHandler).
    expect(Reflect.getMetadata('baton:job-handler', RetentionService.prototype.job)).toEqual({
      name: 'privacy.retention',
      options: expect.objectContaining({ schedule: { cron: '41 2 * * *' } }),
    });
  });

  it('does nothing before the notice date', async () => {
    expect(await retention.run()).toEqual({ notified: 0, erased: 0 });
    expect(await notices()).toEqual([]);
  });

  it('30 days before, warns each record once through the outbox (those with an email); members and current staff are left alone', async () => {
    t.clock.set('2025-07-01T12:00:00Z');
    expect(await retention.run()).toEqual({ notified: 3, erased: 0 });
    expect((await notices()).map((n: { staff_member_id: string }) => n.staff_member_id).sort()).toEqual([ids.anna, ids.ben, ids.eve].sort());
    expect(await messages()).toEqual([{ recipient: 'anna@example.org' }, { recipient: 'ben@example.org' }]);
    const [body] = await t.dataSource.query(`SELECT subject, body FROM outbox_messages WHERE recipient = 'anna@example.org'`);
    expect(body.subject).toBe('Your Baton staff data will be erased on 2025-07-31');
    // Never twice.
    t.clock.set('2025-07-15T12:00:00Z');
    expect(await retention.run()).toEqual({ notified: 0, erased: 0 });
    expect(await messages()).toHaveLength(2);
  });

  it('on the date, erases the warned records once, keeps their attendance; the member and the current event stay', async () => {
    t.clock.set('2025-07-31T12:00:00Z');
    expect(await retention.run()).toEqual({ notified: 0, erased: 3 });
    const after = await names();
    for (const who of ['anna', 'ben', 'eve'] as const) expect(after[ids[who]]).toMatch(/^Erased person #/);
    expect(after[ids.cleo]).toBe('Cleo Member');
    expect(after[ids.dan]).toBe('Dan Current');
    const [anna] = await t.dataSource.query(`SELECT email, phone_envelope FROM staff_members WHERE id = $1`, [ids.anna]);
    expect(anna).toEqual({ email: null, phone_envelope: null });
    expect((await t.dataSource.query(`SELECT count(checked_in_at)::int AS n FROM assignments WHERE staff_member_id = $1`, [ids.anna]))[0].n).toBe(1);
    const [ben] = await t.dataSource.query(`SELECT email, status FROM users WHERE id = $1`, [benUserId]);
    expect(ben).toEqual({ email: `erased-${benUserId}@erased.invalid`, status: 'DISABLED' });
    expect((await t.dataSource.query(`SELECT status FROM users WHERE id = $1`, [cleoUserId]))[0].status).toBe('ACTIVE');
    expect((await notices()).every((n: { erased_at: Date | null }) => n.erased_at !== null)).toBe(true);
    expect(
      await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE action = 'privacy.retention_erased' AND actor_user_id IS NULL`),
    ).toEqual([{ n: 3 }]);
    // Never twice.
    t.clock.set('2025-08-30T12:00:00Z');
    expect(await retention.run()).toEqual({ notified: 0, erased: 0 });
  });
});
