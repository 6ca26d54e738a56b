import { Role } from '@baton/auth';
import { EventEntity, VenueEntity } from '@baton/events';
import { createEvent } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE_EVENT = `mutation C($timeZone: String!, $code: String!) {
  createEvent(input: { code: $code, name: "Zones", timeZone: $timeZone, startsOn: "2028-07-14", endsOn: "2028-07-30" }) { id timeZone }
}`;
const UPDATE_EVENT = `mutation U($id: ID!, $timeZone: String) { updateEvent(id: $id, input: { timeZone: $timeZone }) { timeZone } }`;
const CREATE_VENUE = `mutation V($eventId: ID!, $code: String!, $timeZone: String!) {
  createVenue(input: { eventId: $eventId, code: $code, name: "Teahupo'o", city: "Teahupo'o", kind: COMPETITION, timeZone: $timeZone, zones: ["FOP"] }) { id timeZone }
}`;
const UPDATE_VENUE = `mutation W($id: ID!, $timeZone: String) { updateVenue(id: $id, input: { timeZone: $timeZone }) { timeZone } }`;

/** Every zone input is stored as its canonical IANA name; abbreviations that are not places are refused. */
describe('time zones: canonical IANA names everywhere a zone is an input', () => {
  let t: TestApp;
  let token: string;
  let event: EventEntity;
  let n = 0;
  const code = () => `TZ${++n}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    token = (await t.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
    event = await createEvent(t.dataSource);
  });
  afterAll(() => t?.close());

  it('createEvent and updateEvent store the canonical spelling, links followed, UTC as UTC', async () => {
    const created = (await t.gql.ok(CREATE_EVENT, { code: code(), timeZone: 'pacific/tahiti' }, token)).createEvent;
    expect(created.timeZone).toBe('Pacific/Tahiti');
    expect((await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id: created.id })).timeZone).toBe('Pacific/Tahiti');
    for (const [given, stored] of [
      ['asia/calcutta', 'Asia/Kolkata'],
      ['US/Eastern', 'America/New_York'],
      ['Etc/UTC', 'UTC'],
      ['UTC', 'UTC'],
      [' Europe/Paris ', 'Europe/Paris'],
    ]) {
      expect((await t.gql.ok(UPDATE_EVENT, { id: created.id, timeZone: given }, token)).updateEvent.timeZone).toBe(stored);
    }
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_entries WHERE action = 'event.created' AND entity_id = $1`, [created.id]);
    expect(audit.after.timeZone).toBe('Pacific/Tahiti');
  });

  it('refuses legacy abbreviations and unknown names with the reason, changing nothing', async () => {
    const before = await t.dataSource.getRepository(EventEntity).count();
    for (const [zone, constraint] of [
      ['EST', 'timeZoneLocation'],
      ['PST8PDT', 'timeZoneLocation'],
      ['Etc/GMT+5', 'timeZoneLocation'],
      ['GMT', 'timeZoneLocation'],
      ['PST', 'timeZone'],
      ['Mars/Olympus_Mons', 'timeZone'],
      // NUL is refused by the input guard before any resolver, for every text input.
      ['Europe/Paris\u0000', 'noNulCharacter'],
      ['x'.repeat(10_000), 'timeZone'],
    ]) {
      const error = await t.gql.error(CREATE_EVENT, { code: code(), timeZone: zone }, token);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone', constraint }] });
      expect(JSON.stringify(error).length).toBeLessThan(2_000);
    }
    expect((await t.gql.error(CREATE_EVENT, { code: code(), timeZone: 'EST' }, token)).message).toContain('not a location');
    expect(await t.dataSource.getRepository(EventEntity).count()).toBe(before);
    const cleared = await t.gql.error(UPDATE_EVENT, { id: event.id, timeZone: null }, token);
    expect(cleared.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone' }] });
    const wrongType = await t.gql.request(UPDATE_EVENT, { id: event.id, timeZone: 42 }, token);
    expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.dataSource.getRepository(EventEntity).findOneByOrFail({ id: event.id })).timeZone).toBe('Europe/Paris');
  });

  it('createVenue and updateVenue do the same', async () => {
    const venue = (await t.gql.ok(CREATE_VENUE, { eventId: event.id, code: 'THP', timeZone: 'pacific/tahiti' }, token)).createVenue;
    expect(venue.timeZone).toBe('Pacific/Tahiti');
    expect((await t.gql.ok(UPDATE_VENUE, { id: venue.id, timeZone: 'europe/kiev' }, token)).updateVenue.timeZone).toBe('Europe/Kyiv');
    for (const zone of ['CET', 'HST', 'MET', 'WET', 'EET', 'MST']) {
      expect((await t.gql.error(UPDATE_VENUE, { id: venue.id, timeZone: zone }, token)).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'timeZone', constraint: 'timeZoneLocation' }],
      });
    }
    const refused = await t.gql.error(CREATE_VENUE, { eventId: event.id, code: 'EST', timeZone: 'EST' }, token);
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'timeZone', constraint: 'timeZoneLocation' }] });
    expect(await t.dataSource.getRepository(VenueEntity).countBy({ eventId: event.id })).toBe(1);
    expect((await t.dataSource.getRepository(VenueEntity).findOneByOrFail({ id: venue.id })).timeZone).toBe('Europe/Kyiv');
  });

  it('the database keeps the shape of a canonical name when the service is bypassed', async () => {
    const insert = (zone: string) =>
      t.dataSource
        .query(`INSERT INTO venues (event_id, code, name, city, kind, time_zone) VALUES ($1, $2, 'x', 'x', 'COMPETITION', $3)`, [event.id, code(), zone])
        .then(
          () => 'OK',
          (e: { driverError?: { constraint?: string } }) => e.driverError?.constraint,
        );
    expect(await insert('pacific/tahiti')).toBe('venues_time_zone_check');
    expect(await insert('EST')).toBe('venues_time_zone_check');
    expect(await insert('PST8PDT')).toBe('venues_time_zone_check');
    expect(await insert('America/Argentina/Buenos_Aires')).toBe('OK');
    expect(await insert('UTC')).toBe('OK');
    const update = await t.dataSource.query(`UPDATE events SET time_zone = 'est' WHERE id = $1`, [event.id]).catch((e) => e.driverError?.constraint);
    expect(update).toBe('events_time_zone_check');
  });
});
