import { Injectable } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import * as client from 'openid-client';
import { OidcSignInError } from './oidc-sign-in.errors';

export interface ProviderSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
}

/** The ID token's claims, validated by openid-client (signature, iss, aud, azp, nonce, exp, iat). */
export interface VerifiedClaims {
  issuer: string;
  subject: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
}

const SCOPE = 'openid email profile';
const TIMEOUT_SECONDS = 10;

/**
 * The one place that speaks OpenID Connect, through openid-client: discovery, the authorisation
 * URL with PKCE (S256), the code exchange and the ID token checks. Every failure of the library
 * leaves here as an OidcSignInError with a code, so a bad provider never becomes a 500.
 */
@Injectable()
export class OidcClient {
  constructor(private readonly config: BatonConfig) {}

  async authorizationUrl(settings: ProviderSettings, request: { state: string; nonce: string; codeVerifier: string }): Promise<URL> {
    const configuration = await this.discover(settings);
    try {
      return client.buildAuthorizationUrl(configuration, {
        redirect_uri: this.config.oidc.callbackUrl,
        scope: SCOPE,
        response_type: 'code',
        state: request.state,
        nonce: request.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(request.codeVerifier),
        code_challenge_method: 'S256',
      });
    } catch (error) {
      throw refusal(error);
    }
  }

  /** `callbackQuery` is the query string the provider sent the browser back with. */
  async exchange(
    settings: ProviderSettings,
    callbackQuery: URLSearchParams,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<VerifiedClaims> {
    const configuration = await this.discover(settings);
    const currentUrl = new URL(this.config.oidc.callbackUrl);
    currentUrl.search = callbackQuery.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims()!;
      let claims: Record<string, unknown> = idToken;
      // Providers that follow the spec to the letter put email only in userinfo when an access token is issued.
      if (idToken.email === undefined && tokens.access_token) {
        claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
      }
      return {
        issuer: idToken.iss,
        subject: idToken.sub,
        email: typeof claims.email === 'string' ? claims.email : undefined,
        emailVerified: claims.email_verified === true || claims.email_verified === 'true',
        name: typeof claims.name === 'string' ? claims.name : undefined,
      };
    } catch (error) {
      throw refusal(error);
    }
  }

  private async discover(settings: ProviderSettings): Promise<client.Configuration> {
    let issuer: URL;
    try {
      issuer = new URL(settings.issuerUrl);
    } catch {
      throw new OidcSignInError('OIDC_PROVIDER_UNAVAILABLE', 'The configured issuer is not a URL');
    }
    const insecure = issuer.protocol === 'http:' && this.config.oidc.allowHttpIssuers;
    try {
      return await client.discovery(issuer, settings.clientId, settings.clientSecret, client.ClientSecretBasic(settings.clientSecret), {
        timeout: TIMEOUT_SECONDS,
        // openid-client trusts TLS for ID tokens from the token endpoint (OIDC Core 3.1.3.7 allows it);
        // Baton checks the signature against the provider's JWKS as well, so a token is never taken
        // on the transport's word alone (plain http in development, a TLS-inspecting proxy).
        execute: insecure ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks],
      });
    } catch (error) {
      const mapped = refusal(error);
      // Discovery that answers with another issuer is a wrong configuration, not an outage.
      if (mapped.code === 'OIDC_ISSUER_MISMATCH') throw mapped;
      throw new OidcSignInError('OIDC_PROVIDER_UNAVAILABLE', 'The identity provider could not be reached or its discovery document is invalid', {
        reason: errorCode(error),
      });
    }
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Claim or attribute named by the error or its causes (openid-client wraps oauth4webapi's errors). */
function blamed(error: unknown): { claim?: string; messages: string } {
  const messages: string[] = [];
  let claim: string | undefined;
  for (let e = error as { message?: string; cause?: unknown; claim?: string; attribute?: string } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.message === 'string') messages.push(e.message);
    claim ??= typeof e.claim === 'string' ? e.claim : typeof e.attribute === 'string' ? e.attribute : undefined;
    e = e.cause as typeof e;
  }
  return { claim, messages: messages.join(' | ') };
}

/** Exported for its spec only. */
export function refusal(error: unknown): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcSignInError('OIDC_PROVIDER_ERROR', 'The identity provider refused the sign-in', { providerError: error.error });
  }
  if (error instanceof client.ResponseBodyError) {
    return new OidcSignInError('OIDC_PROVIDER_ERROR', 'The identity provider refused the code exchange', { providerError: error.error });
  }
  const { claim, messages } = blamed(error);
  if (claim === 'iss' || claim === 'issuer' || messages.includes('"iss" (issuer)')) {
    return new OidcSignInError('OIDC_ISSUER_MISMATCH', 'The identity provider is not the issuer configured for this organisation', { claim: 'iss' });
  }
  if (claim === 'aud' || claim === 'azp') {
    return new OidcSignInError('OIDC_AUDIENCE_MISMATCH', "The ID token was issued for another client than this organisation's", { claim });
  }
  if (errorCode(error) === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || errorCode(error) === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' || claim) {
    return new OidcSignInError('OIDC_TOKEN_INVALID', 'The ID token failed validation', { claim, reason: errorCode(error) });
  }
  if (error instanceof TypeError && !errorCode(error)) {
    return new OidcSignInError('OIDC_PROVIDER_UNAVAILABLE', 'The identity provider could not be reached');
  }
  return new OidcSignInError('OIDC_TOKEN_INVALID', 'The identity provider answered something that could not be validated', { reason: errorCode(error) });
}
