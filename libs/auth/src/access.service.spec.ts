import { AccessService } from './access.service';
import { Actor, Grant } from './actor';
import { AuthPermission, definePermissions, permissionSet } from './permission';
import { PermissionRegistry } from './permission-registry';
import { Role } from './role';

const grant = (role: Role, extra: Partial<Grant> = {}): Grant => ({
  id: Math.random().toString(),
  role,
  eventId: null,
  organisationId: null,
  venueIds: [],
  teamIds: [],
  ...extra,
});

// Stand-ins for two libs' permissions: auth itself knows none of the real ones.
const Things = definePermissions({ THINGS_READ: 'Read things.', THINGS_INVITE: 'Invite to things.' });
const roles = new PermissionRegistry();
roles.register(
  permissionSet('things', Things, {
    [Role.ADMIN]: [Things.THINGS_READ, Things.THINGS_INVITE],
    [Role.COORDINATOR]: [Things.THINGS_READ, Things.THINGS_INVITE],
    [Role.STAFF]: [Things.THINGS_READ],
  }),
);
const actor = (userId: string, grants: Grant[]) => new Actor(roles, userId, userId, grants);

describe('AccessService', () => {
  const access = new AccessService();

  it('gives admins every event and others only their granted events', () => {
    expect(access.eventScope(actor('a', [grant(Role.ADMIN)]), Things.THINGS_READ)).toBe('ALL');
    const member = actor('s', [grant(Role.STAFF, { eventId: 'e1' }), grant(Role.COORDINATOR, { eventId: 'e2' })]);
    expect([...(access.eventScope(member, Things.THINGS_READ) as Set<string>)].sort()).toEqual(['e1', 'e2']);
    expect([...(access.eventScope(member, Things.THINGS_INVITE) as Set<string>)]).toEqual(['e2']);
    expect(access.inScope(access.eventScope(actor('x', [grant(Role.ALUMNUS)]), Things.THINGS_READ), 'e1')).toBe(false);
  });

  it('unions a coordinator’s venue and team limits, where an empty list means all', () => {
    const limited = actor('c', [
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['v1'], teamIds: ['t1'] }),
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['v2'] }),
    ]);
    const scope = access.venueTeamScope(limited, 'e1')!;
    expect([...(scope.venues as Set<string>)].sort()).toEqual(['v1', 'v2']);
    expect(scope.teams).toBe('ALL');
    expect(access.venueTeamScope(limited, 'e2')).toBeUndefined();
  });

  it('signed-in people always hold AUTHENTICATED, even with no grant left', () => {
    expect(actor('n', []).can(AuthPermission.AUTHENTICATED)).toBe(true);
    expect(actor('n', []).can(Things.THINGS_READ)).toBe(false);
  });

  it('checks venue and team against the same grant, not the union of grants', () => {
    const twoGrants = actor('c', [
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['A'], teamIds: ['X'] }),
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['B'], teamIds: ['Y'] }),
    ]);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'A', teamId: 'X' })).toBe(true);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'B', teamId: 'Y' })).toBe(true);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'A', teamId: 'Y' })).toBe(false);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e2', venueId: 'A', teamId: 'X' })).toBe(false);
    expect(access.coversVenueTeam(actor('a', [grant(Role.ADMIN)]), { eventId: 'e9', venueId: 'Z', teamId: 'Z' })).toBe(true);
  });
});
