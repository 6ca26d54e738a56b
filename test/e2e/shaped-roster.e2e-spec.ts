import { Role } from '@baton/auth';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { ShapedShiftsService } from '@baton/scheduling';
import { StaffMemberEntity } from '@baton/staff';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, signIn, tokenFor } from '../factories/users';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';
import { NESTED_ROSTER } from '../bench/scenarios';

type Data = Record<string, any>;

const EVERYTHING = `query E($e: ID!, $first: Int, $after: String) {
  shifts(eventId: $e, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      cursor
      node {
        __typename id eventId venueId teamId roleTitle startsAt endsAt headcount assignedCount openPlaces status notes
        venue { id name } team { id } requiredSkills { code minLevel }
        assignments {
          __typename id eventId shiftId staffMemberId startsAt endsAt status source assignedById overrideReason checkedInAt checkedOutAt createdAt updatedAt
          ruleNotes { rule }
          shift { id }
          staffMember {
            id eventId userId organisationId teamId homeVenueId displayName employmentType languages accreditationZones accreditationStatus externalRef
            team { id } organisation { id }
            skills { skillId code name level skill { id category } }
          }
        }
      }
    }
  }
}`;

// Aliases and fragments: the statement fetches the union, each alias gets its own fields.
const FRAGMENTS = `query F($e: ID!) {
  shifts(eventId: $e, first: 20) { edges { node { ...S } } }
}
fragment S on Shift { id people: assignments { ...A } again: assignments { id } }
fragment A on Assignment { who: staffMember { ... on StaffMember { displayName } skills { code } } status }`;

// Every field the statement can write as text itself, page after page.
const WRITTEN = `query W($e: ID!, $after: String) {
  shifts(eventId: $e, first: 4, after: $after) {
    __typename totalCount
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
    edges {
      __typename cursor
      node {
        __typename id eventId venueId teamId roleTitle startsAt endsAt headcount assignedCount openPlaces status notes
        assignments {
          __typename id eventId shiftId staffMemberId startsAt endsAt status source assignedById overrideReason checkedInAt checkedOutAt createdAt updatedAt
          staffMember {
            __typename id eventId userId organisationId teamId homeVenueId displayName employmentType languages accreditationZones accreditationStatus externalRef
            skills { __typename skillId code name level }
          }
        }
      }
    }
  }
}`;

// Contact details and attendance cannot be shaped in SQL: those parts fall back to their loaders.
const CONTACT = `query C($e: ID!) { shifts(eventId: $e, first: 20) { edges { node { id assignments { id staffMember { displayName contact { email } skills { code } } } } } } }`;
const ATTENDANCE = `query A($e: ID!) { shifts(eventId: $e, first: 20) { edges { node { id assignments { id attendance staffMember { displayName skills { code level } } } } } } }`;

