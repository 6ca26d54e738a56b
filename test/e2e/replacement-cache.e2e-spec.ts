import { DatabaseChange, DatabaseNotifications } from '@baton/database';
import { EventEntity, TeamEntity, VenueEntity } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { ShiftEntity } from '@baton/scheduling';
import { StaffMemberEntity } from '@baton/staff';
import { Client } from 'pg';
import { REPLACEMENTS_CHANGED, ReplacementCache } from '../../libs/rostering/src/replacements/replacement-cache';
import { createTeam, createVenue } from '../factories/events';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const CANDIDATES = `query R($shiftId: ID!, $first: Int) {
  replacementCandidates(shiftId: $shiftId, first: $first) {
    staffMemberId displayName teamId homeVenueId employmentType hoursAssigned
    score { skills team venue workload preference total }
    warnings { rule }
  }
}`;
const ASSIGN = `mutation A($shiftId: ID!, $staffMemberId: ID!) { assign(input: { shiftId: $shiftId, staffMemberId: $staffMemberId }) { id } }`;
const UNASSIGN = `mutation U($id: ID!) { unassign(assignmentId: $id) { id } }`;

/** The prefilter (REPLACEMENT_CANDIDATES_SQL): the statement the cache spares. */
const isPrefilter = (sql: string) => sql.includes('baton_weekly_seconds_at_least');

interface Candidate {
  staffMemberId: string;
  displayName: string;
  score: { skills: number; team: number; venue: number; workload: number; preference: number; total: number };
  warnings: Array<{ rule: string }>;
}

