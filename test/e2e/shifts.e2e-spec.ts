import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { SkillEntity } from '@baton/skills';
import { assignToShift } from '../factories/assignments';
import { createEvent, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createSkill } from '../factories/skills';
import { tokenFor } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/** What these tests start from: a draft shift of 2 places (the factory makes published ones). */
const DRAFT = { status: ShiftStatus.DRAFT, headcount: 2, roleTitle: 'Results operator' } as const;

type Who = 'anonymous' | 'admin' | 'coordinator' | 'venueCoordinator' | 'staff' | 'otherStaff';

const SHIFT =
  'id eventId venueId teamId roleTitle startsAt endsAt headcount assignedCount openPlaces status notes requiredSkills { skillId code name minLevel }';
const CREATE = `mutation C($input: CreateShiftInput!) { createShift(input: $input) { ${SHIFT} } }`;
const UPDATE = `mutation U($id: ID!, $input: UpdateShiftInput!) { updateShift(id: $id, input: $input) { ${SHIFT} } }`;
const PUBLISH = `mutation P($ids: [ID!]!) { publishShifts(ids: $ids) { id status } }`;
const GET = `query G($id: ID!) { shift(id: $id) { ${SHIFT} } }`;
const LIST = `query L($eventId: ID!, $filter: ShiftFilterInput, $first: Int, $after: String) {
  shifts(eventId: $eventId, filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id startsAt status } } } }`;

