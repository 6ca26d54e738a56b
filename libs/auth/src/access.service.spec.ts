import { AccessService } from './access.service';
import { Actor, Grant } from './actor';
import { Permission } from './permission';
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

describe('AccessService', () => {
  const access = new AccessService();

  it('gives admins every event and others only their granted events', () => {
    expect(access.eventScope(new Actor('a', 'a', [grant(Role.ADMIN)]), Permission.EVENTS_READ)).toBe('ALL');
    const staff = new Actor('s', 's', [grant(Role.STAFF, { eventId: 'e1' }), grant(Role.COORDINATOR, { eventId: 'e2' })]);
    expect([...(access.eventScope(staff, Permission.EVENTS_READ) as Set<string>)].sort()).toEqual(['e1', 'e2']);
    expect([...(access.eventScope(staff, Permission.USERS_INVITE) as Set<string>)]).toEqual(['e2']);
    expect(access.inScope(access.eventScope(new Actor('x', 'x', [grant(Role.ALUMNUS)]), Permission.EVENTS_READ), 'e1')).toBe(false);
  });

  it('unions a coordinator’s venue and team limits, where an empty list means all', () => {
    const limited = new Actor('c', 'c', [
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['v1'], teamIds: ['t1'] }),
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['v2'] }),
    ]);
    const scope = access.venueTeamScope(limited, 'e1')!;
    expect([...(scope.venues as Set<string>)].sort()).toEqual(['v1', 'v2']);
    expect(scope.teams).toBe('ALL');
    expect(access.venueTeamScope(limited, 'e2')).toBeUndefined();
  });

  it('signed-in people always hold AUTHENTICATED, even with no grant left', () => {
    expect(new Actor('n', 'n', []).can(Permission.AUTHENTICATED)).toBe(true);
    expect(new Actor('n', 'n', []).can(Permission.EVENTS_READ)).toBe(false);
  });

  it('checks venue and team against the same grant, not the union of grants', () => {
    const twoGrants = new Actor('c', 'c', [
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['A'], teamIds: ['X'] }),
      grant(Role.COORDINATOR, { eventId: 'e1', venueIds: ['B'], teamIds: ['Y'] }),
    ]);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'A', teamId: 'X' })).toBe(true);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'B', teamId: 'Y' })).toBe(true);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e1', venueId: 'A', teamId: 'Y' })).toBe(false);
    expect(access.coversVenueTeam(twoGrants, { eventId: 'e2', venueId: 'A', teamId: 'X' })).toBe(false);
    expect(access.coversVenueTeam(new Actor('a', 'a', [grant(Role.ADMIN)]), { eventId: 'e9', venueId: 'Z', teamId: 'Z' })).toBe(true);
  });
});
