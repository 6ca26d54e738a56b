import { refusal } from './oidc-client';
import { OidcSignInError } from './oidc-sign-in.errors';

/** openid-client wraps oauth4webapi's errors: the claim at fault sits one or two causes down. */
const wrapped = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error('unexpected JWT claim value encountered'), { code, cause: Object.assign(new Error('inner'), { cause }) });

describe('refusal: what openid-client threw, as a sign-in refusal', () => {
  it('names the issuer, the audience and any other claim', () => {
    expect(refusal(wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', { claim: 'iss' }))).toMatchObject({ code: 'OIDC_ISSUER_MISMATCH', status: 401 });
    expect(refusal(wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', { claim: 'aud' }))).toMatchObject({
      code: 'OIDC_AUDIENCE_MISMATCH',
      details: { claim: 'aud' },
    });
    expect(refusal(wrapped('OAUTH_JWT_CLAIM_COMPARISON_FAILED', { claim: 'azp' }))).toMatchObject({
      code: 'OIDC_AUDIENCE_MISMATCH',
      details: { claim: 'azp' },
    });
    expect(refusal(wrapped('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', { claim: 'exp' }))).toMatchObject({ code: 'OIDC_TOKEN_INVALID', details: { claim: 'exp' } });
  });

  it('reads the RFC 9207 iss response parameter check from its message', () => {
    const error = Object.assign(new Error('invalid response encountered'), {
      code: 'OAUTH_INVALID_RESPONSE',
      cause: new Error('unexpected "iss" (issuer) response parameter value'),
    });
    expect(refusal(error).code).toBe('OIDC_ISSUER_MISMATCH');
  });

  it('a network failure is the provider being unavailable; anything else unknown is an invalid answer, never a crash', () => {
    expect(refusal(new TypeError('fetch failed')).code).toBe('OIDC_PROVIDER_UNAVAILABLE');
    expect(refusal(new Error('something odd')).code).toBe('OIDC_TOKEN_INVALID');
    const own = new OidcSignInError('OIDC_DISABLED', 'off');
    expect(refusal(own)).toBe(own);
  });
});
