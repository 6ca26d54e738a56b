import { Role } from '@baton/auth';
import { DatabaseEndpoint } from '@baton/database';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { MyShiftsService } from '@baton/rostering';
import { StaffMemberEntity } from '@baton/staff';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, signIn, tokenFor } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';
import { MY_SHIFTS } from '../bench/scenarios';

type Data = Record<string, any>;

const WIDE = { from: '2024-07-15T00:00:00Z', to: '2024-09-01T00:00:00Z' };

const EVERYTHING = `query E($from: DateTime, $to: DateTime, $all: Boolean) {
  myShifts(from: $from, to: $to, includeInactive: $all) {
    __typename id eventId shiftId staffMemberId startsAt endsAt status source assignedById overrideReason checkedInAt checkedOutAt createdAt updatedAt
    ruleNotes { rule severity message }
    event { id } assignedBy { id }
    staffMember { id eventId userId displayName languages accreditationZones team { id } skills { code level skill { id category } } }
    shift {
      __typename id eventId venueId teamId roleTitle startsAt endsAt headcount assignedCount openPlaces status notes
      venue { id name } team { id } requiredSkills { code minLevel } event { id }
      assignments { id staffMember { displayName } }
    }
  }
}`;

// Aliases and fragments: the statement fetches the union, each alias gets its own fields.
const FRAGMENTS = `query F($from: DateTime, $to: DateTime) {
  myShifts(from: $from, to: $to) { ...A at: shift { roleTitle } }
}
fragment A on Assignment { status when: shift { ... on Shift { startsAt } id } shift { endsAt venue { id } } }`;

// Contact details and attendance cannot be shaped in SQL: the person, or the whole list, falls back.
const CONTACT = `query C($from: DateTime, $to: DateTime) { myShifts(from: $from, to: $to) { id staffMember { displayName contact { email } } shift { id } } }`;
const ATTENDANCE = `query A($from: DateTime, $to: DateTime, $all: Boolean) { myShifts(from: $from, to: $to, includeInactive: $all) { id attendance shift { roleTitle } } }`;

