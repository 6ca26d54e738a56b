import { SavedSearchAlertsJob } from '@baton/talent';
import { createOrganisation } from '../factories/events';
import { createRecruiter, createTalent } from '../factories/talent';
import { startTestApp, TestApp } from '../utils/test-app';

const SAVE = `mutation($f: TalentSearchFilter!) { saveTalentSearch(input: { name: "Network people", filter: $f }) { id name filter alertsEnabled } }`;

/** Saved searches: digests through the outbox, never the same match twice, never someone no longer visible. */
describe('talent saved searches', () => {
  let t: TestApp;
  let recruiter: { id: string; email: string; token: string };

  const digests = async () =>
    (await t.dataSource.query(
      `SELECT subject, body, payload FROM outbox_messages WHERE recipient = $1 AND template = 'talent.saved-search-digest' ORDER BY created_at`,
      [recruiter.email],
    )) as Array<{ subject: string; body: string; payload: { userIds: string[] } }>;

  beforeAll(async () => {
    t = await startTestApp();
    recruiter = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
  }, 120_000);
  afterAll(() => t?.close());

  it('sends new matches once, skips people who stopped being visible, and validates its input', async () => {
    const a = await createTalent(t, { name: 'Alice Net', headline: 'Network engineer' });
    const b = await createTalent(t, { name: 'Bob Net', headline: 'Network engineer' });
    await createTalent(t, { name: 'Carl Timing', headline: 'Timing operator' });
    const saved = (await t.gql.ok(SAVE, { f: { text: 'network' } }, recruiter.token)).saveTalentSearch;
    expect(saved).toMatchObject({ name: 'Network people', filter: { text: 'network' }, alertsEnabled: true });
    const job = t.app.get(SavedSearchAlertsJob);
    expect(await job.run()).toEqual({ searches: 1, sent: 2 });
    expect((await digests()).map((d) => d.payload.userIds.sort())).toEqual([[a.id, b.id].sort()]);
    // Nothing new: no message at all.
    expect(await job.run()).toEqual({ searches: 1, sent: 0 });
    // A new match, and one that stopped being visible before its first digest.
    const c = await createTalent(t, { name: 'Dora Net', headline: 'Network architect' });
    const hidden = await createTalent(t, { name: 'Eve Net', headline: 'Network architect' });
    await t.dataSource.query(`UPDATE alumni_profiles SET visibility = 'ALUMNI' WHERE user_id = $1`, [hidden.id]);
    // Two runs at once still send each match once.
    const runs = await Promise.all([job.run(), job.run()]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const all = await digests();
    expect(all).toHaveLength(2);
    expect(all[1].payload.userIds).toEqual([c.id]);
    expect(all[1].subject).toBe('1 new match for "Network people"');
    expect((await t.gql.ok(`{ mySavedTalentSearches { id lastAlertAt } }`, {}, recruiter.token)).mySavedTalentSearches[0].lastAlertAt).not.toBeNull();
    const bad = await t.gql.request(SAVE, { f: { country: 'France' } }, recruiter.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const member = await createTalent(t, { name: 'Member' });
    expect((await t.gql.request(SAVE, { f: {} }, member.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.ok(`mutation($id: ID!) { deleteSavedTalentSearch(id: $id) }`, { id: saved.id }, recruiter.token)).deleteSavedTalentSearch).toBe(true);
    expect(
      (await t.gql.request(`mutation($id: ID!) { deleteSavedTalentSearch(id: $id) }`, { id: saved.id }, recruiter.token)).errors?.[0].extensions?.code,
    ).toBe('NOT_FOUND');
  });
});