describe('shifts', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let team: TeamEntity;
  let otherEventVenue: VenueEntity;
  let otherEventTeam: TeamEntity;
  let skill: SkillEntity;
  const tokens = {} as Record<Who, string | undefined>;

  const as = (who: Who, query: string, variables: Record<string, unknown> = {}) => t.gql.request(query, variables, tokens[who]);
  const code = async (who: Who, query: string, variables: Record<string, unknown> = {}) =>
    (await as(who, query, variables)).errors?.[0]?.extensions?.code ?? 'OK';
  const shiftCount = () => t.dataSource.getRepository(ShiftEntity).count();
  const input = (overrides: Record<string, unknown> = {}) => ({
    eventId: event.id,
    venueId: venueA.id,
    teamId: team.id,
    roleTitle: 'Timing operator',
    startsAt: '2024-07-28T06:00:00.000Z',
    endsAt: '2024-07-28T14:00:00.000Z',
    headcount: 3,
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    otherEvent = await createEvent(t.dataSource);
    venueA = await createVenue(t.dataSource, event.id);
    venueB = await createVenue(t.dataSource, event.id);
    team = await createTeam(t.dataSource, event.id);
    otherEventVenue = await createVenue(t.dataSource, otherEvent.id);
    otherEventTeam = await createTeam(t.dataSource, otherEvent.id);
    skill = await createSkill(t.dataSource, { code: 'SK_TIMING_E2E', name: 'Timing systems' });
    tokens.admin = await tokenFor(t, [{ role: Role.ADMIN }]);
    tokens.coordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id }]);
    tokens.venueCoordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id] }]);
    tokens.staff = await tokenFor(t, [{ role: Role.STAFF, eventId: event.id }]);
    tokens.otherStaff = await tokenFor(t, [{ role: Role.STAFF, eventId: otherEvent.id }]);
  });
  afterAll(() => t?.close());

  describe('createShift (SHIFTS_MANAGE)', () => {
    it('is allowed for admins, coordinators of the event and a venue coordinator at their venue', async () => {
      for (const who of ['admin', 'coordinator', 'venueCoordinator'] as const) {
        const created = await as(who, CREATE, { input: input({ roleTitle: `By ${who}` }) });
        expect([who, created.errors]).toEqual([who, undefined]);
        expect(created.data?.createShift).toMatchObject({
          eventId: event.id,
          venueId: venueA.id,
          roleTitle: `By ${who}`,
          status: 'DRAFT',
          assignedCount: 0,
          openPlaces: 3,
        });
      }
    });

    it('is denied to a venue coordinator elsewhere, staff, other-event staff and anonymous, and creates nothing', async () => {
      const before = await shiftCount();
      expect(await code('venueCoordinator', CREATE, { input: input({ venueId: venueB.id }) })).toBe('FORBIDDEN');
      expect(await code('coordinator', CREATE, { input: input({ eventId: otherEvent.id, venueId: otherEventVenue.id, teamId: otherEventTeam.id }) })).toBe(
        'FORBIDDEN',
      );
      expect(await code('staff', CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await code('otherStaff', CREATE, { input: input() })).toBe('FORBIDDEN');
      expect(await code('anonymous', CREATE, { input: input() })).toBe('UNAUTHENTICATED');
      expect(await shiftCount()).toBe(before);
    });

    it('returns required skills, the assigned count and open places, and audits the creation', async () => {
      const created = (await t.gql.ok(CREATE, { input: input({ requiredSkills: [{ skillId: skill.id, minLevel: 3 }], notes: 'Bring a radio' }) }, tokens.admin))
        .createShift;
      expect(created.requiredSkills).toEqual([{ skillId: skill.id, code: 'SK_TIMING_E2E', name: 'Timing systems', minLevel: 3 }]);
      expect(created.notes).toBe('Bring a radio');
      await assignToShift(t.dataSource, { id: created.id, eventId: event.id });
      const read = (await t.gql.ok(GET, { id: created.id }, tokens.coordinator)).shift;
      expect(read).toMatchObject({ headcount: 3, assignedCount: 1, openPlaces: 2 });
      const audit = await t.gql.ok(
        `{ auditLog(filter: { entityId: "${created.id}" }) { edges { node { action entityType eventId after } } } }`,
        {},
        tokens.admin,
      );
      expect(audit.auditLog.edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({
          action: 'shift.created',
          entityType: 'shift',
          eventId: event.id,
          after: expect.objectContaining({ roleTitle: 'Timing operator' }),
        }),
      ]);
    });

    it.each([
      ['a venue of another event', () => ({ venueId: otherEventVenue.id }), 'venueId'],
      ['a team of another event', () => ({ teamId: otherEventTeam.id }), 'teamId'],
      ['an unknown venue', () => ({ venueId: '00000000-0000-4000-8000-000000000000' }), 'venueId'],
      ['an end before the start', () => ({ endsAt: '2024-07-28T05:00:00.000Z' }), 'endsAt'],
      ['an end equal to the start', () => ({ endsAt: '2024-07-28T06:00:00.000Z' }), 'endsAt'],
      ['a shift longer than 72 hours', () => ({ endsAt: '2024-07-31T06:00:01.000Z' }), 'endsAt'],
      ['a headcount of 0', () => ({ headcount: 0 }), 'headcount'],
      ['a headcount of 501', () => ({ headcount: 501 }), 'headcount'],
      ['an empty role title', () => ({ roleTitle: '' }), 'roleTitle'],
      ['a role title of 121 characters', () => ({ roleTitle: 'x'.repeat(121) }), 'roleTitle'],
      ['an unknown skill', () => ({ requiredSkills: [{ skillId: '00000000-0000-4000-8000-000000000000', minLevel: 1 }] }), 'requiredSkills'],
      ['a skill level of 5', () => ({ requiredSkills: [{ skillId: skill.id, minLevel: 5 }] }), 'requiredSkills.0.minLevel'],
      [
        'a skill listed twice',
        () => ({
          requiredSkills: [
            { skillId: skill.id, minLevel: 1 },
            { skillId: skill.id, minLevel: 2 },
          ],
        }),
        'requiredSkills',
      ],
    ])('refuses %s, naming %s, and creates nothing', async (_what, change, field) => {
      const before = await shiftCount();
      const error = await t.gql.error(CREATE, { input: input(change()) }, tokens.admin);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
      expect(await shiftCount()).toBe(before);
    });
  });

  describe('updateShift (SHIFTS_MANAGE)', () => {
    it('changes only what is given and audits before and after', async () => {
      const shift = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, { ...DRAFT, notes: 'keep me' });
      const updated = (
        await t.gql.ok(
          UPDATE,
          { id: shift.id, input: { roleTitle: 'Network lead', headcount: 5, requiredSkills: [{ skillId: skill.id, minLevel: 2 }] } },
          tokens.coordinator,
        )
      ).updateShift;
      expect(updated).toMatchObject({ roleTitle: 'Network lead', headcount: 5, notes: 'keep me', startsAt: '2024-07-27T06:00:00.000Z', openPlaces: 5 });
      expect(updated.requiredSkills).toEqual([expect.objectContaining({ skillId: skill.id, minLevel: 2 })]);
      const audit = await t.gql.ok(`{ auditLog(filter: { entityId: "${shift.id}" }) { edges { node { action before after } } } }`, {}, tokens.admin);
      expect(audit.auditLog.edges[0].node).toMatchObject({
        action: 'shift.updated',
        before: { roleTitle: 'Results operator', headcount: 2 },
        after: { roleTitle: 'Network lead', headcount: 5 },
      });
    });

    it('allows a venue coordinator at their venue only, and not to move a shift out of it; denies staff', async () => {
      const mine = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, DRAFT);
      const elsewhere = await createShift(t.dataSource, { eventId: event.id, venueId: venueB.id, teamId: team.id }, DRAFT);
      expect(await code('venueCoordinator', UPDATE, { id: mine.id, input: { headcount: 4 } })).toBe('OK');
      expect(await code('venueCoordinator', UPDATE, { id: elsewhere.id, input: { headcount: 4 } })).toBe('FORBIDDEN');
      expect(await code('venueCoordinator', UPDATE, { id: mine.id, input: { venueId: venueB.id } })).toBe('FORBIDDEN');
      expect(await code('staff', UPDATE, { id: mine.id, input: { headcount: 4 } })).toBe('FORBIDDEN');
      expect(await code('otherStaff', UPDATE, { id: mine.id, input: { headcount: 4 } })).toBe('FORBIDDEN');
      expect(await code('anonymous', UPDATE, { id: mine.id, input: { headcount: 4 } })).toBe('UNAUTHENTICATED');
      const reread = await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: elsewhere.id });
      expect(reread.headcount).toBe(2);
      expect((await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: mine.id })).venueId).toBe(venueA.id);
    });

    it('refuses to lower the headcount below the people assigned, naming headcount', async () => {
      const shift = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, { ...DRAFT, headcount: 3 });
      await assignToShift(t.dataSource, shift);
      await assignToShift(t.dataSource, shift);
      const error = await t.gql.error(UPDATE, { id: shift.id, input: { headcount: 1, roleTitle: 'Changed' } }, tokens.coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'headcount', constraint: 'belowAssigned' }] });
      expect(await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: shift.id })).toMatchObject({ headcount: 3, roleTitle: 'Results operator' });
      expect((await t.gql.ok(UPDATE, { id: shift.id, input: { headcount: 2 } }, tokens.coordinator)).updateShift).toMatchObject({
        headcount: 2,
        assignedCount: 2,
        openPlaces: 0,
      });
    });

    it('refuses to move a shift people are on (their rules would not be re-checked); the database moves and re-checks assignments as a backstop', async () => {
      const morning = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venueA.id, teamId: team.id },
        { ...DRAFT, startsAt: new Date('2024-08-01T06:00:00Z'), endsAt: new Date('2024-08-01T10:00:00Z') },
      );
      const afternoon = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venueA.id, teamId: team.id },
        { ...DRAFT, startsAt: new Date('2024-08-01T12:00:00Z'), endsAt: new Date('2024-08-01T16:00:00Z') },
      );
      const person = await assignToShift(t.dataSource, morning);
      await assignToShift(t.dataSource, afternoon, person);

      const refused = await t.gql.error(
        UPDATE,
        { id: morning.id, input: { startsAt: '2024-08-01T05:00:00.000Z', endsAt: '2024-08-01T09:00:00.000Z' } },
        tokens.coordinator,
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', rule: 'SHIFT_HAS_ASSIGNMENTS', assigned: 1 });
      expect(await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: morning.id })).toMatchObject({ startsAt: new Date('2024-08-01T06:00:00Z') });
      // Harmless changes still go through.
      expect((await t.gql.ok(UPDATE, { id: morning.id, input: { roleTitle: 'Renamed', headcount: 3 } }, tokens.coordinator)).updateShift).toBeDefined();

      // Behind the service's back, the trigger moves the assignment and the exclusion constraint refuses an overlap.
      await t.dataSource.query(`UPDATE shifts SET starts_at = '2024-08-01T05:00:00Z', ends_at = '2024-08-01T09:00:00Z' WHERE id = $1`, [morning.id]);
      const [moved] = await t.dataSource.query('SELECT starts_at, ends_at FROM assignments WHERE shift_id = $1', [morning.id]);
      expect([new Date(moved.starts_at).toISOString(), new Date(moved.ends_at).toISOString()]).toEqual([
        '2024-08-01T05:00:00.000Z',
        '2024-08-01T09:00:00.000Z',
      ]);
      await expect(t.dataSource.query(`UPDATE shifts SET ends_at = '2024-08-01T13:00:00Z' WHERE id = $1`, [morning.id])).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '23P01' }),
      });
    });

    it('validates the new times against the stored ones, naming the field', async () => {
      const shift = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, DRAFT);
      const error = await t.gql.error(UPDATE, { id: shift.id, input: { startsAt: '2024-07-27T15:00:00.000Z' } }, tokens.coordinator);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'endsAt' }] });
      const team2 = await t.gql.error(UPDATE, { id: shift.id, input: { teamId: otherEventTeam.id } }, tokens.admin);
      expect(team2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'teamId' }] });
      expect(await code('admin', UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { headcount: 2 } })).toBe('NOT_FOUND');
    });
  });

  describe('publishShifts and visibility', () => {
    it('staff see only published shifts; publishing makes drafts visible, and is audited', async () => {
      const draft = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, { ...DRAFT, roleTitle: 'To publish' });
      expect(await code('staff', GET, { id: draft.id })).toBe('NOT_FOUND');
      expect(await code('coordinator', GET, { id: draft.id })).toBe('OK');
      expect(await code('staff', PUBLISH, { ids: [draft.id] })).toBe('FORBIDDEN');

      const published = (await t.gql.ok(PUBLISH, { ids: [draft.id, draft.id] }, tokens.venueCoordinator)).publishShifts;
      expect(published).toEqual([{ id: draft.id, status: 'PUBLISHED' }]);
      expect((await t.gql.ok(GET, { id: draft.id }, tokens.staff)).shift).toMatchObject({ roleTitle: 'To publish', status: 'PUBLISHED' });
      expect(await code('otherStaff', GET, { id: draft.id })).toBe('NOT_FOUND');
      const audit = await t.gql.ok(`{ auditLog(filter: { entityId: "${draft.id}", action: "shift.published" }) { totalCount } }`, {}, tokens.admin);
      expect(audit.auditLog.totalCount).toBe(1);
    });

    it("publishes all or nothing: one shift outside a venue coordinator's scope refuses the whole list", async () => {
      const mine = await createShift(t.dataSource, { eventId: event.id, venueId: venueA.id, teamId: team.id }, DRAFT);
      const elsewhere = await createShift(t.dataSource, { eventId: event.id, venueId: venueB.id, teamId: team.id }, DRAFT);
      expect(await code('venueCoordinator', PUBLISH, { ids: [mine.id, elsewhere.id] })).toBe('FORBIDDEN');
      expect(await code('admin', PUBLISH, { ids: [mine.id, '00000000-0000-4000-8000-000000000000'] })).toBe('NOT_FOUND');
      expect((await t.dataSource.getRepository(ShiftEntity).findOneByOrFail({ id: mine.id })).status).toBe(ShiftStatus.DRAFT);
      const cancelled = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venueA.id, teamId: team.id },
        { ...DRAFT, status: ShiftStatus.CANCELLED },
      );
      expect((await t.gql.error(PUBLISH, { ids: [cancelled.id] }, tokens.admin)).extensions).toMatchObject({ code: 'CONFLICT', shiftIds: [cancelled.id] });
    });
  });

  describe('shifts query (SHIFTS_READ)', () => {
    let listEvent: EventEntity;
    let venue1: VenueEntity;
    let venue2: VenueEntity;
    let teamX: TeamEntity;
    let teamY: TeamEntity;
    const ids: Record<string, string> = {};
    let listCoordinator: string;
    let listStaff: string;

    beforeAll(async () => {
      listEvent = await createEvent(t.dataSource);
      venue1 = await createVenue(t.dataSource, listEvent.id);
      venue2 = await createVenue(t.dataSource, listEvent.id);
      teamX = await createTeam(t.dataSource, listEvent.id);
      teamY = await createTeam(t.dataSource, listEvent.id);
      const at = (day: number, hour: number) => new Date(Date.UTC(2024, 6, day, hour));
      const make = async (name: string, venue: VenueEntity, teamEntity: TeamEntity, day: number, status: ShiftStatus, headcount = 1) => {
        const shift = await createShift(
          t.dataSource,
          { eventId: listEvent.id, venueId: venue.id, teamId: teamEntity.id },
          { ...DRAFT, startsAt: at(day, 6), endsAt: at(day, 14), status, headcount, roleTitle: name },
        );
        ids[name] = shift.id;
        return shift;
      };
      await make('d26', venue1, teamX, 26, ShiftStatus.PUBLISHED);
      const full = await make('d27full', venue1, teamY, 27, ShiftStatus.PUBLISHED);
      await assignToShift(t.dataSource, full);
      await make('d27draft', venue2, teamX, 27, ShiftStatus.DRAFT);
      await make('d28', venue2, teamY, 28, ShiftStatus.PUBLISHED, 2);
      await make('d29cancelled', venue1, teamX, 29, ShiftStatus.CANCELLED);
      listCoordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: listEvent.id, venueIds: [venue1.id] }]);
      listStaff = await tokenFor(t, [{ role: Role.STAFF, eventId: listEvent.id }]);
    });

    const names = (result: any) => result.shifts.edges.map((e: any) => Object.entries(ids).find(([, id]) => id === e.node.id)?.[0]);
    const list = (token: string | undefined, filter?: Record<string, unknown>, page: Record<string, unknown> = {}) =>
      t.gql.ok(LIST, { eventId: listEvent.id, filter, ...page }, token);

    it('coordinators see every shift of the event (their venue scope limits only changes), by start', async () => {
      // The two shifts of the 27th start together: the id breaks the tie.
      const sameStart = ['d27full', 'd27draft'].sort((a, b) => (ids[a] < ids[b] ? -1 : 1));
      expect(names(await list(listCoordinator))).toEqual(['d26', ...sameStart, 'd28', 'd29cancelled']);
    });

    it('staff see only published shifts, even when asking for drafts; other-event staff and anonymous are refused', async () => {
      expect(names(await list(listStaff))).toEqual(expect.arrayContaining(['d26', 'd27full', 'd28']));
      expect((await list(listStaff)).shifts.totalCount).toBe(3);
      expect((await list(listStaff, { statuses: ['DRAFT'] })).shifts.totalCount).toBe(0);
      expect((await t.gql.request(LIST, { eventId: listEvent.id }, tokens.otherStaff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql.request(LIST, { eventId: listEvent.id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('filters by venue, team, status, window and open places', async () => {
      expect(names(await list(tokens.admin, { venueIds: [venue2.id] }))).toEqual(['d27draft', 'd28']);
      expect(names(await list(tokens.admin, { teamIds: [teamY.id] }))).toEqual(['d27full', 'd28']);
      expect(names(await list(tokens.admin, { statuses: ['CANCELLED', 'DRAFT'] }))).toEqual(['d27draft', 'd29cancelled']);
      // Overlapping the window: 27 July 13:00 to 28 July 07:00 catches the end of the 27th and the start of the 28th.
      const window = names(await list(tokens.admin, { from: '2024-07-27T13:00:00Z', to: '2024-07-28T07:00:00Z' }));
      expect(window.sort()).toEqual(['d27draft', 'd27full', 'd28']);
      expect(names(await list(tokens.admin, { from: '2024-07-28T14:00:00Z' }))).toEqual(['d29cancelled']);
      // These shifts are in July 2024, before the test clock: an explicit `from` reaches them.
      expect(names(await list(tokens.admin, { understaffedOnly: true, statuses: ['PUBLISHED'], from: '2024-07-01T00:00:00Z' }))).toEqual(['d26', 'd28']);
      expect(names(await list(tokens.admin, { understaffedOnly: true, from: '2024-07-01T00:00:00Z' }))).toEqual(['d26', 'd27draft', 'd28']); // never the cancelled one
      expect(names(await list(tokens.admin, { understaffedOnly: true }))).toEqual([]);
      const bad = await t.gql.error(LIST, { eventId: listEvent.id, filter: { from: '2024-07-28T00:00:00Z', to: '2024-07-27T00:00:00Z' } }, tokens.admin);
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'filter.to' }] });
    });

    it('understaffed shifts start now, soonest first, and page correctly in that order', async () => {
      const event = await createEvent(t.dataSource);
      const v = await createVenue(t.dataSource, event.id);
      const tm = await createTeam(t.dataSource, event.id);
      const now = t.clock.now().getTime();
      const H = 3_600_000;
      const named: Record<string, string> = {};
      const make = async (name: string, fromNow: number, hours: number, extra: Partial<Parameters<typeof createShift>[2]> = {}) => {
        const shift = await createShift(
          t.dataSource,
          { eventId: event.id, venueId: v.id, teamId: tm.id },
          {
            ...DRAFT,
            startsAt: new Date(now + fromNow * H),
            endsAt: new Date(now + (fromNow + hours) * H),
            status: ShiftStatus.PUBLISHED,
            headcount: 2,
            roleTitle: name,
            ...extra,
          },
        );
        named[shift.id] = name;
        return shift;
      };
      // Created out of order, so the id order differs from the start order.
      await make('in 3 days', 72, 8);
      await make('weeks ago', -21 * 24, 8);
      await make('yesterday', -24, 8);
      await make('tomorrow', 24, 8);
      await make('running now', -2, 8);
      await make('in 2 days', 48, 8);
      await make('tomorrow too', 24, 4);
      await assignToShift(t.dataSource, await make('full tomorrow', 24, 8, { headcount: 1 }));
      await make('cancelled tomorrow', 24, 8, { status: ShiftStatus.CANCELLED });
      const page = (after?: string, from?: string) =>
        t.gql.ok(LIST, { eventId: event.id, filter: { understaffedOnly: true, ...(from ? { from } : {}) }, first: 2, after }, tokens.admin);
      const walk = async (from?: string) => {
        const seen: string[] = [];
        let after: string | undefined;
        for (let i = 0; i < 10; i++) {
          const result = await page(after, from);
          seen.push(...result.shifts.edges.map((e: any) => named[e.node.id]));
          if (!result.shifts.pageInfo.hasNextPage) return { seen, total: result.shifts.totalCount };
          after = result.shifts.pageInfo.endCursor;
        }
        throw new Error('more pages than shifts');
      };
      const upcoming = await walk();
      // The two of tomorrow start together: the id breaks the tie.
      const idOf = (name: string) => Object.keys(named).find((id) => named[id] === name)!;
      const tomorrow = ['tomorrow', 'tomorrow too'].sort((a, b) => (idOf(a) < idOf(b) ? -1 : 1));
      expect(upcoming).toEqual({ seen: ['running now', ...tomorrow, 'in 2 days', 'in 3 days'], total: 5 });
      // An explicit `from` still reaches back.
      const all = await walk(new Date(now - 30 * 24 * H).toISOString());
      expect(all).toEqual({ seen: ['weeks ago', 'yesterday', 'running now', ...tomorrow, 'in 2 days', 'in 3 days'], total: 7 });
    });

    it('pages with opaque cursors, in start order', async () => {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; page < 5; page++) {
        const result = await list(tokens.admin, undefined, { first: 2, after });
        seen.push(...result.shifts.edges.map((e: any) => e.node.startsAt));
        expect(result.shifts.totalCount).toBe(5);
        if (!result.shifts.pageInfo.hasNextPage) break;
        after = result.shifts.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(5);
      expect([...seen].sort()).toEqual(seen);
    });
  });
});
