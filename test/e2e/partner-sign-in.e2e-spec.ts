import { AuditEntryEntity } from '@baton/audit';
import { Role } from '@baton/auth';
import { RoleGrantEntity, UserEntity } from '@baton/identity';
import { OidcIdentityEntity, OidcProviderEntity } from '@baton/oidc';
import { OrganisationEntity } from '@baton/organisations';
import { createOrganisation } from '../factories/events';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { TestBrowser } from '../utils/oidc/browser';
import { startTestProvider, TestProvider } from '../utils/oidc/test-provider';
import { startTestApp, TestApp } from '../utils/test-app';

const PUBLIC_URL = 'http://baton.test';
const CALLBACK = `${PUBLIC_URL}/auth/oidc/callback`;
const CLIENT = { client_id: 'baton-partner', client_secret: 'partner-client-secret-1234', redirect_uris: [CALLBACK] };

const CONFIGURE = `mutation Configure($input: ConfigureOrganisationSignInInput!) {
  configureOrganisationSignIn(input: $input) { organisationId issuerUrl clientId clientSecretSet allowedEmailDomains enabled redirectUri startUrl }
}`;

interface Answer {
  status: number;
  body: Record<string, any>;
}

describe('partner sign-in with OpenID Connect, against a real provider', () => {
  let t: TestApp;
  let provider: TestProvider;
  let partner: OrganisationEntity;
  let adminToken: string;

  const configure = async (input: Record<string, unknown>) => t.gql.request(CONFIGURE, { input }, adminToken);

  /** The browser's whole trip: Baton's start, the provider's login and consent, Baton's callback. */
  async function signIn(organisationCode: string, login: string): Promise<Answer & { callback?: URL }> {
    const browser = new TestBrowser();
    const start = await browser.get(`${t.url}/auth/oidc/${organisationCode}/start`);
    if (start.status !== 302) return { status: start.status, body: (await start.json()) as Record<string, any> };
    const callback = await browser.authorize(start.headers.get('location')!, login, CALLBACK);
    return { ...(await callbackAt(callback)), callback };
  }

  /** The provider redirected to PUBLIC_URL; the test delivers that request to the app's real port. */
  async function callbackAt(callback: URL | string): Promise<Answer> {
    const query = typeof callback === 'string' ? callback : callback.search.slice(1);
    const response = await fetch(`${t.url}/auth/oidc/callback?${query}`, { redirect: 'manual' });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  }

  beforeAll(async () => {
    provider = await startTestProvider([CLIENT]);
    t = await startTestApp({ env: { PUBLIC_URL } });
    partner = await createOrganisation(t.dataSource, { code: 'PARTNERX' });
    const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    adminToken = (await t.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
    const configured = await configure({
      organisationId: partner.id,
      issuerUrl: provider.issuer,
      clientId: CLIENT.client_id,
      clientSecret: CLIENT.client_secret,
      allowedEmailDomains: ['Partner.Example'],
    });
    expect(configured.errors).toBeUndefined();
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await provider?.close();
  });

  describe('configuration (admins)', () => {
    it('answers what to register at the provider and never the secret, which is sealed at rest and kept out of the audit', async () => {
      const answer = await t.gql.ok(
        `query($id: ID!) { organisationSignIn(organisationId: $id) { issuerUrl clientId clientSecretSet allowedEmailDomains enabled redirectUri startUrl } }`,
        { id: partner.id },
        adminToken,
      );
      expect(answer.organisationSignIn).toEqual({
        issuerUrl: provider.issuer,
        clientId: CLIENT.client_id,
        clientSecretSet: true,
        allowedEmailDomains: ['partner.example'],
        enabled: true,
        redirectUri: CALLBACK,
        startUrl: `${PUBLIC_URL}/auth/oidc/PARTNERX/start`,
      });
      const row = await t.dataSource.getRepository(OidcProviderEntity).findOneByOrFail({ organisationId: partner.id });
      expect(row.clientSecretEnvelope).toMatch(/^v1:test:/);
      expect(row.clientSecretEnvelope).not.toContain(CLIENT.client_secret);
      const audit = await t.dataSource.getRepository(AuditEntryEntity).findBy({ entityId: partner.id });
      expect(audit.map((a) => a.action)).toContain('organisation.sign_in_configured');
      expect(JSON.stringify(audit)).not.toContain(CLIENT.client_secret);
      expect(JSON.stringify(audit)).not.toContain(row.clientSecretEnvelope);
    });

    it('refuses a first configuration without its secret, a bad domain and an unknown organisation, changing nothing', async () => {
      const other = await createOrganisation(t.dataSource);
      const missing = await configure({ organisationId: other.id, issuerUrl: provider.issuer, clientId: 'x', allowedEmailDomains: ['a.example'] });
      expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'clientSecret', constraint: 'required' }] });
      const domain = await configure({ organisationId: other.id, issuerUrl: provider.issuer, clientId: 'x', clientSecret: 'y', allowedEmailDomains: ['@a'] });
      expect(domain.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const unknown = await configure({
        organisationId: '00000000-0000-4000-8000-000000000000',
        issuerUrl: provider.issuer,
        clientId: 'x',
        clientSecret: 'y',
        allowedEmailDomains: ['a.example'],
      });
      expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await t.dataSource.getRepository(OidcProviderEntity).countBy({ organisationId: other.id })).toBe(0);
    });
  });

  describe('the first and the second sign-in', () => {
    let first: Answer & { callback?: URL };

    it('sends the browser to the provider with state, nonce and a S256 code challenge', async () => {
      const start = await fetch(`${t.url}/auth/oidc/PARTNERX/start`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const url = new URL(start.headers.get('location')!);
      expect(url.origin).toBe(provider.issuer);
      expect(url.searchParams.get('client_id')).toBe(CLIENT.client_id);
      expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
      expect(url.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    });

    it('creates a password-less account with a RECRUITER grant for the organisation, and a Baton session', async () => {
      first = await signIn('PARTNERX', 'ana@partner.example');
      expect(first.status).toBe(200);
      expect(first.body).toEqual(expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String), userId: expect.any(String) }));
      const me = await t.gql.ok('{ me { id email roles { role organisationId } } }', {}, first.body.accessToken);
      expect(me.me).toEqual({ id: first.body.userId, email: 'ana@partner.example', roles: [{ role: 'RECRUITER', organisationId: partner.id }] });
      const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ id: first.body.userId });
      expect(user.passwordHash).toBeNull();
      const identity = await t.dataSource.getRepository(OidcIdentityEntity).findOneByOrFail({ userId: user.id });
      expect(identity).toMatchObject({ issuer: provider.issuer, subject: 'ana@partner.example', organisationId: partner.id });
      const audit = await t.dataSource.getRepository(AuditEntryEntity).findOneByOrFail({ action: 'user.oidc_sign_in', entityId: user.id });
      expect(audit.after).toEqual({ organisationId: partner.id, issuer: provider.issuer, via: 'CREATED' });
      // The refresh token works like any other session's.
      const refreshed = await t.gql.ok(`mutation($r: String!) { refreshToken(input: { refreshToken: $r }) { user { id } } }`, { r: first.body.refreshToken });
      expect(refreshed.refreshToken.user.id).toBe(user.id);
    });

    it('reuses the account on the second sign-in, by its (issuer, subject)', async () => {
      const second = await signIn('PARTNERX', 'ana@partner.example');
      expect(second.status).toBe(200);
      expect(second.body.userId).toBe(first.body.userId);
      expect(await t.dataSource.getRepository(UserEntity).countBy({ email: 'ana@partner.example' })).toBe(1);
      expect(await t.dataSource.getRepository(OidcIdentityEntity).countBy({ userId: first.body.userId })).toBe(1);
      expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: first.body.userId })).toBe(1);
    });

    it('refuses the same callback twice (the state is used once)', async () => {
      const replay = await callbackAt(first.callback!);
      expect(replay).toEqual({ status: 400, body: expect.objectContaining({ error: 'OIDC_STATE_USED' }) });
    });
  });

  describe('refusals: each a clear code, no account created', () => {
    const usersNamed = (email: string) => t.dataSource.getRepository(UserEntity).countBy({ email });

    it('a wrong issuer: the organisation names an issuer whose discovery points at another provider (mix-up)', async () => {
      const mixed = await createOrganisation(t.dataSource, { code: 'MIXUP' });
      const configured = await configure({
        organisationId: mixed.id,
        issuerUrl: provider.mixupIssuer,
        clientId: CLIENT.client_id,
        clientSecret: CLIENT.client_secret,
        allowedEmailDomains: ['partner.example'],
      });
      expect(configured.errors).toBeUndefined();
      const answer = await signIn('MIXUP', 'mix@partner.example');
      expect(answer).toMatchObject({ status: 401, body: { error: 'OIDC_ISSUER_MISMATCH', claim: 'iss' } });
      expect(await usersNamed('mix@partner.example')).toBe(0);
    });

    it('a wrong issuer: the organisation names an issuer that is not the provider it reaches', async () => {
      const wrong = await createOrganisation(t.dataSource, { code: 'WRONGISS' });
      // Same server, another name: its discovery document says it is someone else.
      const issuerUrl = provider.issuer.replace('127.0.0.1', 'localhost');
      await configure({
        organisationId: wrong.id,
        issuerUrl,
        clientId: CLIENT.client_id,
        clientSecret: CLIENT.client_secret,
        allowedEmailDomains: ['partner.example'],
      });
      const start = await fetch(`${t.url}/auth/oidc/WRONGISS/start`, { redirect: 'manual' });
      expect(start.status).toBe(401);
      expect(await start.json()).toMatchObject({ error: 'OIDC_ISSUER_MISMATCH' });
    });

    it('an ID token signed by the provider for another audience (another client id)', async () => {
      const answer = await signIn('PARTNERX', 'other-audience@partner.example');
      expect(answer).toMatchObject({ status: 401, body: { error: 'OIDC_AUDIENCE_MISMATCH', claim: 'aud' } });
      expect(await usersNamed('other-audience@partner.example')).toBe(0);
    });

    it('an ID token with a bad signature, an expired one, and one with another nonce', async () => {
      for (const [login, claim] of [
        ['bad-signature@partner.example', undefined],
        ['expired@partner.example', 'exp'],
        ['wrong-nonce@partner.example', 'nonce'],
      ] as const) {
        const answer = await signIn('PARTNERX', login);
        expect([login, answer.status, answer.body.error]).toEqual([login, 401, 'OIDC_TOKEN_INVALID']);
        if (claim) expect(answer.body.claim).toBe(claim);
        expect(await usersNamed(login)).toBe(0);
      }
    });

    it('an email outside the allowed domains', async () => {
      const answer = await signIn('PARTNERX', 'eve@elsewhere.example');
      expect(answer).toMatchObject({ status: 403, body: { error: 'OIDC_EMAIL_DOMAIN_NOT_ALLOWED', domain: 'elsewhere.example' } });
      const refusals = await t.dataSource.getRepository(AuditEntryEntity).findBy({ action: 'organisation.sign_in_refused', entityId: partner.id });
      expect(refusals.map((r) => r.after)).toContainEqual({ code: 'OIDC_EMAIL_DOMAIN_NOT_ALLOWED' });
      expect(JSON.stringify(refusals)).not.toContain('eve@');
      // A subdomain is another domain.
      expect((await signIn('PARTNERX', 'eve@mail.partner.example')).body.error).toBe('OIDC_EMAIL_DOMAIN_NOT_ALLOWED');
      expect(await usersNamed('eve@elsewhere.example')).toBe(0);
    });

    it('email_verified false', async () => {
      const answer = await signIn('PARTNERX', 'unverified@partner.example');
      expect(answer).toMatchObject({ status: 403, body: { error: 'OIDC_EMAIL_UNVERIFIED' } });
      expect(await usersNamed('unverified@partner.example')).toBe(0);
    });

    it('an unknown, a missing and an expired state', async () => {
      expect(await callbackAt('code=abc&state=never-issued-here')).toMatchObject({ status: 400, body: { error: 'OIDC_STATE_UNKNOWN' } });
      expect(await callbackAt('code=abc')).toMatchObject({ status: 400, body: { error: 'OIDC_STATE_MISSING' } });
      const page = await fetch(`${t.url}/auth/oidc/callback?code=abc&state=%3Cscript%3E`, { headers: { accept: 'text/html' } });
      expect([page.status, page.headers.get('content-type')]).toEqual([400, 'text/html; charset=utf-8']);
      expect(await page.text()).toContain('<code>OIDC_STATE_UNKNOWN</code>');
      const browser = new TestBrowser();
      const start = await browser.get(`${t.url}/auth/oidc/PARTNERX/start`);
      const callback = await browser.authorize(start.headers.get('location')!, 'late@partner.example', CALLBACK);
      t.clock.advance(11 * 60_000);
      try {
        expect(await callbackAt(callback)).toMatchObject({ status: 400, body: { error: 'OIDC_STATE_EXPIRED' } });
      } finally {
        t.clock.advance(-11 * 60_000);
      }
      expect(await usersNamed('late@partner.example')).toBe(0);
    });

    it('a provider error sent back to the callback (the person refused) is a refusal, not a 500', async () => {
      const browser = new TestBrowser();
      const start = await browser.get(`${t.url}/auth/oidc/PARTNERX/start`);
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const answer = await callbackAt(`error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`);
      expect(answer).toMatchObject({ status: 400, body: { error: 'OIDC_PROVIDER_ERROR', providerError: 'access_denied' } });
    });

    it('an unknown organisation, and a disabled configuration at the start and at the callback', async () => {
      expect((await fetch(`${t.url}/auth/oidc/NOPE/start`)).status).toBe(404);
      const browser = new TestBrowser();
      const start = await browser.get(`${t.url}/auth/oidc/PARTNERX/start`);
      const callback = await browser.authorize(start.headers.get('location')!, 'disabled@partner.example', CALLBACK);
      expect((await configure({ organisationId: partner.id, enabled: false })).errors).toBeUndefined();
      try {
        expect(await callbackAt(callback)).toMatchObject({ status: 403, body: { error: 'OIDC_DISABLED' } });
        const refused = await fetch(`${t.url}/auth/oidc/PARTNERX/start`, { redirect: 'manual' });
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ error: 'OIDC_DISABLED' });
      } finally {
        await configure({ organisationId: partner.id, enabled: true });
      }
      expect(await usersNamed('disabled@partner.example')).toBe(0);
    });
  });

  describe('existing accounts with the same email', () => {
    it('an admin is never linked nor escalated', async () => {
      const admin = await createUser(t.dataSource, [{ role: Role.ADMIN }], { email: 'boss@partner.example' });
      const answer = await signIn('PARTNERX', 'boss@partner.example');
      expect(answer).toMatchObject({ status: 409, body: { error: 'OIDC_ACCOUNT_NOT_LINKABLE' } });
      const grants = await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: admin.id });
      expect(grants.map((g) => g.role)).toEqual([Role.ADMIN]);
      expect(await t.dataSource.getRepository(OidcIdentityEntity).countBy({ userId: admin.id })).toBe(0);
    });

    it('a recruiter of another organisation is not linked', async () => {
      const elsewhere = await createOrganisation(t.dataSource);
      await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: elsewhere.id }], { email: 'moved@partner.example' });
      expect((await signIn('PARTNERX', 'moved@partner.example')).body.error).toBe('OIDC_ACCOUNT_NOT_LINKABLE');
    });

    it('an account without any grant, or already recruiter of this organisation, is linked and keeps its password', async () => {
      const bare = await createUser(t.dataSource, [], { email: 'bare@partner.example' });
      const linked = await signIn('PARTNERX', 'bare@partner.example');
      expect(linked.status).toBe(200);
      expect(linked.body.userId).toBe(bare.id);
      const grants = await t.dataSource.getRepository(RoleGrantEntity).findBy({ userId: bare.id });
      expect(grants.map((g) => [g.role, g.organisationId])).toEqual([[Role.RECRUITER, partner.id]]);
      const recruiter = await createUser(t.dataSource, [{ role: Role.RECRUITER, organisationId: partner.id }], { email: 'rec@partner.example' });
      const again = await signIn('PARTNERX', 'rec@partner.example');
      expect(again.body.userId).toBe(recruiter.id);
      expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: recruiter.id })).toBe(1);
      await t.gql.ok(`mutation { login(input: { email: "rec@partner.example", password: "${TEST_PASSWORD}" }) { accessToken } }`);
    });

    it('the same new person finishing several sign-ins at once gets one account', async () => {
      const callbacks = await Promise.all(
        [1, 2, 3, 4].map(async () => {
          const browser = new TestBrowser();
          const start = await browser.get(`${t.url}/auth/oidc/PARTNERX/start`);
          return browser.authorize(start.headers.get('location')!, 'twin@partner.example', CALLBACK);
        }),
      );
      const answers = await Promise.all(callbacks.map((c) => callbackAt(c)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(new Set(answers.map((a) => a.body.userId)).size).toBe(1);
      const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: 'twin@partner.example' });
      expect(await t.dataSource.getRepository(OidcIdentityEntity).countBy({ userId: user.id })).toBe(1);
      expect(await t.dataSource.getRepository(RoleGrantEntity).countBy({ userId: user.id })).toBe(1);
    });

    it('a revoked grant stays revoked: the linked identity no longer signs in', async () => {
      const answer = await signIn('PARTNERX', 'gone@partner.example');
      expect(answer.status).toBe(200);
      await t.dataSource.getRepository(RoleGrantEntity).delete({ userId: answer.body.userId });
      expect((await signIn('PARTNERX', 'gone@partner.example')).body).toMatchObject({ error: 'OIDC_ACCESS_REVOKED' });
    });
  });
  describe('with a front end (OIDC_FRONTEND_URL) and a small sign-in budget', () => {
    const FRONTEND = 'http://front.test/signed-in';
    let front: TestApp;

    beforeAll(async () => {
      front = await startTestApp({ env: { PUBLIC_URL, OIDC_FRONTEND_URL: FRONTEND, LOGIN_LIMIT_PER_ADDRESS: '3' } });
      const organisation = await createOrganisation(front.dataSource, { code: 'FRONT' });
      const admin = await createUser(front.dataSource, [{ role: Role.ADMIN }]);
      const token = (await front.gql.ok(`mutation { login(input: { email: "${admin.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login
        .accessToken;
      const input = {
        organisationId: organisation.id,
        issuerUrl: provider.issuer,
        clientId: CLIENT.client_id,
        clientSecret: CLIENT.client_secret,
        allowedEmailDomains: ['partner.example'],
      };
      await front.gql.ok(CONFIGURE, { input }, token);
    }, 90_000);
    afterAll(() => front?.close());

    it('redirects to the front end with the session in the fragment, refusals as #error, and throttles starts per address', async () => {
      const browser = new TestBrowser();
      const start = await browser.get(`${front.url}/auth/oidc/FRONT/start`);
      const callback = await browser.authorize(start.headers.get('location')!, 'fronted@partner.example', CALLBACK);
      const landed = await fetch(`${front.url}/auth/oidc/callback${callback.search}`, { redirect: 'manual' });
      expect(landed.status).toBe(303);
      const location = new URL(landed.headers.get('location')!);
      expect(`${location.origin}${location.pathname}`).toBe(FRONTEND);
      expect(location.search).toBe('');
      const fragment = new URLSearchParams(location.hash.slice(1));
      const me = await front.gql.ok('{ me { email roles { role } } }', {}, fragment.get('accessToken')!);
      expect(me.me).toEqual({ email: 'fronted@partner.example', roles: [{ role: 'RECRUITER' }] });

      const replay = await fetch(`${front.url}/auth/oidc/callback${callback.search}`, { redirect: 'manual' });
      expect(new URL(replay.headers.get('location')!).hash).toBe('#error=OIDC_STATE_USED');

      // The budget is 3 starts per address and window: one above, two more, then refused.
      for (let i = 0; i < 2; i++) expect((await fetch(`${front.url}/auth/oidc/FRONT/start`, { redirect: 'manual' })).status).toBe(302);
      const refused = await fetch(`${front.url}/auth/oidc/FRONT/start`, { redirect: 'manual' });
      expect(new URL(refused.headers.get('location')!).hash).toBe('#error=TOO_MANY_REQUESTS');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
