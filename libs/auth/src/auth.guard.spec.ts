import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@baton/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { Actor } from './actor';
import { BatonAuthGuard } from './auth.guard';
import { Allow, Public } from './decorators';
import { definePermissions, permissionSet } from './permission';
import { PermissionRegistry } from './permission-registry';
import { Role } from './role';

const Things = definePermissions({ THINGS_MANAGE: 'Manage things.' });
const roles = new PermissionRegistry();
roles.register(permissionSet('things', Things, { [Role.ADMIN]: [Things.THINGS_MANAGE] }));

class Operations {
  undeclared() {}
  @Public() open() {}
  @Allow(Things.THINGS_MANAGE) manageEvents() {}
}

function contextFor(handler: keyof Operations, user?: Actor): ExecutionContext {
  const request = { headers: {}, user };
  return {
    getHandler: () => Operations.prototype[handler],
    getClass: () => Operations,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

describe('BatonAuthGuard', () => {
  // Token checks are AccessTokenVerifier's (covered end to end); here the request already has its actor, or none.
  const tokens = { actorFor: jest.fn(async () => Promise.reject(new UnauthenticatedError('Authentication required'))) };
  const guard = new BatonAuthGuard(new Reflector(), tokens as unknown as AccessTokenVerifier);

  it('denies an operation that declares nothing, even to an admin', async () => {
    const admin = new Actor(roles, 'u1', 'a@b.c', [{ id: 'g', role: Role.ADMIN, eventId: null, organisationId: null, venueIds: [], teamIds: [] }]);
    await expect(guard.canActivate(contextFor('undeclared', admin))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets anyone through a @Public() operation', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('allows a role holding the permission and denies one that does not', async () => {
    const admin = new Actor(roles, 'u1', 'a@b.c', [{ id: 'g', role: Role.ADMIN, eventId: null, organisationId: null, venueIds: [], teamIds: [] }]);
    const member = new Actor(roles, 'u2', 's@b.c', [{ id: 'h', role: Role.STAFF, eventId: 'e1', organisationId: null, venueIds: [], teamIds: [] }]);
    await expect(guard.canActivate(contextFor('manageEvents', admin))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('manageEvents', member))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('asks for the token only when the request has no actor yet, and refuses without one', async () => {
    tokens.actorFor.mockClear();
    await expect(guard.canActivate(contextFor('manageEvents'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(tokens.actorFor).toHaveBeenCalledTimes(1);
  });

  it('takes only declared permissions, never bare strings', () => {
    // @ts-expect-error a string is not a Permission: only a lib's definePermissions makes one
    Allow('THINGS_MANAGE');
    // @ts-expect-error at least one permission
    Allow();
  });
});
