import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { createEvent } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { subscribe } from '../utils/subscriptions';
import { startTestApp, TestApp } from '../utils/test-app';

const EVENT_CHANGED = `subscription S($eventId: ID!) { eventChanged(eventId: $eventId) { id phase name } }`;
const UPDATE = `mutation U($id: ID!, $name: String!) { updateEvent(id: $id, input: { name: $name }) { id } }`;
const tokenOf = async (t: TestApp, grants: Parameters<typeof createUser>[1]) => {
  const user = await createUser(t.dataSource, grants);
  return (await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken as string;
};

describe('subscriptions over graphql-ws (Fastify)', () => {
  let t: TestApp;
  let event: EventEntity;
  let admin: string;
  let staff: string;
  let outsider: string;

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    const other = await createEvent(t.dataSource);
    admin = await tokenOf(t, [{ role: Role.ADMIN }]);
    staff = await tokenOf(t, [{ role: Role.STAFF, eventId: event.id }]);
    outsider = await tokenOf(t, [{ role: Role.STAFF, eventId: other.id }]);
  });
  afterAll(() => t?.close());

  it('delivers a committed change to a subscriber in scope', async () => {
    const sub = await subscribe(t.gql.url, EVENT_CHANGED, { eventId: event.id }, staff);
    try {
      await t.gql.ok(UPDATE, { id: event.id, name: 'Renamed Games' }, admin);
      expect(await sub.next()).toEqual({ eventChanged: { id: event.id, phase: 'GAMES', name: 'Renamed Games' } });
    } finally {
      await sub.close();
    }
  });

  it('refuses anonymous and out-of-scope subscribers', async () => {
    const anonymous = await subscribe(t.gql.url, EVENT_CHANGED, { eventId: event.id });
    await expect(anonymous.next()).rejects.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })],
    });
    await anonymous.close();
    const stranger = await subscribe(t.gql.url, EVENT_CHANGED, { eventId: event.id }, outsider);
    await expect(stranger.next()).rejects.toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] });
    await stranger.close();
  });
});

/** Two API instances sharing one Redis: a change made on one reaches subscribers of the other. */
const withRedis = process.env.REDIS_URL ? describe : describe.skip;
withRedis('subscriptions across instances through Redis', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const channel = `baton-test-${Date.now()}`;
    a = await startTestApp({ env: { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: channel } });
    b = await startTestApp({ db: a.db, env: { REDIS_URL: process.env.REDIS_URL!, REDIS_PREFIX: channel, JWT_SECRET: a.env.JWT_SECRET } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('fans out an update made on instance A to a subscriber on instance B', async () => {
    const event = await createEvent(a.dataSource);
    const admin = await tokenOf(a, [{ role: Role.ADMIN }]);
    const sub = await subscribe(b.gql.url, EVENT_CHANGED, { eventId: event.id }, admin);
    try {
      await a.gql.ok(UPDATE, { id: event.id, name: 'Across instances' }, admin);
      expect(await sub.next()).toMatchObject({ eventChanged: { id: event.id, name: 'Across instances' } });
    } finally {
      await sub.close();
    }
  });
});
