import { AccessTokenClaims } from './actor-loader';
import { VerifiedTokens } from './verified-tokens';

const claims = (exp: number): AccessTokenClaims => ({ sub: 'u', fam: 'f', iat: 0, exp, typ: 'access' });

describe('VerifiedTokens', () => {
  it('keeps at most its size, dropping the oldest first', () => {
    const tokens = new VerifiedTokens(2);
    tokens.remember('a', claims(10));
    tokens.remember('b', claims(10));
    tokens.remember('c', claims(10));
    expect(tokens.size).toBe(2);
    expect(tokens.get('a')).toBeUndefined();
    expect(tokens.get('c')?.exp).toBe(10);
  });

  it('sweeps the tokens past their expiry and keeps the live ones', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('old', claims(100));
    tokens.remember('live', claims(200));
    tokens.sweep(100);
    expect(tokens.get('old')).toBeUndefined();
    expect(tokens.get('live')).toBeDefined();
  });
});
