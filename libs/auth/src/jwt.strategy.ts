import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BatonConfig } from '@baton/config';
import { Clock, UnauthenticatedError } from '@baton/core';
import { createSecretKey } from 'node:crypto';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims, ActorLoader } from './actor-loader';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: BatonConfig,
    private readonly actors: ActorLoader,
    private readonly clock: Clock,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not a string: given a string, jsonwebtoken 9 first tries to parse it as a
      // PEM public key on every verify (~400 µs here, half the cost of an authenticated request).
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      // Expiry is checked in validate() against the injectable clock, the same clock that
      // stamped the token, so tests and demos that move time stay consistent.
      ignoreExpiration: true,
    });
  }

  async validate(claims: AccessTokenClaims) {
    if (claims.typ !== 'access') throw new UnauthenticatedError('Not an access token', { reason: 'WRONG_TOKEN_TYPE' });
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.now().getTime()) {
      throw new UnauthenticatedError('The access token has expired; refresh it', { reason: 'TOKEN_EXPIRED' });
    }
    const actor = await this.actors.load(claims);
    if (!actor) throw new UnauthenticatedError('This session is no longer valid', { reason: 'SESSION_REVOKED' });
    return actor;
  }
}
