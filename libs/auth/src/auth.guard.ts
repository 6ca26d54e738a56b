import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@baton/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { PERMISSIONS_KEY, PUBLIC_KEY, requestFrom } from './decorators';
import { Permission } from './permission';

/**
 * The one global guard. Default deny: an operation that declares neither @Public() nor
 * @Allow(...) is refused for everyone, so forgetting a decorator fails closed.
 */
@Injectable()
export class BatonAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Permission[]>(PERMISSIONS_KEY, targets);
    if (!required?.length) throw new ForbiddenError('This operation declares no permission, so nobody may use it');
    const request = requestFrom(context);
    // Several guarded fields of one operation share the request: the token is checked once.
    const actor = (request.user ??= await this.tokens.actorFor(request.headers.authorization));
    if (!required.some((p) => actor.can(p))) throw new ForbiddenError('Your roles do not allow this', { required });
    return true;
  }
}
