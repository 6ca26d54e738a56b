import {
  AssignmentPlacement,
  boardScope,
  boardGrants,
  boardSelection,
  coversPlacement,
  holdsAssignment,
  narrow,
  RosterViewer,
  seesWholeRoster,
  shiftsWithWholeRoster,
  visibleAssignments,
} from './roster-access';

const place = { eventId: 'event-1', venueId: 'venue-a', teamId: 'team-x' };
const viewer = (overrides: Partial<RosterViewer> = {}): RosterViewer => ({
  userId: 'u-viewer',
  managesRosters: true,
  coordinates: new Map(),
  selfService: new Set(),
  ...overrides,
});
const coordinating = (...grants: Array<{ venues?: string[]; teams?: string[] }>) =>
  new Map([
    ['event-1', grants.map((g) => ({ venues: g.venues ? new Set(g.venues) : ('ALL' as const), teams: g.teams ? new Set(g.teams) : ('ALL' as const) }))],
  ]);
const assignment = (overrides: Partial<AssignmentPlacement> = {}): AssignmentPlacement => ({ id: 'a-1', holderUserId: 'u-holder', ...place, ...overrides });

describe('coversPlacement', () => {
  it('admins cover every event, venue and team', () => {
    expect(coversPlacement(viewer({ coordinates: 'ALL' }), place)).toBe(true);
  });

  it('a grant on the whole event covers its every venue and team, and no other event', () => {
    const v = viewer({ coordinates: coordinating({}) });
    expect(coversPlacement(v, place)).toBe(true);
    expect(coversPlacement(v, { ...place, eventId: 'event-2' })).toBe(false);
  });

  it('a grant limited to venues or teams covers only those', () => {
    expect(coversPlacement(viewer({ coordinates: coordinating({ venues: ['venue-a'] }) }), place)).toBe(true);
    expect(coversPlacement(viewer({ coordinates: coordinating({ venues: ['venue-b'] }) }), place)).toBe(false);
    expect(coversPlacement(viewer({ coordinates: coordinating({ teams: ['team-x'] }) }), place)).toBe(true);
    expect(coversPlacement(viewer({ coordinates: coordinating({ teams: ['team-y'] }) }), place)).toBe(false);
  });

  it('checks grant by grant: (venue A, team Y) and (venue B, team X) do not make venue A with team X', () => {
    const v = viewer({ coordinates: coordinating({ venues: ['venue-a'], teams: ['team-y'] }, { venues: ['venue-b'], teams: ['team-x'] }) });
    expect(coversPlacement(v, place)).toBe(false);
    expect(coversPlacement(v, { ...place, teamId: 'team-y' })).toBe(true);
  });

  it('no coordinator grant covers nothing', () => {
    expect(coversPlacement(viewer(), place)).toBe(false);
  });
});

describe('seesWholeRoster', () => {
  it('a roster manager covering the shift sees everyone on it', () => {
    expect(seesWholeRoster(viewer({ coordinates: coordinating({}) }), place)).toBe(true);
  });

  it('covering the shift is not enough without the permission to manage rosters', () => {
    expect(seesWholeRoster(viewer({ managesRosters: false, coordinates: coordinating({}) }), place)).toBe(false);
  });

  it('a roster manager elsewhere does not', () => {
    expect(seesWholeRoster(viewer({ coordinates: coordinating({ venues: ['venue-b'] }) }), place)).toBe(false);
  });
});

describe('holdsAssignment', () => {
  it('their own assignment, in an event where they are staff', () => {
    const v = viewer({ userId: 'u-holder', selfService: new Set(['event-1']) });
    expect(holdsAssignment(v, assignment())).toBe(true);
    expect(holdsAssignment(viewer({ userId: 'u-holder', selfService: 'ALL' }), assignment())).toBe(true);
  });

  it("not someone else's, not in an event where they are not staff, and not a record without an account", () => {
    expect(holdsAssignment(viewer({ selfService: new Set(['event-1']) }), assignment())).toBe(false);
    expect(holdsAssignment(viewer({ userId: 'u-holder', selfService: new Set(['event-2']) }), assignment())).toBe(false);
    expect(holdsAssignment(viewer({ userId: 'u-holder', selfService: 'ALL' }), assignment({ holderUserId: null }))).toBe(false);
  });
});

describe('batch questions', () => {
  const shifts = [
    { id: 's-a', ...place },
    { id: 's-b', ...place, venueId: 'venue-b' },
    { id: 's-other-event', ...place, eventId: 'event-2' },
  ];

  it('shiftsWithWholeRoster answers which of these shifts a coordinator manages, as a set', () => {
    expect(shiftsWithWholeRoster(viewer({ coordinates: coordinating({ venues: ['venue-a'] }) }), shifts)).toEqual(new Set(['s-a']));
    expect(shiftsWithWholeRoster(viewer({ coordinates: 'ALL' }), shifts)).toEqual(new Set(['s-a', 's-b', 's-other-event']));
    expect(shiftsWithWholeRoster(viewer(), shifts)).toEqual(new Set());
  });

  it('visibleAssignments: every assignment on managed shifts, plus the viewer’s own elsewhere, nothing else', () => {
    const v = viewer({ userId: 'u-me', coordinates: coordinating({ venues: ['venue-a'] }), selfService: new Set(['event-1']) });
    const rows = [
      assignment({ id: 'managed' }),
      assignment({ id: 'mine-elsewhere', venueId: 'venue-b', holderUserId: 'u-me' }),
      assignment({ id: 'theirs-elsewhere', venueId: 'venue-b' }),
      assignment({ id: 'mine-not-staff', eventId: 'event-2', holderUserId: 'u-me' }),
    ];
    expect(visibleAssignments(v, rows)).toEqual(new Set(['managed', 'mine-elsewhere']));
    expect(visibleAssignments(viewer({ userId: 'u-me', managesRosters: false, selfService: 'ALL' }), rows)).toEqual(
      new Set(['mine-elsewhere', 'mine-not-staff']),
    );
  });
});

