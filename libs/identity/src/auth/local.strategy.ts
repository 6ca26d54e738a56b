import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { LoginThrottle } from '@baton/auth';
import { UnauthenticatedError } from '@baton/core';
import { Strategy } from 'passport-local';
import { CredentialsService } from './credentials.service';

/** Email + password, throttled per account and per address before any hash is computed. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly throttle: LoginThrottle,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(req: { ip?: string }, email: string, password: string) {
    await this.throttle.attempt(email, req.ip ?? 'unknown');
    const user = await this.credentials.verify(email, password);
    if (!user) throw new UnauthenticatedError('Wrong email or password', { reason: 'BAD_CREDENTIALS' });
    await this.throttle.succeeded(email);
    return user;
  }
}
