import { startTestApp, TestApp } from '../utils/test-app';

describe('the app boots on a fresh database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers { __typename }', async () => {
    expect(await t.gql.ok('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('is ready and live', async () => {
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
  });
});