describe('replacement cache: the next request after any change answers as a fresh search', () => {
  let t: TestApp;
  let event: EventEntity;
  let venue: VenueEntity;
  let nearVenue: VenueEntity;
  let team: TeamEntity;
  let otherTeam: TeamEntity;
  let org: OrganisationEntity;
  let tokens: EventWorld['tokens'];
  let skill: string;
  let target: ShiftEntity;
  const people: Record<string, StaffMemberEntity> = {};

  const ask = async (): Promise<Candidate[]> => (await t.gql.ok(CANDIDATES, { shiftId: target.id, first: 10 }, tokens.coordinator)).replacementCandidates;
  const names = (list: Candidate[]) => list.map((c) => c.displayName);
  const byName = (list: Candidate[], name: string) => list.find((c) => c.displayName === name);
  /** The same question with nothing kept: what the search finds now. */
  const fresh = async () => {
    t.app.get(ReplacementCache).clear();
    return ask();
  };

  /**
   * Asks (the answer is kept), makes the change, asks again: that next answer must be the fresh
   * search's, and the change must have moved it (else the test would prove nothing).
   */
  async function afterChange(change: () => Promise<unknown>): Promise<{ before: Candidate[]; next: Candidate[] }> {
    const before = await ask();
    expect(t.app.get(ReplacementCache).size).toBeGreaterThan(0);
    await change();
    const next = await ask();
    expect(next).toEqual(await fresh());
    expect(next).not.toEqual(before);
    return { before, next };
  }

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t, { venue: { city: 'Saint-Denis', zones: ['TECH'] }, otherVenue: { city: 'Marseille', zones: ['TECH'] } });
    ({ event, venue, team, org, tokens } = world);
    nearVenue = await createVenue(t.dataSource, event.id, { city: 'Saint-Denis', zones: ['TECH'] });
    otherTeam = await createTeam(t.dataSource, event.id);
    skill = (await t.dataSource.query(`INSERT INTO skills (code, name, category) VALUES ('RADIO', 'Radio', 'radio') RETURNING id`))[0].id;
    target = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z', headcount: 3 },
    );
    await t.dataSource.query(`INSERT INTO shift_required_skills (shift_id, skill_id, min_level) VALUES ($1, $2, 2)`, [target.id, skill]);
    const make = async (name: string, extra: Parameters<typeof createStaffMember>[3] = {}) => {
      people[name] = await createStaffMember(t.dataSource, event.id, org.id, {
        displayName: name,
        teamId: team.id,
        homeVenueId: venue.id,
        accreditationZones: ['TECH'],
        skills: [{ skillId: skill, level: 2 }],
        ...extra,
      });
    };
    await make('Ada', { skills: [{ skillId: skill, level: 4 }] });
    await make('Bea');
    await make('Cy', { teamId: otherTeam.id, homeVenueId: nearVenue.id });
    await make('Dee', { teamId: otherTeam.id });
  });
  afterAll(() => t?.close());

  it('answers a repeated question without searching again, the same answer', async () => {
    const first = await ask();
    expect(names(first)).toEqual(['Ada', 'Bea', 'Dee', 'Cy']);
    const sql = countSql(t.dataSource);
    try {
      expect(await ask()).toEqual(first);
      // The shift with its rules (one statement) is still read (scope, shift over or full); the search is not.
      expect(sql.statements.filter(isPrefilter)).toHaveLength(0);
      expect(sql.count).toBe(1);
      t.app.get(ReplacementCache).clear();
      sql.reset();
      expect(await ask()).toEqual(first);
      expect(sql.statements.filter(isPrefilter)).toHaveLength(1);
    } finally {
      sql.stop();
    }
  });

  it('searches once for the same question asked at the same time', async () => {
    t.app.get(ReplacementCache).clear();
    const sql = countSql(t.dataSource);
    try {
      const answers = await Promise.all([ask(), ask(), ask(), ask(), ask()]);
      for (const answer of answers) expect(answer).toEqual(answers[0]);
      expect(sql.statements.filter(isPrefilter)).toHaveLength(1);
    } finally {
      sql.stop();
    }
  });

  it('an assignment and its removal (assign, unassign): the overlap and the workload', async () => {
    const clash = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: nearVenue.id, teamId: team.id },
      { startsAt: '2024-07-28T10:00:00Z', endsAt: '2024-07-28T12:00:00Z' },
    );
    let assignmentId = '';
    const { next } = await afterChange(async () => {
      assignmentId = (await t.gql.ok(ASSIGN, { shiftId: clash.id, staffMemberId: people.Ada.id }, tokens.coordinator)).assign.id;
    });
    expect(names(next)).not.toContain('Ada');
    const back = await afterChange(() => t.gql.ok(UNASSIGN, { id: assignmentId }, tokens.coordinator));
    expect(names(back.next)).toContain('Ada');

    // Another person's hours two days before move everyone's workload score (relative to the busiest).
    const earlier = await createShift(
      t.dataSource,
      { eventId: event.id, venueId: venue.id, teamId: team.id },
      { startsAt: '2024-07-26T06:00:00Z', endsAt: '2024-07-26T12:00:00Z' },
    );
    const busy = await afterChange(() => t.gql.ok(ASSIGN, { shiftId: earlier.id, staffMemberId: people.Bea.id }, tokens.coordinator));
    expect(byName(busy.next, 'Bea')!.score.workload).toBeLessThan(20);
    expect(byName(busy.before, 'Bea')!.score.workload).toBe(20);
  });

  it('availability (addAvailability)', async () => {
    const { next } = await afterChange(() =>
      t.gql.ok(
        `mutation { addAvailability(input: { staffMemberId: "${people.Dee.id}", kind: UNAVAILABLE, startsAt: "2024-07-28T00:00:00Z", endsAt: "2024-07-29T00:00:00Z" }) { id } }`,
        {},
        tokens.coordinator,
      ),
    );
    expect(names(next)).not.toContain('Dee');
  });

  it('the rules (setWorkRules): an availability rule that only warns', async () => {
    const { next } = await afterChange(() =>
      t.gql.ok(
        `mutation { setWorkRules(eventId: "${event.id}", employmentType: EMPLOYEE, input: { availabilityMode: WARN }) { availabilityMode } }`,
        {},
        tokens.admin,
      ),
    );
    expect(byName(next, 'Dee')?.warnings.map((w) => w.rule)).toContain('AVAILABILITY');
  });

  it('skills (setStaffSkills)', async () => {
    const { next } = await afterChange(() =>
      t.gql.ok(`mutation { setStaffSkills(staffMemberId: "${people.Cy.id}", skills: [{ skillId: "${skill}", level: 4 }]) { id } }`, {}, tokens.coordinator),
    );
    expect(byName(next, 'Cy')!.score.skills).toBe(30);
  });

  it('the staff record (updateStaffMember): its team', async () => {
    const { next } = await afterChange(() =>
      t.gql.ok(`mutation { updateStaffMember(id: "${people.Dee.id}", input: { teamId: "${team.id}" }) { id } }`, {}, tokens.coordinator),
    );
    expect(byName(next, 'Dee')!.score.team).toBe(25);
  });

  it('the shift (updateShift): its team, then its required skills', async () => {
    const moved = await afterChange(() =>
      t.gql.ok(`mutation { updateShift(id: "${target.id}", input: { teamId: "${otherTeam.id}" }) { id } }`, {}, tokens.coordinator),
    );
    expect(byName(moved.next, 'Cy')!.score.team).toBe(25);
    const stricter = await afterChange(() =>
      t.gql.ok(
        `mutation { updateShift(id: "${target.id}", input: { requiredSkills: [{ skillId: "${skill}", minLevel: 4 }] }) { id } }`,
        {},
        tokens.coordinator,
      ),
    );
    expect(names(stricter.next).sort()).toEqual(['Ada', 'Cy']);
  });

  it('a venue (its city), written in SQL: every write path is heard, not only the API’s', async () => {
    const { next } = await afterChange(() => t.dataSource.query(`UPDATE venues SET city = 'Lyon' WHERE id = $1`, [nearVenue.id]));
    expect(byName(next, 'Cy')!.score.venue).toBe(0);
  });
});

