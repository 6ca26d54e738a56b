import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { BatonError, ForbiddenError, UnauthenticatedError } from '@baton/core';
import { PERMISSIONS_KEY, PUBLIC_KEY, requestFrom } from './decorators';
import { Permission } from './permission';

/**
 * The one global guard. Default deny: an operation that declares neither @Public() nor
 * @Allow(...) is refused for everyone, so forgetting a decorator fails closed.
 */
@Injectable()
export class BatonAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Permission[]>(PERMISSIONS_KEY, targets);
    if (!required?.length) throw new ForbiddenError('This operation declares no permission, so nobody may use it');
    await super.canActivate(context);
    const actor = requestFrom(context).user;
    if (!actor) throw new UnauthenticatedError('Authentication required', { reason: 'MISSING_TOKEN' });
    if (!required.some((p) => actor.can(p))) throw new ForbiddenError('Your roles do not allow this', { required });
    return true;
  }

  override getRequest(context: ExecutionContext) {
    return requestFrom(context);
  }

  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error instanceof BatonError) throw error;
    // Anything else thrown while validating (the database is down…) is not the client's fault:
    // let the error mapping turn it into SERVICE_UNAVAILABLE or INTERNAL, not UNAUTHENTICATED.
    if (error instanceof Error) throw error;
    if (error || !user) {
      const name = info instanceof Error ? info.name : '';
      if (name === 'TokenExpiredError') throw new UnauthenticatedError('The access token has expired; refresh it', { reason: 'TOKEN_EXPIRED' });
      if (name === 'JsonWebTokenError') throw new UnauthenticatedError('The access token is not valid', { reason: 'INVALID_TOKEN' });
      throw new UnauthenticatedError('Authentication required', { reason: 'MISSING_TOKEN' });
    }
    return user;
  }
}