describe('shifts shaped in one SQL statement give the DataLoader path’s answers', () => {
  let t: TestApp;
  let event: EventEntity;
  let venueA: VenueEntity;
  let venueB: VenueEntity;
  let team: TeamEntity;
  let admin: string;
  let coordinator: string;
  let venueACoordinator: string;
  let venueBTeamCoordinator: string;
  let otherTeamCoordinator: string;
  let staff: string;
  let shaped: ShapedShiftsService;

  /**
   * The same request on the three paths: the shaped objects and the text written by the statement
   * must equal the DataLoader answer, the text down to the order of the keys.
   */
  const both = async (query: string, variables: Record<string, unknown>, token: string): Promise<Data> => {
    shaped.enabled = false;
    const loaders = await t.gql.ok(query, variables, token);
    shaped.enabled = true;
    shaped.writeText = false;
    const objects = await t.gql.ok(query, variables, token).finally(() => (shaped.writeText = true));
    expect(objects).toEqual(loaders);
    const text = await t.gql.ok(query, variables, token);
    expect(JSON.stringify(text)).toBe(JSON.stringify(loaders));
    return text;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    shaped = t.app.get(ShapedShiftsService);
    event = await createEvent(t.dataSource);
    venueA = await createVenue(t.dataSource, event.id, { zones: [] });
    venueB = await createVenue(t.dataSource, event.id, { zones: [] });
    team = await createTeam(t.dataSource, event.id);
    const org = await createOrganisation(t.dataSource);
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
    coordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id }]);
    venueACoordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueA.id] }]);
    // Grant by grant: venue B with the team, and a team nobody here is on.
    const otherTeam = await createTeam(t.dataSource, event.id);
    venueBTeamCoordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id, venueIds: [venueB.id], teamIds: [team.id] }]);
    otherTeamCoordinator = await tokenFor(t, [
      { role: Role.COORDINATOR, eventId: event.id, teamIds: [otherTeam.id] },
      { role: Role.COORDINATOR, eventId: event.id, venueIds: [venueB.id], teamIds: [otherTeam.id] },
    ]);
    const staffUser = await createUser(t.dataSource, [{ role: Role.STAFF, eventId: event.id }]);
    staff = await signIn(t, staffUser);
    const [wifi, radio] = await t.dataSource.query(
      `INSERT INTO skills (code, name, category) VALUES ('WIFI', 'Wi-Fi', 'network'), ('RADIO', 'Radio', 'network') RETURNING id`,
    );
    // 8 shifts at A, 5 at B (one a draft), 0 to 3 people each, some with two skills, one on
    // two shifts; assignments of a shift inserted in one statement share their created_at.
    const people: StaffMemberEntity[] = [];
    for (let i = 0; i < 12; i++) {
      people.push(
        await createStaffMember(t.dataSource, event.id, org.id, {
          accreditationZones: [],
          languages: i % 2 ? ['fr', 'en'] : [],
          teamId: i % 3 ? team.id : null,
          homeVenueId: i % 4 === 3 ? venueB.id : null,
          email: `p${i}@example.org`,
          skills:
            i % 3 === 0
              ? []
              : i % 3 === 1
                ? [{ skillId: wifi.id, level: 2 }]
                : [
                    { skillId: radio.id, level: 1 },
                    { skillId: wifi.id, level: 4 },
                  ],
          ...(i === 5 ? { userId: staffUser.id } : {}),
        }),
      );
    }
    for (let n = 0; n < 13; n++) {
      const venue = n < 8 ? venueA : venueB;
      const start = new Date(Date.UTC(2024, 6, 21 + (n % 6), 6 + n));
      const shift = await createShift(
        t.dataSource,
        { eventId: event.id, venueId: venue.id, teamId: team.id },
        {
          startsAt: start,
          endsAt: new Date(start.getTime() + 4 * 3600_000),
          ...(n === 12 ? { status: 'DRAFT' as never } : {}),
          notes: n % 2 ? 'Bring a badge' : null,
        },
      );
      const onIt = [0, 1, 2, 3].slice(0, n % 4).map((k) => people[(n * 3 + k) % people.length]);
      if (n === 9) onIt.push(people[5]);
      if (!onIt.length) continue;
      await t.dataSource.query(
        `INSERT INTO assignments (shift_id, staff_member_id, event_id, starts_at, ends_at, source, status)
         SELECT $1, m, $2, $3, $4, 'MANUAL', CASE WHEN i = 2 THEN 'CONFIRMED'::assignment_status ELSE 'ASSIGNED'::assignment_status END
           FROM unnest($5::uuid[]) WITH ORDINALITY AS x(m, i)`,
        [shift.id, event.id, shift.startsAt, shift.endsAt, [...new Set(onIt.map((p) => p.id))]],
      );
    }
    await t.dataSource.query(`UPDATE shifts s SET active_count = (SELECT count(*) FROM assignments a WHERE a.shift_id = s.id)`);
  }, 300_000); // 12 people, 13 shifts and 4 sign-ins on the embedded database of a shared machine
  afterAll(() => t?.close());

  const rosterOf = (data: Data) => data.shifts.edges.map((e: Data) => ({ venueId: e.node.venueId, people: e.node.assignments.length }));

  it('answers every field of shifts, assignments, staff and skills as the DataLoader path does, page after page', async () => {
    for (const token of [admin, coordinator, venueACoordinator, venueBTeamCoordinator, otherTeamCoordinator, staff]) {
      const first = await both(EVERYTHING, { e: event.id, first: 5 }, token);
      expect(first.shifts.edges).toHaveLength(5);
      const next = await both(EVERYTHING, { e: event.id, first: 5, after: first.shifts.pageInfo.endCursor }, token);
      expect(next.shifts.pageInfo.hasPreviousPage).toBe(true);
      await both(EVERYTHING, { e: event.id, first: 50, after: next.shifts.pageInfo.endCursor }, token);
    }
    for (const token of [admin, coordinator, venueACoordinator, venueBTeamCoordinator, otherTeamCoordinator, staff]) {
      let after: string | null = null;
      do {
        const page: Data = await both(WRITTEN, { e: event.id, after }, token);
        after = page.shifts.pageInfo.hasNextPage ? page.shifts.pageInfo.endCursor : null;
      } while (after);
    }
    const all = await both(EVERYTHING, { e: event.id, first: 50 }, coordinator);
    expect(all.shifts.totalCount).toBe(13);
    const people = all.shifts.edges.flatMap((e: Data) => e.node.assignments);
    expect(people.length).toBeGreaterThan(15);
    // Not only empty lists compared: skills of two, dates, confirmed ones, a skill's catalogue entry.
    expect(people.some((a: Data) => a.staffMember.skills.length === 2 && a.staffMember.skills[1].skill.category === 'network')).toBe(true);
    expect(people.some((a: Data) => a.status === 'CONFIRMED')).toBe(true);
    expect(all.shifts.edges[0].node.startsAt).toMatch(/^2024-07-21T06:00:00\.000Z$/);
  });

  it('the bench scenario, aliases and fragments, and filters give the same answers', async () => {
    const bench = await both(NESTED_ROSTER, { e: event.id, v: [venueA.id] }, coordinator);
    expect(bench.shifts.edges).toHaveLength(8);
    expect(bench.shifts.edges[1].node.assignments[0].staffMember).toEqual({ displayName: expect.any(String), skills: expect.any(Array) });
    const fragments = await both(FRAGMENTS, { e: event.id }, coordinator);
    const node = fragments.shifts.edges.map((e: Data) => e.node).find((n: Data) => n.people.length === 3);
    expect(node.people).toHaveLength(3);
    expect(Object.keys(node.people[0])).toEqual(['who', 'status']);
    expect(Object.keys(node.people[0].who)).toEqual(['displayName', 'skills']);
    expect(node.again.map((a: Data) => Object.keys(a))).toEqual([['id'], ['id'], ['id']]);
    await both(
      `query Q($e: ID!, $f: ShiftFilterInput) { shifts(eventId: $e, first: 10, filter: $f) { totalCount edges { node { id assignments { staffMember { displayName } } } } } }`,
      { e: event.id, f: { venueIds: [venueB.id], from: '2024-07-22T00:00:00Z' } },
      venueACoordinator,
    );
  });

  it('fields SQL cannot give (contact details, attendance) fall back to their loaders and keep their rules', async () => {
    const contact = await both(CONTACT, { e: event.id }, venueACoordinator);
    const contacts = contact.shifts.edges.flatMap((e: Data) => e.node.assignments.map((a: Data) => a.staffMember.contact));
    // Covered by the venue-A grant: people with no home venue; p3, p7 and p11 live at venue B.
    expect(contacts.filter((c: Data | null) => c === null).length).toBeGreaterThan(0);
    expect(contacts.filter((c: Data | null) => c !== null).length).toBeGreaterThan(0);
    const mine = await both(CONTACT, { e: event.id }, staff);
    expect(mine.shifts.edges.flatMap((e: Data) => e.node.assignments.map((a: Data) => a.staffMember.contact))).toEqual([{ email: 'p5@example.org' }]);
    const attendance = await both(ATTENDANCE, { e: event.id }, coordinator);
    expect(attendance.shifts.edges[1].node.assignments[0].attendance).toBe('UPCOMING');
  });

  it('a coordinator limited to venue A sees the people of venue A shifts only; staff see only themself', async () => {
    const roster = rosterOf(await both(EVERYTHING, { e: event.id, first: 50 }, venueACoordinator));
    expect(roster.filter((r: Data) => r.venueId === venueB.id).every((r: Data) => r.people === 0)).toBe(true);
    expect(roster.filter((r: Data) => r.venueId === venueA.id).reduce((n: number, r: Data) => n + r.people, 0)).toBeGreaterThan(8);
    const full = rosterOf(await both(EVERYTHING, { e: event.id, first: 50 }, coordinator));
    expect(full.filter((r: Data) => r.venueId === venueB.id).reduce((n: number, r: Data) => n + r.people, 0)).toBeGreaterThan(3);
    const own = await both(EVERYTHING, { e: event.id, first: 50 }, staff);
    const seen = own.shifts.edges.flatMap((e: Data) => e.node.assignments.map((a: Data) => a.staffMember.displayName));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(1);
    // Staff see published shifts only: the draft at B is not listed.
    expect(own.shifts.totalCount).toBe(12);
  });

  it('reads shifts, assignments, people and skills in one statement (two with totalCount), whatever the page size', async () => {
    const shiftStatements = async (query: string, variables: Record<string, unknown>) => {
      const counter = countSql(t.dataSource);
      await t.gql.ok(query, variables, coordinator);
      counter.stop();
      return counter.statements.filter((s) => /\b(shifts|assignments|staff_members|staff_member_skills)\b/.test(s)).length;
    };
    const roster = `query R($e: ID!, $first: Int) { shifts(eventId: $e, first: $first) { edges { node { id assignments { staffMember { displayName skills { code level } } } } } } }`;
    expect(await shiftStatements(roster, { e: event.id, first: 2 })).toBe(1);
    expect(await shiftStatements(roster, { e: event.id, first: 13 })).toBe(1);
    expect(await shiftStatements(EVERYTHING.replace('ruleNotes { rule }', ''), { e: event.id, first: 13 })).toBeLessThanOrEqual(6);
    expect(
      await shiftStatements(`query T($e: ID!) { shifts(eventId: $e, first: 13) { totalCount edges { node { id assignments { id } } } } }`, { e: event.id }),
    ).toBe(2);
    // The bench screen is written as JSON text by that statement; what SQL cannot write comes as objects.
    const written = async (query: string, variables: Record<string, unknown>) => {
      const counter = countSql(t.dataSource);
      await t.gql.ok(query, variables, coordinator);
      counter.stop();
      return counter.statements.some((s) => s.includes('::text AS node'));
    };
    expect(await written(NESTED_ROSTER, { e: event.id, v: [venueA.id] })).toBe(true);
    expect(await written(EVERYTHING.replace('ruleNotes { rule }', ''), { e: event.id, first: 13 })).toBe(false);
    expect(await written(`query T($e: ID!) { shifts(eventId: $e) { totalCount pageInfo { endCursor } edges { cursor } } }`, { e: event.id })).toBe(true);
    // The DataLoader path, for the record: one statement per level.
    shaped.enabled = false;
    try {
      expect(await shiftStatements(roster, { e: event.id, first: 13 })).toBe(5);
    } finally {
      shaped.enabled = true;
    }
  });
});
