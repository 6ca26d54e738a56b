import { canSeeContact, coveredByAnyGrant, coversStaff, StaffPlacement, VenueTeamScope } from './staff-access';

const member = (overrides: Partial<StaffPlacement> = {}): StaffPlacement => ({ userId: 'u-member', teamId: 'team-a', homeVenueId: 'venue-a', ...overrides });
const viewer = (userId = 'u-viewer', isAdmin = false) => ({ userId, isAdmin });
const ALL: VenueTeamScope = { venues: 'ALL', teams: 'ALL' };
const venues = (...ids: string[]): VenueTeamScope => ({ venues: new Set(ids), teams: 'ALL' });
const teams = (...ids: string[]): VenueTeamScope => ({ venues: 'ALL', teams: new Set(ids) });

describe('coversStaff', () => {
  it('a grant on the whole event covers everyone', () => {
    expect(coversStaff(ALL, member())).toBe(true);
    expect(coversStaff(ALL, member({ teamId: null, homeVenueId: null }))).toBe(true);
  });

  it('no coordinator grant on the event covers nobody', () => {
    expect(coversStaff(undefined, member())).toBe(false);
  });

  it('a venue-limited grant covers people based at its venues, and people with no home venue', () => {
    expect(coversStaff(venues('venue-a'), member())).toBe(true);
    expect(coversStaff(venues('venue-b'), member())).toBe(false);
    expect(coversStaff(venues('venue-b'), member({ homeVenueId: null }))).toBe(true);
  });

  it('a team-limited grant covers its teams only, not people without a team', () => {
    expect(coversStaff(teams('team-a'), member())).toBe(true);
    expect(coversStaff(teams('team-b'), member())).toBe(false);
    expect(coversStaff(teams('team-a'), member({ teamId: null }))).toBe(false);
  });

  it('a grant limited on both axes needs both to match', () => {
    const both: VenueTeamScope = { venues: new Set(['venue-a']), teams: new Set(['team-a']) };
    expect(coversStaff(both, member())).toBe(true);
    expect(coversStaff(both, member({ teamId: 'team-b' }))).toBe(false);
    expect(coversStaff(both, member({ homeVenueId: 'venue-b' }))).toBe(false);
  });
});

describe('canSeeContact', () => {
  it('the person sees their own contact details, whatever their grants', () => {
    expect(canSeeContact(viewer('u-member'), member(), [])).toBe(true);
  });

  it('admins see everyone', () => {
    expect(canSeeContact(viewer('u-admin', true), member(), [])).toBe(true);
  });

  it('a coordinator sees the people their grant covers and nobody else', () => {
    expect(canSeeContact(viewer(), member(), [venues('venue-a')!])).toBe(true);
    expect(canSeeContact(viewer(), member(), [venues('venue-b')!])).toBe(false);
  });

  it('a colleague with no coordinator grant on the event sees none', () => {
    expect(canSeeContact(viewer(), member(), [])).toBe(false);
  });

  it('a record with no account is nobody\'s "own" record', () => {
    expect(canSeeContact(viewer('u-viewer'), member({ userId: null }), [])).toBe(false);
  });
});

describe('coveredByAnyGrant', () => {
  it('checks each grant on its own: two narrow grants do not combine', () => {
    const grants = [
      { venues: new Set(['venue-a']), teams: new Set(['team-x']) },
      { venues: new Set(['venue-b']), teams: new Set(['team-y']) },
    ];
    expect(coveredByAnyGrant(grants, member({ homeVenueId: 'venue-a', teamId: 'team-x' }))).toBe(true);
    expect(coveredByAnyGrant(grants, member({ homeVenueId: 'venue-b', teamId: 'team-y' }))).toBe(true);
    expect(coveredByAnyGrant(grants, member({ homeVenueId: 'venue-a', teamId: 'team-y' }))).toBe(false);
    expect(coveredByAnyGrant([], member())).toBe(false);
  });
});
