import { JwtService } from '@nestjs/jwt';
import { FixedClock } from '@baton/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { Actor } from './actor';
import { AccessTokenClaims, ActorLoader } from './actor-loader';
import { PermissionRegistry } from './permission-registry';

const SECRET = 'a test secret that is long enough for HS256';
const NOW = Date.parse('2027-01-05T09:00:00Z') / 1000;

describe('AccessTokenVerifier', () => {
  const clock = new FixedClock(new Date(NOW * 1000));
  const jwt = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
  const seen: AccessTokenClaims[] = [];
  const actors: ActorLoader = {
    load: async (claims) => {
      seen.push(claims);
      return claims.sub === 'gone' ? null : new Actor(new PermissionRegistry(), claims.sub, 'a@b.c', []);
    },
  };
  const verifier = new AccessTokenVerifier(jwt, actors, clock);
  const token = (claims: Partial<AccessTokenClaims>, secret = SECRET) =>
    jwt.sign({ sub: 'u1', fam: 'f1', typ: 'access', iat: NOW, exp: NOW + 900, ...claims }, { secret });
  const bearer = (t: string) => `Bearer ${t}`;

  beforeEach(() => {
    clock.set(new Date(NOW * 1000));
    seen.length = 0;
    jest.restoreAllMocks();
  });

  it('checks a token’s signature once, then answers its later requests from the checked claims, loading the actor each time', async () => {
    const verify = jest.spyOn(jwt, 'verify');
    const t = token({ sub: 'u7' });
    for (let i = 0; i < 3; i++) expect((await verifier.actorFor(bearer(t))).userId).toBe('u7');
    expect(verify).toHaveBeenCalledTimes(1);
    // The session is still asked on every request (logout, disabling): only the signature is spared.
    expect(seen).toHaveLength(3);
    expect(Object.isFrozen(seen[2])).toBe(true);
  });

  it('refuses a token signed with another key or altered, every time, however often a valid one was seen', async () => {
    const good = token({});
    await verifier.actorFor(bearer(good));
    const [head, body] = good.split('.');
    const forged = `${head}.${body}.${token({}, 'another secret that is long enough too').split('.')[2]}`;
    for (let i = 0; i < 2; i++) await expect(verifier.actorFor(bearer(forged))).rejects.toMatchObject({ details: { reason: 'INVALID_TOKEN' } });
    const altered = `${head}.${Buffer.from(JSON.stringify({ sub: 'admin', fam: 'f1', typ: 'access', iat: NOW, exp: NOW + 900 })).toString('base64url')}.${good.split('.')[2]}`;
    await expect(verifier.actorFor(bearer(altered))).rejects.toMatchObject({ details: { reason: 'INVALID_TOKEN' } });
    expect(seen.map((c) => c.sub)).toEqual(['u1']);
  });

  it('refuses a remembered token once it expires, and a refresh token, and a revoked session', async () => {
    const t = token({ exp: NOW + 60 });
    await expect(verifier.actorFor(bearer(t))).resolves.toBeInstanceOf(Actor);
    clock.advance(61_000);
    await expect(verifier.actorFor(bearer(t))).rejects.toMatchObject({ details: { reason: 'TOKEN_EXPIRED' } });
    const refresh = token({ typ: 'refresh' as 'access' });
    for (let i = 0; i < 2; i++) await expect(verifier.actorFor(bearer(refresh))).rejects.toMatchObject({ details: { reason: 'WRONG_TOKEN_TYPE' } });
    const revoked = token({ sub: 'gone' });
    for (let i = 0; i < 2; i++) await expect(verifier.actorFor(bearer(revoked))).rejects.toMatchObject({ details: { reason: 'SESSION_REVOKED' } });
    await expect(verifier.actorFor(undefined)).rejects.toMatchObject({ details: { reason: 'MISSING_TOKEN' } });
  });
});
