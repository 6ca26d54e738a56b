import { DatabaseEndpoint } from '@baton/database';
import { createEventWorld, EventWorld } from '../factories/event-world';
import { createShift } from '../factories/shifts';
import { createStaffMember } from '../factories/staff';
import { countSql } from '../utils/sql-counter';
import { startTestApp, TestApp } from '../utils/test-app';

const ASSIGN = `mutation A($s: ID!, $m: ID!) { assign(input: { shiftId: $s, staffMemberId: $m }) { id ruleNotes { rule severity } } }`;
const CHECK = `query C($s: ID!, $m: ID!) { checkAssignment(shiftId: $s, staffMemberId: $m) { allowed violations { rule } warnings { rule } } }`;
const SET_RULES = `mutation S($e: ID!, $input: WorkRulesInput!) { setWorkRules(eventId: $e, employmentType: EMPLOYEE, input: $input) { minRestMinutes } }`;

/** What assign sends to the database: a refusal is one read; a success one read, then the unit of work. */
describe('assign: the statements it sends', () => {
  let t: TestApp;
  let world: EventWorld;
  let server: boolean;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-20T08:00:00Z' });
    world = await createEventWorld(t);
    server = t.app.get(DatabaseEndpoint).kind === 'server';
  });
  afterAll(() => t?.close());

  /** The statements of one assign, the session's actor loaded just before (it is cached a few seconds). */
  async function statementsOf(shiftId: string, staffMemberId: string) {
    await t.gql.ok('{ me { id } }', {}, world.tokens.coordinator);
    const counter = countSql(t.dataSource);
    try {
      const answer = await t.gql.request(ASSIGN, { s: shiftId, m: staffMemberId }, world.tokens.coordinator);
      return { answer, statements: [...counter.statements], names: [...counter.names] };
    } finally {
      counter.stop();
    }
  }

  const prepared = (name: string | undefined) => (server ? /^baton_[0-9a-f]{20}$/.test(name ?? '') : name === undefined);

  it('a success: one read, then lock the person, lock the shift, read the facts, three inserts, in one transaction', async () => {
    const shift = await createShift(t.dataSource, world.place, { startsAt: '2024-07-27T06:00:00Z', endsAt: '2024-07-27T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, world.event.id, world.org.id);
    const { answer, statements, names } = await statementsOf(shift.id, person.id);
    expect(answer.errors).toBeUndefined();
    const kinds = statements.map((q) => {
      if (/^START TRANSACTION|^COMMIT/.test(q)) return q;
      if (/^INSERT INTO "(\w+)"/.test(q)) return `insert ${/^INSERT INTO "(\w+)"/.exec(q)![1]}`;
      if (/FROM staff_members WHERE id = \$1 OR user_id = /.test(q) && /FOR UPDATE$/.test(q.trim())) return 'lock person';
      if (/FOR UPDATE OF sh$/.test(q.trim())) return 'lock shift';
      if (/\bAS candidates\b/.test(q)) return 'read shift, rules and candidate';
      if (/\bAS neighbours\b/.test(q)) return 'candidate facts';
      return q.slice(0, 60);
    });
    expect(kinds).toEqual([
      'read shift, rules and candidate',
      'START TRANSACTION',
      'lock person',
      'lock shift',
      'candidate facts',
      'insert assignments',
      'insert assignment_history',
      'insert audit_entries',
      'COMMIT',
    ]);
    // The reads and the locks are planned once per connection on a server (PreparedReads).
    expect([0, 2, 3, 4].map((i) => prepared(names[i]))).toEqual([true, true, true, true]);
  });

  it('a refusal: the shift, its rules and the candidate in one statement, no transaction', async () => {
    const shift = await createShift(t.dataSource, world.place, { startsAt: '2024-07-28T06:00:00Z', endsAt: '2024-07-28T14:00:00Z' });
    const overlapping = await createShift(t.dataSource, world.place, { startsAt: '2024-07-28T10:00:00Z', endsAt: '2024-07-28T18:00:00Z' });
    const person = await createStaffMember(t.dataSource, world.event.id, world.org.id);
    await t.gql.ok(ASSIGN, { s: shift.id, m: person.id }, world.tokens.coordinator);
    for (const [target, rule] of [
      [shift.id, 'ALREADY_ASSIGNED'],
      [overlapping.id, 'OVERLAP'],
    ]) {
      const { answer, statements, names } = await statementsOf(target, person.id);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: expect.arrayContaining([expect.objectContaining({ rule })]) });
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/FROM shifts sh\b/);
      expect(statements[0]).toMatch(/FROM work_rule_sets\b/);
      expect(statements[0]).toMatch(/\baccreditation_status\b/);
      expect(statements[0]).not.toMatch(/FOR UPDATE/);
      expect(prepared(names[0])).toBe(true);
    }
  });

  it('a refusal answers the whole error object, the same on every repeat; a malformed id is refused each time', async () => {
    const shift = await createShift(t.dataSource, world.place, { startsAt: '2024-07-29T06:00:00Z', endsAt: '2024-07-29T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, world.event.id, world.org.id);
    await t.gql.ok(ASSIGN, { s: shift.id, m: person.id }, world.tokens.coordinator);
    // Repeats go through the remembered validation of AssignInput and the refusal path again.
    for (let i = 0; i < 3; i++) {
      const answer = await t.gql.request(ASSIGN, { s: shift.id, m: person.id }, world.tokens.coordinator);
      expect(answer).toEqual({
        status: 200,
        data: null,
        errors: [
          {
            message: expect.stringMatching(/\S/),
            locations: [{ line: 1, column: 32 }],
            path: ['assign'],
            extensions: { code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'ALREADY_ASSIGNED', message: expect.any(String) })] },
          },
        ],
      });
      const rules = answer.errors![0].extensions!.rules as Array<Record<string, unknown>>;
      expect(Object.keys(rules[0]).sort()).toEqual(['configurable', 'message', 'rule', 'severity']);
    }
    for (let i = 0; i < 2; i++) {
      const bad = await t.gql.request(ASSIGN, { s: 'not-a-uuid', m: person.id }, world.tokens.coordinator);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });

  it("judges with the event's stored rules, read with the shift: before the locks (refusal) and under them (the notes kept)", async () => {
    // 11 h 30 of rest: enough by the defaults (11 h), not for a stored 12 h.
    const evening = await createShift(t.dataSource, world.place, { startsAt: '2024-07-30T10:30:00Z', endsAt: '2024-07-30T18:30:00Z' });
    const morning = await createShift(t.dataSource, world.place, { startsAt: '2024-07-31T06:00:00Z', endsAt: '2024-07-31T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, world.event.id, world.org.id);
    await t.gql.ok(ASSIGN, { s: evening.id, m: person.id }, world.tokens.coordinator);
    expect((await t.gql.ok(CHECK, { s: morning.id, m: person.id }, world.tokens.coordinator)).checkAssignment).toEqual({
      allowed: true,
      violations: [],
      warnings: [],
    });

    await t.gql.ok(SET_RULES, { e: world.event.id, input: { minRestMinutes: 720, restMode: 'BLOCK' } }, world.tokens.admin);
    const refused = await statementsOf(morning.id, person.id);
    expect(refused.answer.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [{ rule: 'MIN_REST', requiredMinutes: 720 }] });
    expect(refused.statements).toHaveLength(1);

    await t.gql.ok(SET_RULES, { e: world.event.id, input: { restMode: 'WARN' } }, world.tokens.admin);
    const assigned = await t.gql.ok(ASSIGN, { s: morning.id, m: person.id }, world.tokens.coordinator);
    expect(assigned.assign.ruleNotes).toEqual([{ rule: 'MIN_REST', severity: 'WARN' }]);
  });

  it('the same pair asked 12 times at once: one write transaction; the others wait outside the pool and are refused from a read', async () => {
    const shift = await createShift(t.dataSource, world.place, { startsAt: '2024-08-01T06:00:00Z', endsAt: '2024-08-01T14:00:00Z' });
    const person = await createStaffMember(t.dataSource, world.event.id, world.org.id);
    await t.gql.ok('{ me { id } }', {}, world.tokens.coordinator);
    const counter = countSql(t.dataSource);
    let answers;
    try {
      answers = await Promise.all(Array.from({ length: 12 }, () => t.gql.request(ASSIGN, { s: shift.id, m: person.id }, world.tokens.coordinator)));
    } finally {
      counter.stop();
    }
    expect(answers.filter((a) => !a.errors)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.errors)) {
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rules: [expect.objectContaining({ rule: 'ALREADY_ASSIGNED' })] });
    }
    // Without the wait each of the 12 opened a transaction and queued on the person's row lock.
    expect(counter.statements.filter((q) => /^START TRANSACTION/.test(q))).toHaveLength(1);
    expect(counter.statements.filter((q) => /FOR UPDATE/.test(q))).toHaveLength(2);
  });
});
