import { AlumniVisibility } from '@baton/alumni';
import { login, MemberFixture } from '../factories/alumni';
import { createOrganisation } from '../factories/events';
import { createRecruiter, createTalent } from '../factories/talent';
import { startTestApp, TestApp } from '../utils/test-app';

const REQUEST = `mutation($id: ID!, $m: String!) { requestContact(input: { alumnusId: $id, message: $m }) { id status organisationName alumnusName expiresAt } }`;
const RESPOND = `mutation($id: ID!, $a: Boolean!) { respondToContactRequest(id: $id, accept: $a) { id status answeredAt } }`;
const CONTACT = `query($id: ID!) { talentProfile(userId: $id) { displayName contact { email phone } } }`;
const LIMIT = 3;

/**
 * Contact by consent over GraphQL: request, accept or decline, contact details only after an
 * acceptance and only for that organisation, one pending request per organisation and person,
 * the daily quota under concurrent requests, expiry after the configured days, blocks.
 */
describe('talent contact requests and blocks', () => {
  let t: TestApp;
  let recruiter: { id: string; email: string; token: string };
  let colleague: { id: string; email: string; token: string };
  let rival: { id: string; email: string; token: string };
  let organisationId: string;
  const people: MemberFixture[] = [];

  const code = (result: any) => result.errors?.[0]?.extensions?.code ?? 'OK';
  const outboxTo = async (email: string) =>
    (await t.dataSource.query(`SELECT template, subject FROM outbox_messages WHERE recipient = $1 ORDER BY created_at`, [email])) as any[];

  beforeAll(async () => {
    t = await startTestApp({ env: { TALENT_CONTACT_DAILY_LIMIT: String(LIMIT), TALENT_CONTACT_TTL_DAYS: '30' }, now: '2026-03-02T10:00:00Z' });
    const organisation = await createOrganisation(t.dataSource, { name: 'Atlantec' });
    organisationId = organisation.id;
    recruiter = await createRecruiter(t, organisation.id);
    colleague = await createRecruiter(t, organisation.id);
    rival = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
    for (let i = 0; i < 8; i++) people.push(await createTalent(t, { name: `Person ${i}`, headline: 'Network engineer' }));
  }, 120_000);
  afterAll(() => t?.close());

  it('an accepted request shows the contact details to that organisation only, never before', async () => {
    const [person] = people;
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).toBeNull();
    const sent = (await t.gql.ok(REQUEST, { id: person.id, m: 'Hello, we run the LA28 results team.' }, recruiter.token)).requestContact;
    expect(sent).toMatchObject({ status: 'PENDING', organisationName: 'Atlantec', alumnusName: 'Person 0', expiresAt: '2026-04-01T10:00:00.000Z' });
    expect((await outboxTo(person.email)).map((m) => m.template)).toEqual(['talent.contact-request']);
    const received = (await t.gql.ok(`{ myContactRequests { id status message } }`, {}, person.token)).myContactRequests;
    expect(received).toEqual([{ id: sent.id, status: 'PENDING', message: 'Hello, we run the LA28 results team.' }]);
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).toBeNull();
    // Somebody else cannot answer it.
    expect(code(await t.gql.request(RESPOND, { id: sent.id, a: true }, people[1].token))).toBe('NOT_FOUND');
    expect((await t.gql.ok(RESPOND, { id: sent.id, a: true }, person.token)).respondToContactRequest.status).toBe('ACCEPTED');
    expect((await outboxTo(recruiter.email)).map((m) => m.template)).toEqual(['talent.contact-answer']);
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).toEqual({ email: person.email, phone: null });
    // The whole organisation, not just the recruiter who asked; not another organisation.
    expect((await t.gql.ok(CONTACT, { id: person.id }, colleague.token)).talentProfile.contact).toEqual({ email: person.email, phone: null });
    expect((await t.gql.ok(CONTACT, { id: person.id }, rival.token)).talentProfile.contact).toBeNull();
    // Answered once only.
    const again = await t.gql.request(RESPOND, { id: sent.id, a: false }, person.token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'CONTACT_REQUEST_CLOSED' }] });
    expect((await t.gql.ok(`{ myAlumniProfile { contact { email } } }`, {}, person.token)).myAlumniProfile.contact).toEqual({ email: person.email });
  });

  it('one pending request per organisation and person; a declined one frees the slot', async () => {
    const person = people[1];
    const first = (await t.gql.ok(REQUEST, { id: person.id, m: 'First' }, colleague.token)).requestContact;
    const dup = await t.gql.request(REQUEST, { id: person.id, m: 'Second' }, recruiter.token);
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'alumnusId' });
    await t.gql.ok(RESPOND, { id: first.id, a: false }, person.token);
    expect((await t.gql.ok(CONTACT, { id: person.id }, colleague.token)).talentProfile.contact).toBeNull();
    expect(code(await t.gql.request(REQUEST, { id: person.id, m: 'Second' }, recruiter.token))).toBe('OK');
    // The failed duplicate did not use up the colleague's quota: both of theirs counted once.
    const [row] = await t.dataSource.query(`SELECT sent FROM talent_contact_quotas WHERE recruiter_id = $1`, [colleague.id]);
    expect(row.sent).toBe(1);
  });

  it('enforces the daily limit under concurrent requests; the next UTC day opens it again', async () => {
    const fresh = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
    const targets = people.slice(2, 8);
    const results = await Promise.all(targets.map((p) => t.gql.request(REQUEST, { id: p.id, m: 'Hi' }, fresh.token)));
    const codes = results.map(code);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(LIMIT);
    expect(codes.filter((c) => c === 'RULE_VIOLATION')).toHaveLength(targets.length - LIMIT);
    const limited: any = results.find((r) => code(r) === 'RULE_VIOLATION');
    expect(limited.errors[0].extensions.rules[0]).toMatchObject({ rule: 'CONTACT_DAILY_LIMIT', limit: LIMIT });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM talent_contact_requests r JOIN users u ON u.id = r.recruiter_id WHERE u.id = $1`,
      [fresh.id],
    );
    expect(count).toBe(LIMIT);
    t.clock.set(new Date('2026-03-03T00:00:01Z'));
    const refused = targets.filter((_, i) => codes[i] !== 'OK');
    // Tokens are short-lived: sign in again on the new day.
    expect(code(await t.gql.request(REQUEST, { id: refused[0].id, m: 'Hi again' }, await login(t, fresh.email)))).toBe('OK');
    t.clock.set(new Date('2026-03-02T10:00:00Z'));
  });

  it('expires after the configured days: reads EXPIRED, cannot be accepted, and frees the slot', async () => {
    const person = people[7];
    const other = await createRecruiter(t, (await createOrganisation(t.dataSource)).id);
    const sent = (await t.gql.ok(REQUEST, { id: person.id, m: 'Hello' }, other.token)).requestContact;
    t.clock.set(new Date('2026-04-02T10:00:00Z'));
    try {
      other.token = await login(t, other.email);
      person.token = await login(t, person.email);
      const list = (await t.gql.ok(`{ sentContactRequests { id status } }`, {}, other.token)).sentContactRequests;
      expect(list).toEqual([{ id: sent.id, status: 'EXPIRED' }]);
      const late = await t.gql.request(RESPOND, { id: sent.id, a: true }, person.token);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'CONTACT_REQUEST_CLOSED', status: 'EXPIRED' }] });
      expect(code(await t.gql.request(REQUEST, { id: person.id, m: 'Hello again' }, other.token))).toBe('OK');
      const [{ status }] = await t.dataSource.query(`SELECT status FROM talent_contact_requests WHERE id = $1`, [sent.id]);
      expect(status).toBe('EXPIRED');
    } finally {
      t.clock.set(new Date('2026-03-02T10:00:00Z'));
      person.token = await login(t, person.email);
    }
  });

  it('a block hides the person from that organisation everywhere and declines its pending requests; unblock restores', async () => {
    const person = people[6];
    const blocker = await createRecruiter(t, (await createOrganisation(t.dataSource, { name: 'Blocked Corp' })).id);
    const blockedOrg = (await t.dataSource.query(`SELECT organisation_id FROM role_grants WHERE user_id = $1`, [blocker.id]))[0].organisation_id;
    const pending = (await t.gql.ok(REQUEST, { id: person.id, m: 'Hello' }, blocker.token)).requestContact;
    const blocks = (
      await t.gql.ok(`mutation($o: ID!) { blockOrganisation(organisationId: $o) { organisationId organisationName } }`, { o: blockedOrg }, person.token)
    ).blockOrganisation;
    expect(blocks).toEqual([{ organisationId: blockedOrg, organisationName: 'Blocked Corp' }]);
    const [{ status }] = await t.dataSource.query(`SELECT status FROM talent_contact_requests WHERE id = $1`, [pending.id]);
    expect(status).toBe('DECLINED');
    expect(code(await t.gql.request(CONTACT, { id: person.id }, blocker.token))).toBe('NOT_FOUND');
    expect(code(await t.gql.request(REQUEST, { id: person.id, m: 'Again' }, blocker.token))).toBe('NOT_FOUND');
    // The profile by id (the loader reads whom the person blocked with the profile): hidden from that organisation only.
    const PROFILE = `query($id: ID!) { talentProfile(userId: $id) { userId } }`;
    expect(code(await t.gql.request(PROFILE, { id: person.id }, blocker.token))).toBe('NOT_FOUND');
    expect((await t.gql.ok(PROFILE, { id: person.id }, recruiter.token)).talentProfile.userId).toBe(person.id);
    const found = (await t.gql.ok(`{ talentSearch(filter: { text: "Person 6" }) { edges { node { userId } } } }`, {}, blocker.token)).talentSearch.edges;
    expect(found.map((e: any) => e.node.userId)).not.toContain(person.id);
    expect((await t.gql.ok(`{ myOrganisationBlocks { organisationId } }`, {}, person.token)).myOrganisationBlocks).toHaveLength(1);
    await t.gql.ok(`mutation($o: ID!) { unblockOrganisation(organisationId: $o) { organisationId } }`, { o: blockedOrg }, person.token);
    expect(code(await t.gql.request(CONTACT, { id: person.id }, blocker.token))).toBe('OK');
    expect(code(await t.gql.request(`mutation($o: ID!) { blockOrganisation(organisationId: $o) { organisationId } }`, { o: person.id }, person.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('an alumnus takes an acceptance back: contact hidden from the next request, the recruiter told, twice is once', async () => {
    const person = people[4];
    const REVOKE = `mutation($id: ID!) { revokeContact(id: $id) { id status revokedAt } }`;
    const sent = (await t.gql.ok(REQUEST, { id: person.id, m: 'Hello from Atlantec' }, recruiter.token)).requestContact;
    // A pending request is declined, not revoked; the guard keeps recruiters out; nobody else's request.
    expect((await t.gql.request(REVOKE, { id: sent.id }, person.token)).errors?.[0].extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rules: [{ rule: 'CONTACT_NOT_ACCEPTED', status: 'PENDING' }],
    });
    await t.gql.ok(RESPOND, { id: sent.id, a: true }, person.token);
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).toEqual({ email: person.email, phone: null });
    expect(code(await t.gql.request(REVOKE, { id: sent.id }, recruiter.token))).toBe('FORBIDDEN');
    expect(code(await t.gql.request(REVOKE, { id: sent.id }, people[5].token))).toBe('NOT_FOUND');
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).not.toBeNull();

    const revoked = (await t.gql.ok(REVOKE, { id: sent.id }, person.token)).revokeContact;
    expect(revoked).toEqual({ id: sent.id, status: 'ACCEPTED', revokedAt: t.clock.now().toISOString() });
    expect((await t.gql.ok(CONTACT, { id: person.id }, recruiter.token)).talentProfile.contact).toBeNull();
    expect((await t.gql.ok(CONTACT, { id: person.id }, colleague.token)).talentProfile.contact).toBeNull();
    expect((await outboxTo(recruiter.email)).filter((m) => m.template === 'talent.contact-revoked')).toHaveLength(1);
    // Again: the same answer, no second notice.
    expect((await t.gql.ok(REVOKE, { id: sent.id }, person.token)).revokeContact).toEqual(revoked);
    expect((await outboxTo(recruiter.email)).filter((m) => m.template === 'talent.contact-revoked')).toHaveLength(1);
    const listed = (await t.gql.ok(`{ sentContactRequests { id status revokedAt } }`, {}, recruiter.token)).sentContactRequests;
    expect(listed.find((r: any) => r.id === sent.id)).toEqual(revoked);
  });

  it('a block revokes the organisation’s accepted requests: unblocking does not hand the contact details back', async () => {
    const person = people[7];
    const other = await createRecruiter(t, (await createOrganisation(t.dataSource, { name: 'Once Trusted' })).id);
    const otherOrg = (await t.dataSource.query(`SELECT organisation_id FROM role_grants WHERE user_id = $1`, [other.id]))[0].organisation_id;
    const sent = (await t.gql.ok(REQUEST, { id: person.id, m: 'Hello' }, other.token)).requestContact;
    await t.gql.ok(RESPOND, { id: sent.id, a: true }, person.token);
    expect((await t.gql.ok(CONTACT, { id: person.id }, other.token)).talentProfile.contact).toEqual({ email: person.email, phone: null });
    await t.gql.ok(`mutation($o: ID!) { blockOrganisation(organisationId: $o) { organisationId } }`, { o: otherOrg }, person.token);
    await t.gql.ok(`mutation($o: ID!) { unblockOrganisation(organisationId: $o) { organisationId } }`, { o: otherOrg }, person.token);
    expect((await t.gql.ok(CONTACT, { id: person.id }, other.token)).talentProfile.contact).toBeNull();
    const [row] = await t.dataSource.query(`SELECT status, revoked_at FROM talent_contact_requests WHERE id = $1`, [sent.id]);
    expect(row).toEqual({ status: 'ACCEPTED', revoked_at: t.clock.now() });
    // The database holds the rule too: only an answered acceptance can carry a revocation.
    await expect(t.dataSource.query(`UPDATE talent_contact_requests SET revoked_at = now() WHERE status = 'PENDING'`)).rejects.toThrow(
      /talent_contact_requests_revoked_check/,
    );
  });

  it('refuses a request to someone the recruiter may not see, and bad input, with typed errors', async () => {
    const hidden = await createTalent(t, { name: 'Alumni Only', visibility: AlumniVisibility.ALUMNI });
    expect(code(await t.gql.request(REQUEST, { id: hidden.id, m: 'Hi' }, recruiter.token))).toBe('NOT_FOUND');
    expect(code(await t.gql.request(REQUEST, { id: people[3].id, m: '   ' }, recruiter.token))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql.request(REQUEST, { id: people[3].id, m: 'Hi' }, people[0].token))).toBe('FORBIDDEN');
    expect(code(await t.gql.request(REQUEST, { id: people[3].id, m: 'Hi' }))).toBe('UNAUTHENTICATED');
    // respondToContactRequest is for alumni (ALUMNI_PROFILE): allowed above, refused to recruiters by the guard.
    expect(code(await t.gql.request(RESPOND, { id: people[3].id, a: true }, recruiter.token))).toBe('FORBIDDEN');
    expect(organisationId).toBeDefined();
  });
});