describe('myShifts shaped in one SQL statement gives the DataLoader path’s answers', () => {
  let t: TestApp;
  let events: EventEntity[];
  let venues: VenueEntity[];
  let teams: TeamEntity[];
  let myShifts: MyShiftsService;
  let me: string;
  let colleague: string;
  let admin: string;
  let coordinator: string;
  let mine: { active: string[]; inactive: string[]; later: string[] };
  let theirs: string[];

  /**
   * The same request on the three paths: the shaped objects and the text written by the statement
   * must equal the entity and DataLoader answer, the text down to the order of the keys.
   */
  const both = async (query: string, variables: Record<string, unknown>, token: string): Promise<Data[]> => {
    myShifts.shapeInSql = false;
    const loaders = await t.gql.ok(query, variables, token);
    myShifts.shapeInSql = true;
    myShifts.writeText = false;
    const objects = await t.gql.ok(query, variables, token).finally(() => (myShifts.writeText = true));
    expect(objects).toEqual(loaders);
    const text = await t.gql.ok(query, variables, token);
    expect(JSON.stringify(text)).toBe(JSON.stringify(loaders));
    return text.myShifts;
  };

  const assign = async (shiftId: string, member: StaffMemberEntity, status = 'ASSIGNED', extra: Record<string, unknown> = {}): Promise<string> => {
    const [row] = await t.dataSource.query(
      `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status, rule_notes, checked_in_at)
       VALUES ($1, $2, $3, now(), now(), 'MANUAL', $4, $5, $6) RETURNING id`,
      [shiftId, member.id, member.eventId, status, JSON.stringify(extra.ruleNotes ?? []), extra.checkedInAt ?? null],
    );
    return row.id;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    myShifts = t.app.get(MyShiftsService);
    events = [await createEvent(t.dataSource), await createEvent(t.dataSource)];
    venues = await Promise.all(events.map((e) => createVenue(t.dataSource, e.id, { zones: [] })));
    teams = await Promise.all(events.map((e) => createTeam(t.dataSource, e.id)));
    const org = await createOrganisation(t.dataSource);
    const [skill] = await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('WIFI', 'Wi-Fi', 'network') RETURNING id`);
    const meUser = await createUser(
      t.dataSource,
      events.map((e) => ({ role: Role.STAFF, eventId: e.id })),
    );
    const colleagueUser = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: events[0].id }]);
    me = await signIn(t, meUser);
    colleague = await signIn(t, colleagueUser);
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
    coordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: events[0].id }]);
    // My two staff records (one per event), a colleague's, and someone without an account.
    const myRecords = await Promise.all(
      events.map((e, i) =>
        createStaffMember(t.dataSource, e.id, org.id, {
          userId: meUser.id,
          teamId: teams[i].id,
          accreditationZones: [],
          skills: [{ skillId: skill.id, level: 3 }],
        }),
      ),
    );
    const theirRecord = await createStaffMember(t.dataSource, events[0].id, org.id, { userId: colleagueUser.id, accreditationZones: [] });
    const nobody = await createStaffMember(t.dataSource, events[0].id, org.id, { accreditationZones: [] });
    mine = { active: [], inactive: [], later: [] };
    theirs = [];
    // 8 days at event 0 (two shifts a day, the second one starting with the first), 3 at event 1.
    for (let day = 0; day < 11; day++) {
      const e = day < 8 ? 0 : 1;
      const place = { eventId: events[e].id, venueId: venues[e].id, teamId: teams[e].id };
      const start = new Date(Date.UTC(2024, 6, 21 + day, 6 + (day % 3)));
      const times = { startsAt: start, endsAt: new Date(start.getTime() + 6 * 3600_000) };
      const shift = await createShift(t.dataSource, place, { ...times, notes: day % 2 ? 'Bring a badge' : null, roleTitle: `Role ${day}` });
      const twin = await createShift(t.dataSource, place, { ...times, roleTitle: `Twin ${day}` });
      const status = day === 2 ? 'CONFIRMED' : day === 4 ? 'DECLINED' : day === 6 ? 'CANCELLED' : 'ASSIGNED';
      const id = await assign(shift.id, myRecords[e], status, {
        ...(day === 1 ? { ruleNotes: [{ rule: 'RETIRED_RULE', message: 'a rule since removed', severity: 'WARN', configurable: true }] } : {}),
        ...(day === 3 ? { checkedInAt: new Date(start.getTime() - 600_000) } : {}),
      });
      (status === 'DECLINED' || status === 'CANCELLED' ? mine.inactive : mine.active).push(id);
      // On the twin (same start), a declined assignment of mine: a tie only includeInactive shows.
      if (day % 4 === 1) mine.inactive.push(await assign(twin.id, myRecords[e], 'DECLINED'));
      if (e === 0) theirs.push(await assign(shift.id, theirRecord), await assign(twin.id, nobody));
    }
    // Beyond the default 14 days: only a window that reaches it lists it.
    const far = await createShift(
      t.dataSource,
      { eventId: events[0].id, venueId: venues[0].id, teamId: teams[0].id },
      { startsAt: '2024-08-20T06:00:00Z', endsAt: '2024-08-20T12:00:00Z' },
    );
    mine.later.push(await assign(far.id, myRecords[0]));
  }, 300_000); // a few sign-ins and ~40 rows on the embedded database of a shared machine
  afterAll(() => t?.close());

  it('the bench scenario (default window) and every field, with or without inactive ones, give the same answers', async () => {
    const bench = await both(MY_SHIFTS, {}, me);
    expect(bench.map((a) => a.id)).toEqual(mine.active);
    expect(bench[0]).toEqual({
      id: mine.active[0],
      status: 'ASSIGNED',
      shift: { id: expect.any(String), roleTitle: 'Role 0', startsAt: '2024-07-21T06:00:00.000Z', endsAt: '2024-07-21T12:00:00.000Z' },
    });
    const active = await both(EVERYTHING, WIDE, me);
    expect(active.map((a) => a.id)).toEqual([...mine.active, ...mine.later]);
    const all = await both(EVERYTHING, { ...WIDE, all: true }, me);
    expect(new Set(all.map((a) => a.id))).toEqual(new Set([...mine.active, ...mine.inactive, ...mine.later]));
    // Not only empty values compared: a rule note, a check-in, another event, a skill, a colleague hidden.
    expect(all.some((a) => a.ruleNotes.length === 1 && a.ruleNotes[0].rule === 'RETIRED_RULE')).toBe(true);
    expect(all.some((a) => a.checkedInAt === '2024-07-24T05:50:00.000Z')).toBe(true);
    expect(new Set(all.map((a) => a.eventId))).toEqual(new Set(events.map((e) => e.id)));
    expect(all[0].staffMember.skills).toEqual([{ code: 'WIFI', level: 3, skill: { id: expect.any(String), category: 'network' } }]);
    expect(all.every((a) => a.shift.assignments.every((b: Data) => b.staffMember.displayName === a.staffMember.displayName))).toBe(true);
    // Ties on the start are ordered by id on both paths: the twin's declined assignment sits next to its twin.
    const tied = all.filter((a) => a.startsAt === '2024-07-22T07:00:00.000Z');
    expect(tied.map((a) => a.id)).toEqual([...tied.map((a) => a.id)].sort());
    expect(tied).toHaveLength(2);
  });

  it('aliases, fragments, __typename alone, and a colleague’s or an admin’s list give the same answers', async () => {
    const fragments = await both(FRAGMENTS, WIDE, me);
    expect(Object.keys(fragments[0])).toEqual(['status', 'when', 'shift', 'at']);
    expect(Object.keys(fragments[0].when)).toEqual(['startsAt', 'id']);
    expect(fragments[0].shift).toEqual({ endsAt: '2024-07-21T12:00:00.000Z', venue: { id: venues[0].id } });
    expect(await both('{ myShifts { __typename } }', {}, me)).toHaveLength(mine.active.length);
    expect(await both('{ myShifts { shift { __typename } } }', {}, me)).toContainEqual({ shift: { __typename: 'Shift' } });
    expect((await both(EVERYTHING, { ...WIDE, all: true }, colleague)).map((a) => a.id)).toEqual(theirs.filter((_, i) => i % 2 === 0));
    expect(await both(EVERYTHING, WIDE, admin)).toEqual([]);
  });

  it('fields SQL cannot give (contact details, attendance) fall back to their loaders and keep their rules', async () => {
    const contact = await both(CONTACT, WIDE, me);
    expect(contact.length).toBe(mine.active.length + mine.later.length);
    const attendance = await both(ATTENDANCE, { ...WIDE, all: true }, me);
    expect(attendance.map((a) => a.attendance)).toContain('ON_TIME');
  });

  it('never lists other people’s assignments, nor inactive ones unless asked; keeps the window rules and the permission', async () => {
    const ids = (await both(EVERYTHING, WIDE, me)).map((a) => a.id);
    for (const id of [...theirs, ...mine.inactive]) expect(ids).not.toContain(id);
    const withInactive = (await both(EVERYTHING, { ...WIDE, all: true }, me)).map((a) => a.id);
    for (const id of theirs) expect(withInactive).not.toContain(id);
    for (const id of mine.inactive) expect(withInactive).toContain(id);
    const backwards = await t.gql.error(`{ myShifts(from: "2024-08-01T00:00:00Z", to: "2024-07-01T00:00:00Z") { id shift { id } } }`, {}, me);
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    const tooWide = await t.gql.error(`{ myShifts(from: "2024-01-01T00:00:00Z", to: "2024-12-31T00:00:00Z") { id shift { id } } }`, {}, me);
    expect(tooWide.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'to' }] });
    expect(JSON.stringify(tooWide.extensions)).toContain('maxWindow');
    expect((await t.gql.error(MY_SHIFTS, {}, coordinator)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(MY_SHIFTS, {})).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reads the list and its shifts in one statement besides the actor’s, whatever the number of shifts', async () => {
    const statements = async (query: string, variables: Record<string, unknown>) => {
      // The session's actor is cached for a few seconds: load it just before the count.
      await t.gql.ok('{ me { id } }', {}, me);
      const counter = countSql(t.dataSource);
      const data = await t.gql.ok(query, variables, me);
      counter.stop();
      return { count: counter.count, rows: data.myShifts.length };
    };
    const people = `query P($from: DateTime, $to: DateTime, $all: Boolean) {
      myShifts(from: $from, to: $to, includeInactive: $all) { id status ruleNotes { rule } shift { id roleTitle startsAt endsAt notes } staffMember { displayName skills { code } } }
    }`;
    const windowed = `query W($from: DateTime, $to: DateTime) { myShifts(from: $from, to: $to) { id status shift { id roleTitle startsAt endsAt } } }`;
    expect(await statements(windowed, { from: '2024-07-20T08:00:00Z', to: '2024-07-22T00:00:00Z' })).toEqual({ count: 1, rows: 1 });
    expect(await statements(MY_SHIFTS, {})).toEqual({ count: 1, rows: mine.active.length });
    expect(await statements(people, { ...WIDE, all: true })).toEqual({ count: 1, rows: mine.active.length + mine.inactive.length + mine.later.length });
    // The bench list is written as JSON text by that statement; what SQL cannot write comes as objects.
    const written = async (query: string, variables: Record<string, unknown>) => {
      const counter = countSql(t.dataSource);
      await t.gql.ok(query, variables, me);
      counter.stop();
      return counter.statements.some((s) => s.includes('::text AS rows'));
    };
    expect(await written(MY_SHIFTS, {})).toBe(true);
    expect(await written(CONTACT, WIDE)).toBe(false);
    // On a server it is a prepared statement (planned once per connection); PGlite shares one session between sockets.
    const counter = countSql(t.dataSource);
    for (let i = 0; i < 8; i++) await t.gql.ok(MY_SHIFTS, {}, me);
    counter.stop();
    const names = counter.names.filter((_, i) => counter.statements[i].includes('::text AS rows'));
    expect(names).toHaveLength(8);
    const server = t.app.get(DatabaseEndpoint).kind === 'server';
    expect(names.every((name) => (server ? /^baton_[0-9a-f]{20}$/.test(name ?? '') : name === undefined))).toBe(true);
    expect(new Set(names).size).toBe(1);
    // The entity and DataLoader path, for the record: the list, then the shifts.
    myShifts.shapeInSql = false;
    try {
      expect((await statements(MY_SHIFTS, {})).count).toBe(2);
    } finally {
      myShifts.shapeInSql = true;
    }
  });
});
