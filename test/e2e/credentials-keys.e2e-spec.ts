import { Role } from '@baton/auth';
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { createPastEvent, createWorkedStaff } from '../factories/credentials';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Exactly what a third party does with a record: the JWKS URL, the issuer it expects, EdDSA.
 * Only jose and fetch: nothing of Baton.
 */
async function verifyAsOutsider(jwksUrl: string, jwt: string, issuer: string, jwks = createRemoteJWKSet(new URL(jwksUrl))) {
  return jwtVerify<JWTPayload & Record<string, any>>(jwt, jwks, { issuer, algorithms: ['EdDSA'], typ: 'JWT' });
}

const ISSUER = 'http://localhost:3000/issuer';
const ISSUE = `mutation I($e: ID!) { issueGamesRecords(eventId: $e) { issued } }`;
const KEYS = `query { signingKeys { kid status algorithm createdAt retiredAt revokedAt revocationReason published credentialsSigned credentialsValid } }`;
const ROTATE = `mutation { rotateSigningKey { kid status published credentialsSigned } }`;
const REVOKE_KEY = `mutation R($kid: String!, $reason: String!) { revokeSigningKey(kid: $kid, reason: $reason) { kid status revokedAt revocationReason published } }`;
const REVOKE = `mutation R($id: ID!, $reason: String!) { revokeGamesRecord(id: $id, reason: $reason) { id status } }`;
const REISSUE = `mutation R($id: ID!, $reason: String!) { reissueGamesRecord(id: $id, reason: $reason) { id code status keyId credentialJwt } }`;
const VERIFY = `query V($code: String!) { verifyRecord(code: $code) { status signatureValid problems keyId } }`;

