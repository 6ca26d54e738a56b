import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '@baton/core';
import { Actor } from './actor';
import { BatonAuthGuard } from './auth.guard';
import { Allow, Public } from './decorators';
import { Permission } from './permission';
import { Role } from './role';

class Operations {
  undeclared() {}
  @Public() open() {}
  @Allow(Permission.EVENTS_MANAGE) manageEvents() {}
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
  const guard = new BatonAuthGuard(new Reflector());
  // Authentication itself is passport's job (covered end to end); here it always "succeeds".
  jest.spyOn(Object.getPrototypeOf(BatonAuthGuard.prototype), 'canActivate').mockResolvedValue(true);

  it('denies an operation that declares nothing, even to an admin', async () => {
    const admin = new Actor('u1', 'a@b.c', [{ id: 'g', role: Role.ADMIN, eventId: null, organisationId: null, venueIds: [], teamIds: [] }]);
    await expect(guard.canActivate(contextFor('undeclared', admin))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lets anyone through a @Public() operation', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('allows a role holding the permission and denies one that does not', async () => {
    const admin = new Actor('u1', 'a@b.c', [{ id: 'g', role: Role.ADMIN, eventId: null, organisationId: null, venueIds: [], teamIds: [] }]);
    const staff = new Actor('u2', 's@b.c', [{ id: 'h', role: Role.STAFF, eventId: 'e1', organisationId: null, venueIds: [], teamIds: [] }]);
    await expect(guard.canActivate(contextFor('manageEvents', admin))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('manageEvents', staff))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
