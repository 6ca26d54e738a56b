import { Role } from '@baton/auth';
import { createEvent, createOrganisation, createTeam, createVenue } from '../factories/events';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { createUser, TEST_PASSWORD } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

/**
 * Explicit nulls in every update mutation, one convention (libs/core/src/update-input.ts): null
 * clears a field that may be empty; on any other field it is BAD_USER_INPUT naming the field
 * (constraint notNull), and nothing changes. Never INTERNAL.
 */
describe('update inputs with explicit nulls', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const user = await createUser(t.dataSource, [{ role: Role.ADMIN }]);
    admin = (await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`)).login.accessToken;
  });
  afterAll(() => t?.close());

  interface Case {
    mutation: string;
    /** Variables besides `input`. */
    args: () => Promise<Record<string, unknown>>;
    /** Selection returned by the mutation, and read back by `read` to prove nothing changed. */
    read: (args: Record<string, unknown>) => Promise<unknown>;
    required: string[];
    clearable: Record<string, unknown>;
  }

  const place = async () => {
    const event = await createEvent(t.dataSource);
    return {
      event,
      venue: await createVenue(t.dataSource, event.id),
      team: await createTeam(t.dataSource, event.id),
      org: await createOrganisation(t.dataSource),
    };
  };
  const row = async (table: string, id: unknown) => (await t.dataSource.query(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];

  const cases: Record<string, Case> = {
    updateShift: {
      mutation: `mutation M($id: ID!, $input: UpdateShiftInput!) { updateShift(id: $id, input: $input) { id notes } }`,
      args: async () => {
        const p = await place();
        const shift = await createShift(
          t.dataSource,
          { eventId: p.event.id, venueId: p.venue.id, teamId: p.team.id },
          { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z', notes: 'bring a ladder' },
        );
        return { id: shift.id };
      },
      read: (a) => row('shifts', a.id),
      required: ['venueId', 'teamId', 'roleTitle', 'startsAt', 'endsAt', 'headcount', 'requiredSkills'],
      clearable: { notes: null },
    },
    updateStaffMember: {
      mutation: `mutation M($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id teamId homeVenueId externalRef } }`,
      args: async () => {
        const p = await place();
        const member = await createStaffMember(t.dataSource, p.event.id, p.org.id, {
          teamId: p.team.id,
          homeVenueId: p.venue.id,
          email: 'ana@example.org',
          phone: '+33 1 23 45 67 89',
          externalRef: 'HR-1',
        });
        return { id: member.id };
      },
      read: (a) => row('staff_members', a.id),
      required: ['organisationId', 'displayName', 'employmentType', 'languages', 'accreditationZones', 'accreditationStatus'],
      clearable: { teamId: null, homeVenueId: null, externalRef: null },
    },
    updateEvent: {
      mutation: `mutation M($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
      args: async () => ({ id: (await createEvent(t.dataSource)).id }),
      read: (a) => row('events', a.id),
      required: ['name', 'timeZone', 'startsOn', 'endsOn', 'phase'],
      clearable: {},
    },
    updateVenue: {
      mutation: `mutation M($id: ID!, $input: UpdateVenueInput!) { updateVenue(id: $id, input: $input) { id } }`,
      args: async () => ({ id: (await place()).venue.id }),
      read: (a) => row('venues', a.id),
      required: ['name', 'city', 'kind', 'timeZone', 'zones'],
      clearable: {},
    },
    updateOrganisation: {
      mutation: `mutation M($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id website } }`,
      args: async () => ({ id: (await createOrganisation(t.dataSource, { website: 'https://partner.example' })).id }),
      read: (a) => row('organisations', a.id),
      required: ['name', 'kind'],
      clearable: { website: null },
    },
    updateSkill: {
      mutation: `mutation M($id: ID!, $input: UpdateSkillInput!) { updateSkill(id: $id, input: $input) { id } }`,
      args: async () => ({
        id: (
          await t.dataSource.query(
            `INSERT INTO skills (code, name, category) VALUES ('SK' || substr(md5(random()::text), 1, 6), 'Cabling', 'network') RETURNING id`,
          )
        )[0].id,
      }),
      read: (a) => row('skills', a.id),
      required: ['name', 'category'],
      clearable: {},
    },
    setWorkRules: {
      mutation: `mutation M($eventId: ID!, $input: WorkRulesInput!) { setWorkRules(eventId: $eventId, employmentType: EMPLOYEE, input: $input) { minRestMinutes } }`,
      args: async () => ({ eventId: (await createEvent(t.dataSource)).id }),
      read: async (a) => t.dataSource.query(`SELECT * FROM work_rule_sets WHERE event_id = $1`, [a.eventId]),
      required: [
        'minRestMinutes',
        'maxDailyMinutes',
        'maxWeeklyMinutes',
        'restMode',
        'dailyMode',
        'weeklyMode',
        'skillsMode',
        'accreditationMode',
        'availabilityMode',
      ],
      clearable: {},
    },
  };

  for (const [name, c] of Object.entries(cases)) {
    it(`${name}: null on a field that must have a value is BAD_USER_INPUT naming it, one by one and all at once; nothing changes`, async () => {
      const args = await c.args();
      const before = await c.read(args);
      for (const field of c.required) {
        const error = await t.gql.error(c.mutation, { ...args, input: { [field]: null } }, admin);
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field, constraint: 'notNull' }] });
      }
      const all = await t.gql.error(c.mutation, { ...args, input: Object.fromEntries(c.required.map((f) => [f, null])) }, admin);
      expect(all.extensions?.code).toBe('BAD_USER_INPUT');
      expect((all.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort()).toEqual([...c.required].sort());
      expect(await c.read(args)).toEqual(before);
    });

    if (Object.keys(c.clearable).length) {
      it(`${name}: null clears ${Object.keys(c.clearable).join(', ')}`, async () => {
        const args = await c.args();
        const result = await t.gql.ok(c.mutation, { ...args, input: c.clearable }, admin);
        expect(result[name]).toMatchObject(c.clearable);
      });
    }
  }

  it('updateTeam: its name is required by the schema itself, and a null is a typed error', async () => {
    const { team } = await place();
    const error = await t.gql.error(
      `mutation M($id: ID!, $input: UpdateTeamInput!) { updateTeam(id: $id, input: $input) { id } }`,
      { id: team.id, input: { name: null } },
      admin,
    );
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.code);
    expect((await row('teams', team.id)).name).toBe(team.name);
  });

  it('updateStaffMember: a null email or phone (contact details) is cleared too', async () => {
    const p = await place();
    const member = await createStaffMember(t.dataSource, p.event.id, p.org.id, { email: 'ana@example.org', phone: '+33 1 23 45 67 89' });
    await t.gql.ok(
      `mutation M($id: ID!, $input: UpdateStaffMemberInput!) { updateStaffMember(id: $id, input: $input) { id } }`,
      { id: member.id, input: { email: null, phone: null } },
      admin,
    );
    // The phone is stored sealed (phone_envelope): cleared means no envelope left.
    expect(await row('staff_members', member.id)).toMatchObject({ email: null, phone_envelope: null });
  });
});