describe('issuer keys: JWKS, verification outside Baton, rotation, revocation, keys at rest', () => {
  let t: TestApp;
  let admin: { email: string };
  let staff: { email: string };
  let token: string;
  let jwksUrl: string;
  const login = async (app: TestApp, email: string) =>
    (await app.gql.ok(`mutation { login(input: { email: "${email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken as string;
  /** A closed event with two people who worked, and their records issued. */
  const issuedEvent = async (app: TestApp = t, as: string = token) => {
    const place = await createPastEvent(app.dataSource);
    const a = await createWorkedStaff(app.dataSource, place, [{ start: '2024-07-27T06:00:00Z' }]);
    const b = await createWorkedStaff(app.dataSource, place, [{ start: '2024-07-28T06:00:00Z', hours: 5 }]);
    expect((await app.gql.ok(ISSUE, { e: place.event.id }, as)).issueGamesRecords.issued).toBe(2);
    const rows = (await app.dataSource.query(`SELECT id, code, credential_jwt FROM games_records WHERE staff_member_id = ANY($1::uuid[]) ORDER BY code`, [
      [a.staffMemberId, b.staffMemberId],
    ])) as Array<{ id: string; code: string; credential_jwt: string }>;
    return rows;
  };
  const kidOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString()).kid as string;
  const jwks = async () => (await (await fetch(jwksUrl)).json()) as { keys: Array<Record<string, string>> };
  const keys = async () => (await t.gql.ok(KEYS, {}, token)).signingKeys as Array<Record<string, any>>;

  let first: Awaited<ReturnType<typeof issuedEvent>>;
  let firstKid: string;

  // Heavy set-up (an app, accounts signing in, a small event): a loaded machine needs more than 30 s.
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-08-20T10:00:00Z', env: { JWT_ACCESS_TTL_SECONDS: '86400' } });
    jwksUrl = `${t.url}/.well-known/jwks.json`;
    admin = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    staff = await createUser(t.dataSource, [{ role: Role.ALUMNUS }]);
    token = await login(t, admin.email);
    first = await issuedEvent();
    firstKid = kidOf(first[0].credential_jwt);
  }, 120_000);
  afterAll(() => t?.close());

  it('publishes public key parts only, cacheably; each kid dereferences to its key; the issuer has a profile', async () => {
    const response = await fetch(jwksUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jwk-set\+json/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), kid: firstKid, alg: 'EdDSA', use: 'sig' }]);
    expect(text).not.toMatch(/"d"|"p"|"q"|"dp"|"dq"|"qi"|"k"/);
    expect((await fetch(jwksUrl, { headers: { 'if-none-match': response.headers.get('etag')! } })).status).toBe(304);
    // The kid is a URL of this server that answers with the same public key.
    const path = new URL(firstKid).pathname;
    const key = await fetch(`${t.url}${path}`);
    expect([key.status, key.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^application\/jwk\+json/)]);
    expect(await key.json()).toEqual(body.keys[0]);
    expect((await fetch(`${t.url}/issuer/keys/not-a-key`)).status).toBe(404);
    expect(await (await fetch(`${t.url}/issuer`)).json()).toMatchObject({ id: ISSUER, type: ['Profile'], name: 'Organising Committee' });
    // Nowhere else either: the admin's key list, the key audit records.
    expect(JSON.stringify(await keys())).not.toMatch(/"d"|PRIVATE|v1:/);
    const audit = await t.dataSource.query(`SELECT after FROM audit_entries WHERE entity_type = 'signing_key'`);
    expect(JSON.stringify(audit)).not.toMatch(/"d"|PRIVATE|v1:/);
  });

  it('keeps the private key only as an envelope sealed with the configured key-encryption key', async () => {
    const [row] = await t.dataSource.query(`SELECT public_jwk, private_key_envelope FROM credential_signing_keys`);
    expect(Object.keys(row.public_jwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(row.private_key_envelope).toMatch(/^v1:test:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/);
    // No PKCS#8 Ed25519 header (30 2e 02 01 00 30 05 06 03 2b 65 70) anywhere in it, in any encoding.
    const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
    for (const part of row.private_key_envelope.split(':').slice(2)) expect(Buffer.from(part, 'base64url').includes(pkcs8Prefix)).toBe(false);
    // The database itself refuses a key in clear, private members in the public JWK, a second current key.
    const insert = (publicJwk: object, envelope: string, status = 'RETIRED') =>
      t.dataSource.query(
        `INSERT INTO credential_signing_keys (kid, public_jwk, private_key_envelope, status, retired_at) VALUES ($1, $2::jsonb, $3, $4::signing_key_status, CASE WHEN $4::text = 'RETIRED' THEN now() END)`,
        [`kid-${randomBytes(4).toString('hex')}`, JSON.stringify(publicJwk), envelope, status],
      );
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' };
    await expect(insert(jwk, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI...\n-----END PRIVATE KEY-----')).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23514', constraint: 'credential_signing_keys_envelope_check' }),
    });
    await expect(insert({ ...jwk, d: 'secret' }, 'v1:test:AAAA:BBBB')).rejects.toMatchObject({
      driverError: expect.objectContaining({ constraint: 'credential_signing_keys_public_only_check' }),
    });
    await expect(insert(jwk, 'v1:test:AAAA:BBBB', 'CURRENT')).rejects.toMatchObject({
      driverError: expect.objectContaining({ code: '23505', constraint: 'credential_signing_keys_one_current' }),
    });
  });

  it('a verifier outside Baton checks a record with jose, the JWKS URL and the issuer alone', async () => {
    const { payload, protectedHeader } = await verifyAsOutsider(jwksUrl, first[0].credential_jwt, ISSUER);
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: firstKid, typ: 'JWT' });
    expect(payload.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(payload.credentialSubject.achievement.type).toEqual(['Achievement']);
    expect(payload.jti).toBe(payload.id);
    expect(payload.sub).toBe(payload.credentialSubject.id);
    expect(new Date(payload.nbf! * 1000).toISOString().replace('.000Z', 'Z')).toBe(payload.validFrom);
    // A changed figure breaks the signature; another issuer is refused; so is another algorithm.
    const [h, p, s] = first[0].credential_jwt.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.credentialSubject.result[0].value = '999.00';
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    await expect(verifyAsOutsider(jwksUrl, tampered, ISSUER)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
    await expect(verifyAsOutsider(jwksUrl, first[0].credential_jwt, 'https://impostor.example/issuer')).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    await expect(jwtVerify(first[0].credential_jwt, createRemoteJWKSet(new URL(jwksUrl)), { issuer: ISSUER, algorithms: ['RS256'] })).rejects.toBeInstanceOf(
      errors.JOSEAlgNotAllowed,
    );
  });

  it('after a rotation, old records still verify and new ones carry the new kid', async () => {
    // A verifier that fetched the JWKS before the rotation (cooldown off: it may refetch at once).
    const cachedBefore = createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 0 });
    await verifyAsOutsider(jwksUrl, first[0].credential_jwt, ISSUER, cachedBefore);
    const { rotateSigningKey } = await t.gql.ok(ROTATE, {}, token);
    expect(rotateSigningKey).toMatchObject({ status: 'CURRENT', published: true, credentialsSigned: 0 });
    expect(rotateSigningKey.kid).not.toBe(firstKid);
    const second = await issuedEvent();
    expect(kidOf(second[0].credential_jwt)).toBe(rotateSigningKey.kid);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([rotateSigningKey.kid, firstKid]);
    expect(await keys()).toMatchObject([
      { kid: rotateSigningKey.kid, status: 'CURRENT', published: true, credentialsSigned: 2, credentialsValid: 2, retiredAt: null },
      { kid: firstKid, status: 'RETIRED', published: true, credentialsSigned: 2, credentialsValid: 2, retiredAt: '2024-08-20T10:00:00.000Z' },
    ]);
    for (const jwt of [first[0].credential_jwt, second[0].credential_jwt]) {
      expect((await verifyAsOutsider(jwksUrl, jwt, ISSUER)).protectedHeader.kid).toBe(kidOf(jwt));
      expect((await verifyAsOutsider(jwksUrl, jwt, ISSUER, cachedBefore)).protectedHeader.kid).toBe(kidOf(jwt));
    }
    expect((await t.gql.ok(VERIFY, { code: first[0].code })).verifyRecord).toMatchObject({ status: 'VALID', keyId: firstKid });
  });

  it('a retired key leaves the JWKS once nothing it signed is valid, and its withdrawn tokens stop verifying outside', async () => {
    for (const row of first) await t.gql.ok(REVOKE, { id: row.id, reason: 'Issued on a test roster' }, token);
    const kids = (await jwks()).keys.map((k) => k.kid);
    expect(kids).not.toContain(firstKid);
    expect(kids).toHaveLength(1);
    await expect(verifyAsOutsider(jwksUrl, first[0].credential_jwt, ISSUER)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect((await fetch(`${t.url}${new URL(firstKid).pathname}`)).status).toBe(404);
    expect((await keys()).find((k) => k.kid === firstKid)).toMatchObject({ status: 'RETIRED', published: false, credentialsValid: 0 });
    // Reissuing one brings a valid record back, signed by the current key: the old key stays out.
    const { reissueGamesRecord } = await t.gql.ok(REISSUE, { id: first[0].id, reason: 'Roster confirmed' }, token);
    expect(kidOf(reissueGamesRecord.credentialJwt)).not.toBe(firstKid);
    expect((await jwks()).keys.map((k) => k.kid)).not.toContain(firstKid);
  });

  it('revoking a compromised key takes it out of the JWKS at once; its records answer INVALID until reissued', async () => {
    const current = (await keys()).find((k) => k.status === 'CURRENT')!;
    const [signed] = (await t.dataSource.query(
      `SELECT r.id, r.code, r.credential_jwt FROM games_records r JOIN credential_signing_keys k ON k.id = r.key_id
        WHERE k.kid = $1 AND r.revoked_at IS NULL AND r.superseded_at IS NULL ORDER BY r.code LIMIT 1`,
      [current.kid],
    )) as Array<{ id: string; code: string; credential_jwt: string }>;
    t.clock.set('2024-08-20T11:00:00Z');
    const { revokeSigningKey } = await t.gql.ok(REVOKE_KEY, { kid: current.kid, reason: 'Private key exposed in a log' }, token);
    expect(revokeSigningKey).toMatchObject({
      status: 'REVOKED',
      published: false,
      revokedAt: '2024-08-20T11:00:00.000Z',
      revocationReason: 'Private key exposed in a log',
    });
    const after = await keys();
    const next = after.find((k) => k.status === 'CURRENT')!;
    expect(next.kid).not.toBe(current.kid);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual([next.kid]);
    await expect(verifyAsOutsider(jwksUrl, signed.credential_jwt, ISSUER)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    expect((await t.gql.ok(VERIFY, { code: signed.code })).verifyRecord).toMatchObject({
      status: 'INVALID',
      signatureValid: false,
      problems: ['The signing key was revoked on 2024-08-20T11:00:00.000Z'],
    });
    const { reissueGamesRecord } = await t.gql.ok(REISSUE, { id: signed.id, reason: 'Re-signed after the key was revoked' }, token);
    expect(reissueGamesRecord).toMatchObject({ status: 'VALID', keyId: next.kid });
    expect((await t.gql.ok(VERIFY, { code: reissueGamesRecord.code })).verifyRecord.status).toBe('VALID');
    await verifyAsOutsider(jwksUrl, reissueGamesRecord.credentialJwt, ISSUER);
    // Again: nothing changes. Unknown kid: not found. Bad reason: refused.
    expect((await t.gql.ok(REVOKE_KEY, { kid: current.kid, reason: 'again' }, token)).revokeSigningKey.revocationReason).toBe('Private key exposed in a log');
    expect((await t.gql.error(REVOKE_KEY, { kid: 'https://nowhere/key', reason: 'x' }, token)).extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql.error(REVOKE_KEY, { kid: next.kid, reason: ' ' }, token)).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await keys()).filter((k) => k.status === 'CURRENT')).toHaveLength(1);
  });

  it('two rotations at the same moment leave exactly one current key', async () => {
    const answers = await Promise.all([t.gql.request(ROTATE, {}, token), t.gql.request(ROTATE, {}, token)]);
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(['OK,OK', 'CONFLICT,OK']).toContain(codes.join(','));
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credential_signing_keys WHERE status = 'CURRENT'`))[0].n).toBe(1);
  });

  it('only the organising committee manages keys', async () => {
    const alumnus = await login(t, staff.email);
    for (const [query, variables] of [
      [KEYS, {}],
      [ROTATE, {}],
      [REVOKE_KEY, { kid: firstKid, reason: 'x' }],
    ] as const) {
      expect((await t.gql.error(query, variables, alumnus)).extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql.error(query, variables)).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql.request(query === REVOKE_KEY ? KEYS : query, {}, token)).errors).toBeUndefined();
    }
  });

  it('after the key-encryption key rotates, an instance with the new key first and the old one kept still signs', async () => {
    const rotated = await startTestApp({
      db: t.db,
      // Passport's one strategy checks expiry against the latest app's clock: keep it close.
      now: '2024-08-20T12:00:00Z',
      // Passport keeps one 'jwt' strategy per process: instances sharing it must share the secret.
      env: { JWT_SECRET: t.env.JWT_SECRET, DATA_ENCRYPTION_KEYS: `next:${randomBytes(32).toString('base64')},${t.env.DATA_ENCRYPTION_KEYS}` },
    });
    try {
      const current = (await keys()).find((k) => k.status === 'CURRENT')!;
      const rows = await issuedEvent(rotated, await login(rotated, admin.email));
      expect(kidOf(rows[0].credential_jwt)).toBe(current.kid);
      await verifyAsOutsider(`${rotated.url}/.well-known/jwks.json`, rows[0].credential_jwt, ISSUER);
      // A key made there is sealed with the new key-encryption key.
      await rotated.gql.ok(ROTATE, {}, await login(rotated, admin.email));
      const [{ private_key_envelope: envelope }] = await t.dataSource.query(
        `SELECT private_key_envelope FROM credential_signing_keys WHERE status = 'CURRENT'`,
      );
      expect(envelope).toMatch(/^v1:next:/);
    } finally {
      await rotated.close();
    }
  });

  it('public verification is budgeted per client address', async () => {
    const limited = await startTestApp({ db: t.db, env: { JWT_SECRET: t.env.JWT_SECRET, VERIFY_LIMIT_PER_ADDRESS: '2', VERIFY_LIMIT_WINDOW_SECONDS: '600' } });
    try {
      const code = first[1].code;
      expect((await fetch(`${limited.url}/verify/${code}`)).status).toBe(200);
      expect((await limited.gql.ok(VERIFY, { code })).verifyRecord.status).toBe('REVOKED');
      const refused = await fetch(`${limited.url}/verify/${code}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({ error: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      expect((await limited.gql.error(VERIFY, { code })).extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
      // The JWKS is not budgeted: it is cacheable and costs one indexed read.
      expect((await fetch(`${limited.url}/.well-known/jwks.json`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
