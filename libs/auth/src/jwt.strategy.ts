import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { BatonConfig } from '@baton/config';
import { UnauthenticatedError } from '@baton/core';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AccessTokenClaims, ActorLoader } from './actor-loader';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: BatonConfig,
    private readonly actors: ActorLoader,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.auth.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims) {
    if (claims.typ !== 'access') throw new UnauthenticatedError('Not an access token', { reason: 'WRONG_TOKEN_TYPE' });
    const actor = await this.actors.load(claims);
    if (!actor) throw new UnauthenticatedError('This session is no longer valid', { reason: 'SESSION_REVOKED' });
    return actor;
  }
}
