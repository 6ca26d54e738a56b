import { AccessTokenClaims } from './actor-loader';

/** Distinct tokens remembered; a client reuses its token for its whole 15 minutes. */
const MAX_TOKENS = 5_000;

/**
 * Access tokens whose signature was checked, with their claims, so a client sending the same
 * token on every request costs one HMAC and one JSON parse per token instead of per request.
 * Keyed by the whole token: only the exact bytes that passed the check hit. Expiry, the token
 * type and the session are still decided on every request by the caller (AccessTokenVerifier):
 * this only spares verifying again a signature that cannot have changed. When full, the oldest
 * entries go first (Map keeps insertion order).
 */
export class VerifiedTokens {
  private readonly claims = new Map<string, AccessTokenClaims>();

  constructor(private readonly max = MAX_TOKENS) {}

  get(token: string): AccessTokenClaims | undefined {
    return this.claims.get(token);
  }

  remember(token: string, claims: AccessTokenClaims): void {
    if (this.claims.size >= this.max) this.claims.delete(this.claims.keys().next().value as string);
    // Shared by every later request with this token: nobody may change it on the way.
    this.claims.set(token, Object.freeze(claims));
  }

  /** Drops the tokens already past their expiry at `nowSeconds`, so memory follows live sessions. */
  sweep(nowSeconds: number): void {
    for (const [token, claims] of this.claims) if (claims.exp <= nowSeconds) this.claims.delete(token);
  }

  get size(): number {
    return this.claims.size;
  }
}