describe('narrow', () => {
  it('gives the whole scope when nothing is asked, null meaning no filter', () => {
    expect(narrow('ALL', undefined)).toBeNull();
    expect(narrow('ALL', [])).toBeNull();
    expect(narrow(new Set(['a', 'b']), null)).toEqual(['a', 'b']);
  });

  it('keeps only what is inside the scope, once each', () => {
    expect(narrow('ALL', ['x', 'x', 'y'])).toEqual(['x', 'y']);
    expect(narrow(new Set(['a', 'b']), ['a', 'c'])).toEqual(['a']);
    expect(narrow(new Set(['a']), ['c'])).toEqual([]);
  });
});

describe('coverage boards', () => {
  it('admins count every venue and team of any event', () => {
    expect(boardScope(viewer({ coordinates: 'ALL' }), 'event-2')).toEqual({ venues: 'ALL', teams: 'ALL' });
    expect(boardSelection(viewer({ coordinates: 'ALL' }), 'event-1', {})).toEqual({ venueIds: null, teamIds: null, grants: null });
  });

  it('no coordinator grant in the event: no board, even with grants in another event', () => {
    expect(boardScope(viewer(), 'event-1')).toBeUndefined();
    expect(boardScope(viewer({ coordinates: coordinating({}) }), 'event-2')).toBeUndefined();
    expect(boardSelection(viewer({ coordinates: coordinating({}) }), 'event-2', { venueIds: ['venue-a'] })).toBeUndefined();
  });

  it('each axis is the union of the grants; one grant without a limit on an axis opens that axis', () => {
    const two = viewer({ coordinates: coordinating({ venues: ['venue-a'], teams: ['team-x'] }, { venues: ['venue-b'], teams: ['team-y'] }) });
    expect(boardScope(two, 'event-1')).toEqual({ venues: new Set(['venue-a', 'venue-b']), teams: new Set(['team-x', 'team-y']) });
    const open = viewer({ coordinates: coordinating({ venues: ['venue-a'] }, { venues: ['venue-b'], teams: ['team-y'] }) });
    expect(boardScope(open, 'event-1')).toEqual({ venues: new Set(['venue-a', 'venue-b']), teams: 'ALL' });
  });

  it('grants that do not add up are kept pair by pair: venue A of one grant never meets team Y of another', () => {
    const crossed = viewer({ coordinates: coordinating({ venues: ['venue-b'], teams: ['team-y'] }, { venues: ['venue-a'], teams: ['team-x'] }) });
    expect(boardGrants(crossed, 'event-1')).toEqual([
      [['venue-a'], ['team-x']],
      [['venue-b'], ['team-y']],
    ]);
    expect(boardSelection(crossed, 'event-1', {})?.grants).toEqual(boardGrants(crossed, 'event-1'));
    // A venue manager (venue A, every team) and a team lead (every venue, team X): not everything.
    const manager = viewer({ coordinates: coordinating({ venues: ['venue-a'] }, { teams: ['team-x'] }) });
    expect(boardScope(manager, 'event-1')).toEqual({ venues: 'ALL', teams: 'ALL' });
    expect(boardGrants(manager, 'event-1')).toEqual([
      [['venue-a'], null],
      [null, ['team-x']],
    ]);
  });

  it('no pairs when the union is exact: admins, one grant, or a grant without any limit', () => {
    expect(boardGrants(viewer({ coordinates: 'ALL' }), 'event-1')).toBeNull();
    expect(boardGrants(viewer({ coordinates: coordinating({ venues: ['venue-a', 'venue-b'], teams: ['team-x'] }) }), 'event-1')).toBeNull();
    expect(boardGrants(viewer({ coordinates: coordinating({ venues: ['venue-a'] }, {}) }), 'event-1')).toBeNull();
  });

  it('a request keeps what the grants allow and comes back empty on an axis asked only outside them', () => {
    const v = viewer({ coordinates: coordinating({ venues: ['venue-a'], teams: ['team-x'] }) });
    expect(boardSelection(v, 'event-1', {})).toEqual({ venueIds: ['venue-a'], teamIds: ['team-x'], grants: null });
    expect(boardSelection(v, 'event-1', { venueIds: ['venue-a', 'venue-b'], teamIds: null })).toEqual({
      venueIds: ['venue-a'],
      teamIds: ['team-x'],
      grants: null,
    });
    expect(boardSelection(v, 'event-1', { venueIds: ['venue-b'] })).toEqual({ venueIds: [], teamIds: ['team-x'], grants: null });
    expect(boardSelection(v, 'event-1', { teamIds: ['team-y'] })).toEqual({ venueIds: ['venue-a'], teamIds: [], grants: null });
  });
});
