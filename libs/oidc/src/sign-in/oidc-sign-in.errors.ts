/**
 * Why a partner sign-in was refused. The callback is a browser redirect, not a GraphQL call, so
 * these carry their HTTP status and a stable code of their own rather than extensions.code.
 */
export type OidcRefusal =
  | 'OIDC_NOT_CONFIGURED'
  | 'OIDC_DISABLED'
  | 'OIDC_PROVIDER_UNAVAILABLE'
  | 'OIDC_PROVIDER_ERROR'
  | 'OIDC_STATE_MISSING'
  | 'OIDC_STATE_UNKNOWN'
  | 'OIDC_STATE_USED'
  | 'OIDC_STATE_EXPIRED'
  | 'OIDC_ISSUER_MISMATCH'
  | 'OIDC_AUDIENCE_MISMATCH'
  | 'OIDC_TOKEN_INVALID'
  | 'OIDC_EMAIL_MISSING'
  | 'OIDC_EMAIL_UNVERIFIED'
  | 'OIDC_EMAIL_DOMAIN_NOT_ALLOWED'
  | 'OIDC_IDENTITY_OF_ANOTHER_ORGANISATION'
  | 'OIDC_ACCOUNT_NOT_LINKABLE'
  | 'OIDC_ACCOUNT_DISABLED'
  | 'OIDC_ACCESS_REVOKED';

const STATUS: Record<OidcRefusal, number> = {
  OIDC_NOT_CONFIGURED: 404,
  OIDC_DISABLED: 403,
  OIDC_PROVIDER_UNAVAILABLE: 502,
  OIDC_PROVIDER_ERROR: 400,
  OIDC_STATE_MISSING: 400,
  OIDC_STATE_UNKNOWN: 400,
  OIDC_STATE_USED: 400,
  OIDC_STATE_EXPIRED: 400,
  OIDC_ISSUER_MISMATCH: 401,
  OIDC_AUDIENCE_MISMATCH: 401,
  OIDC_TOKEN_INVALID: 401,
  OIDC_EMAIL_MISSING: 403,
  OIDC_EMAIL_UNVERIFIED: 403,
  OIDC_EMAIL_DOMAIN_NOT_ALLOWED: 403,
  OIDC_IDENTITY_OF_ANOTHER_ORGANISATION: 403,
  OIDC_ACCOUNT_NOT_LINKABLE: 409,
  OIDC_ACCOUNT_DISABLED: 403,
  OIDC_ACCESS_REVOKED: 403,
};

export class OidcSignInError extends Error {
  readonly status: number;
  constructor(
    readonly code: OidcRefusal,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OidcSignInError';
    this.status = STATUS[code];
  }
}
