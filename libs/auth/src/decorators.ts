import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '@baton/core';
import { Actor } from './actor';
import { Permission } from './permission';

export const PUBLIC_KEY = 'baton:public';
export const PERMISSIONS_KEY = 'baton:permissions';

/** No sign-in needed. Use sparingly: signing in, health checks. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Signed in, and holding at least one of these permissions through some grant. Permissions are
 * the branded values of a lib's `definePermissions`, never bare strings.
 */
export const Allow = (...permissions: [Permission, ...Permission[]]) => SetMetadata(PERMISSIONS_KEY, permissions);

export function requestFrom(context: ExecutionContext): { user?: Actor; headers: Record<string, unknown>; ip?: string; id?: string } {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in person. Only on operations that are not @Public. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = requestFrom(context).user;
  if (!actor) throw new UnauthenticatedError();
  return actor;
});
