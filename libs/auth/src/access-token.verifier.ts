import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Clock, UnauthenticatedError } from '@baton/core';
import { Actor } from './actor';
import { AccessTokenClaims, ActorLoader } from './actor-loader';
import { VerifiedTokens } from './verified-tokens';

const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

/**
 * From an Authorization header to the Actor, with the checks the passport-jwt strategy made
 * (HS256 only, the same key, the same error reasons) but without passport's per-request strategy
 * object, callbacks and promise wrapping: called directly by the guard on every request.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly verified = new VerifiedTokens();
  private nextSweep = 0;

  constructor(
    private readonly jwt: JwtService,
    private readonly actors: ActorLoader,
    private readonly clock: Clock,
  ) {}

  async actorFor(authorization: unknown): Promise<Actor> {
    const token = typeof authorization === 'string' ? BEARER.exec(authorization)?.[1] : undefined;
    if (!token) throw new UnauthenticatedError('Authentication required', { reason: 'MISSING_TOKEN' });
    const claims = this.verify(token);
    if (claims.typ !== 'access') throw new UnauthenticatedError('Not an access token', { reason: 'WRONG_TOKEN_TYPE' });
    // Expiry against the injectable clock, the same clock that stamped the token, so tests and
    // demos that move time stay consistent (hence ignoreExpiration in the signature check).
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.now().getTime()) {
      throw new UnauthenticatedError('The access token has expired; refresh it', { reason: 'TOKEN_EXPIRED' });
    }
    const actor = await this.actors.load(claims);
    if (!actor) throw new UnauthenticatedError('This session is no longer valid', { reason: 'SESSION_REVOKED' });
    return actor;
  }

  private verify(token: string): AccessTokenClaims {
    const known = this.verified.get(token);
    if (known) return known;
    const claims = this.checkSignature(token);
    // Expired tokens are swept once a minute at most; between sweeps a hit is still refused by exp.
    const now = this.clock.now().getTime();
    if (now >= this.nextSweep) {
      this.verified.sweep(Math.floor(now / 1000));
      this.nextSweep = now + 60_000;
    }
    this.verified.remember(token, claims);
    return claims;
  }

  private checkSignature(token: string): AccessTokenClaims {
    try {
      // Algorithms (HS256) and the key come from the JwtModule registration in AuthModule.
      const claims = this.jwt.verify<AccessTokenClaims>(token, { ignoreExpiration: true });
      if (typeof claims !== 'object' || claims === null) throw new UnauthenticatedError('The access token is not valid', { reason: 'INVALID_TOKEN' });
      return claims;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      const name = error instanceof Error ? error.name : '';
      if (name === 'JsonWebTokenError') throw new UnauthenticatedError('The access token is not valid', { reason: 'INVALID_TOKEN' });
      // NotBeforeError and anything else jsonwebtoken refuses: what passport-jwt's mapping gave.
      throw new UnauthenticatedError('Authentication required', { reason: 'MISSING_TOKEN' });
    }
  }
}
