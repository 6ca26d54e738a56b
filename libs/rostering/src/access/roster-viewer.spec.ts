import { Actor, Grant, Role, RolePermissions } from '@baton/auth';
import { StaffPermission } from '@baton/staff';
import { RosteringPermission } from '../rostering.permissions';
import { rosterViewer } from './roster-viewer';

// The roles' bundles as the libs declare them, reduced to what rostering's checks read.
const roles: RolePermissions = {
  allows: (role, permission) =>
    (role === Role.ADMIN && (permission === RosteringPermission.ROSTER_MANAGE || permission === StaffPermission.SELF_SERVICE)) ||
    (role === Role.COORDINATOR && permission === RosteringPermission.ROSTER_MANAGE) ||
    (role === Role.STAFF && permission === StaffPermission.SELF_SERVICE),
};
const grant = (role: Role, eventId: string | null, venueIds: string[] = [], teamIds: string[] = []): Grant => ({
  id: `${role}-${eventId}`,
  role,
  eventId,
  organisationId: null,
  venueIds,
  teamIds,
});
const actor = (...grants: Grant[]) => new Actor(roles, 'u-1', 'u1@example.test', grants);

describe('rosterViewer', () => {
  it('an admin manages every roster and is staff everywhere', () => {
    const viewer = rosterViewer(actor(grant(Role.ADMIN, null)));
    expect(viewer).toMatchObject({ userId: 'u-1', managesRosters: true, coordinates: 'ALL', selfService: 'ALL' });
  });

  it('a coordinator keeps each grant of each event apart; empty lists mean every venue or team', () => {
    const viewer = rosterViewer(actor(grant(Role.COORDINATOR, 'e1', ['v1']), grant(Role.COORDINATOR, 'e1', [], ['t2']), grant(Role.STAFF, 'e2')));
    expect(viewer.managesRosters).toBe(true);
    expect(viewer.coordinates).toEqual(
      new Map([
        [
          'e1',
          [
            { venues: new Set(['v1']), teams: 'ALL' },
            { venues: 'ALL', teams: new Set(['t2']) },
          ],
        ],
        ['e2', []],
      ]),
    );
    expect(viewer.selfService).toEqual(new Set(['e2']));
  });

  it('staff manage no roster and coordinate nothing', () => {
    const viewer = rosterViewer(actor(grant(Role.STAFF, 'e1')));
    expect(viewer.managesRosters).toBe(false);
    expect(viewer.coordinates).toEqual(new Map([['e1', []]]));
    expect(viewer.selfService).toEqual(new Set(['e1']));
  });

  it('is derived once per actor', () => {
    const a = actor(grant(Role.STAFF, 'e1'));
    expect(rosterViewer(a)).toBe(rosterViewer(a));
  });
});