/** Resolves once this app has heard a replacement change; subscribe before the write. */
function heard(t: TestApp, match: (change: DatabaseChange) => boolean = () => true): Promise<void> {
  return new Promise((resolve) => {
    const off = t.app.get(DatabaseNotifications).on(REPLACEMENTS_CHANGED, (change) => {
      if (!match(change)) return;
      off();
      resolve();
    });
  });
}

/** Another process writing (the worker, the CLI, psql): only a server can have one. */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;
onServer('replacement cache and other processes (server)', () => {
  let t: TestApp;
  let tokens: EventWorld['tokens'];
  let shift: ShiftEntity;
  let staff: StaffMemberEntity;
  const ask = async (): Promise<Candidate[]> => (await t.gql.ok(CANDIDATES, { shiftId: shift.id, first: 10 }, tokens.coordinator)).replacementCandidates;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    const world = await createEventWorld(t, { venue: { zones: ['TECH'] } });
    tokens = world.tokens;
    shift = await createShift(
      t.dataSource,
      { eventId: world.event.id, venueId: world.venue.id, teamId: world.team.id },
      { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z' },
    );
    staff = await createStaffMember(t.dataSource, world.event.id, world.org.id, { displayName: 'Before', accreditationZones: ['TECH'] });
  });
  afterAll(() => t?.close());

  it("hears a change committed on a connection that is not the app's", async () => {
    expect((await ask()).map((c) => c.displayName)).toEqual(['Before']);
    const outside = new Client({ connectionString: t.db.url });
    await outside.connect();
    try {
      const change = heard(t);
      await outside.query(`UPDATE staff_members SET display_name = 'After' WHERE id = $1`, [staff.id]);
      await change;
    } finally {
      await outside.end();
    }
    expect((await ask()).map((c) => c.displayName)).toEqual(['After']);
  });

  it('a check-in or a no-show (columns the search does not read) keeps the answers; a status change empties them', async () => {
    const listener = new Client({ connectionString: t.db.url });
    await listener.connect();
    try {
      await listener.query('LISTEN baton_changes');
      /** The topics notified by `write`, in commit order, up to a marker committed after it. */
      const topicsOf = async (write: string): Promise<string[]> => {
        const topics: string[] = [];
        const marked = new Promise<void>((resolve) => {
          const onNotice = (message: { payload?: string }) => {
            const topic = JSON.parse(message.payload ?? '{}').topic as string;
            if (topic !== 'test-marker') return void topics.push(topic);
            listener.off('notification', onNotice);
            resolve();
          };
          listener.on('notification', onNotice);
        });
        // No row matches: a statement trigger fires anyway, so what is measured is the trigger's column list.
        await t.dataSource.query(write);
        await t.dataSource.query(`SELECT pg_notify('baton_changes', '{"topic":"test-marker"}')`);
        await marked;
        return topics;
      };
      expect(await topicsOf(`UPDATE assignments SET checked_in_at = now() WHERE false`)).not.toContain('replacements');
      expect(await topicsOf(`UPDATE assignments SET no_show_at = now() WHERE false`)).not.toContain('replacements');
      expect(await topicsOf(`UPDATE assignments SET status = status WHERE false`)).toContain('replacements');
      expect(await topicsOf(`UPDATE assignments SET starts_at = starts_at WHERE false`)).toContain('replacements');
    } finally {
      await listener.end();
    }
  });

  it('keeps nothing while the change feed is down', async () => {
    await ask();
    const notifications = t.app.get(DatabaseNotifications);
    const cache = t.app.get(ReplacementCache);
    expect(cache.size).toBeGreaterThan(0);
    const back = new Promise<void>((resolve) => {
      const off = notifications.on(REPLACEMENTS_CHANGED, (change) => {
        if (change.tx !== 'reconnected') return;
        off();
        resolve();
      });
    });
    await t.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'baton-changes' AND datname = current_database()`,
    );
    await new Promise<void>((resolve) => {
      const wait = () => (notifications.live ? setImmediate(wait) : resolve());
      wait();
    });
    const sql = countSql(t.dataSource);
    try {
      await ask();
      await ask();
      expect(sql.statements.filter(isPrefilter)).toHaveLength(2);
    } finally {
      sql.stop();
    }
    await back;
    expect(cache.size).toBe(0);
  });
});
