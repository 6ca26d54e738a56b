import { Role } from '@baton/auth';
import { EventEntity } from '@baton/events';
import { WorkRuleService, WorkRuleSetEntity } from '@baton/scheduling';
import { EmploymentType } from '@baton/staff';
import { createEvent } from '../factories/events';
import { tokenFor } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const RULES = `query R($eventId: ID!) { workRules(eventId: $eventId) {
  eventId employmentType minRestMinutes maxDailyMinutes maxWeeklyMinutes restMode dailyMode weeklyMode skillsMode accreditationMode availabilityMode isDefault } }`;
const SET = `mutation S($eventId: ID!, $type: EmploymentType!, $input: WorkRulesInput!) { setWorkRules(eventId: $eventId, employmentType: $type, input: $input) {
  employmentType minRestMinutes maxDailyMinutes maxWeeklyMinutes restMode dailyMode weeklyMode isDefault } }`;

const DEFAULT = {
  minRestMinutes: 660,
  maxDailyMinutes: 600,
  maxWeeklyMinutes: 2880,
  restMode: 'BLOCK',
  dailyMode: 'BLOCK',
  weeklyMode: 'BLOCK',
  skillsMode: 'BLOCK',
  accreditationMode: 'BLOCK',
  availabilityMode: 'BLOCK',
  isDefault: true,
};

describe('work rules', () => {
  let t: TestApp;
  let event: EventEntity;
  let otherEvent: EventEntity;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    t = await startTestApp();
    event = await createEvent(t.dataSource);
    otherEvent = await createEvent(t.dataSource);
    tokens.admin = await tokenFor(t, [{ role: Role.ADMIN }]);
    tokens.coordinator = await tokenFor(t, [{ role: Role.COORDINATOR, eventId: event.id }]);
    tokens.staff = await tokenFor(t, [{ role: Role.STAFF, eventId: event.id }]);
    tokens.otherStaff = await tokenFor(t, [{ role: Role.STAFF, eventId: otherEvent.id }]);
  });
  afterAll(() => t?.close());

  it('gives the defaults of the brief for each employment type until an event sets its own', async () => {
    const rules = (await t.gql.ok(RULES, { eventId: event.id }, tokens.staff)).workRules;
    expect(rules).toEqual(['EMPLOYEE', 'CONTRACTOR', 'VOLUNTEER'].map((employmentType) => ({ eventId: event.id, employmentType, ...DEFAULT })));
  });

  it('lets an admin override one type (partially, keeping the rest), audited; the others stay default', async () => {
    const set = await t.gql.ok(SET, { eventId: event.id, type: 'VOLUNTEER', input: { maxDailyMinutes: 480, weeklyMode: 'WARN' } }, tokens.admin);
    expect(set.setWorkRules).toEqual({
      employmentType: 'VOLUNTEER',
      minRestMinutes: 660,
      maxDailyMinutes: 480,
      maxWeeklyMinutes: 2880,
      restMode: 'BLOCK',
      dailyMode: 'BLOCK',
      weeklyMode: 'WARN',
      isDefault: false,
    });
    const again = await t.gql.ok(SET, { eventId: event.id, type: 'VOLUNTEER', input: { minRestMinutes: 720 } }, tokens.admin);
    expect(again.setWorkRules).toMatchObject({ minRestMinutes: 720, maxDailyMinutes: 480, weeklyMode: 'WARN' });
    expect(await t.dataSource.getRepository(WorkRuleSetEntity).countBy({ eventId: event.id })).toBe(1);

    const rules = (await t.gql.ok(RULES, { eventId: event.id }, tokens.coordinator)).workRules;
    expect(rules.find((r: any) => r.employmentType === 'VOLUNTEER')).toMatchObject({ minRestMinutes: 720, maxDailyMinutes: 480, isDefault: false });
    expect(rules.find((r: any) => r.employmentType === 'EMPLOYEE')).toMatchObject(DEFAULT);
    expect((await t.gql.ok(RULES, { eventId: otherEvent.id }, tokens.admin)).workRules.every((r: any) => r.isDefault)).toBe(true);

    const audit = await t.gql.ok(
      `{ auditLog(filter: { eventId: "${event.id}", action: "work_rules.updated" }) { totalCount edges { node { entityType before after } } } }`,
      {},
      tokens.admin,
    );
    expect(audit.auditLog.totalCount).toBe(2);
    expect(audit.auditLog.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ entityType: 'work_rule_set', before: expect.objectContaining({ maxDailyMinutes: 600, isDefault: true }) }),
    );
  });

  it('exposes effectiveRules for the rule engine (stored row or default)', async () => {
    const service = t.app.get(WorkRuleService);
    expect(await service.effectiveRules(event.id, EmploymentType.VOLUNTEER)).toMatchObject({ minRestMinutes: 720, isDefault: false });
    expect(await service.effectiveRules(event.id, EmploymentType.CONTRACTOR)).toMatchObject({
      minRestMinutes: 660,
      maxDailyMinutes: 600,
      maxWeeklyMinutes: 2880,
      isDefault: true,
    });
  });

  it.each([
    [{ minRestMinutes: 2881 }, 'minRestMinutes'],
    [{ minRestMinutes: -1 }, 'minRestMinutes'],
    [{ maxDailyMinutes: 59 }, 'maxDailyMinutes'],
    [{ maxDailyMinutes: 1441 }, 'maxDailyMinutes'],
    [{ maxWeeklyMinutes: 10081 }, 'maxWeeklyMinutes'],
    [{ maxDailyMinutes: 600, maxWeeklyMinutes: 300 }, 'maxWeeklyMinutes'],
  ])('refuses %j naming %s, and changes nothing', async (input, field) => {
    const error = await t.gql.error(SET, { eventId: event.id, type: 'EMPLOYEE', input }, tokens.admin);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field })] });
    expect(await t.dataSource.getRepository(WorkRuleSetEntity).countBy({ eventId: event.id, employmentType: EmploymentType.EMPLOYEE })).toBe(0);
  });

  it('RULES_MANAGE: denied to coordinators, staff and anonymous; SHIFTS_READ: denied to other-event staff and anonymous', async () => {
    for (const who of ['coordinator', 'staff']) {
      const error = await t.gql.error(SET, { eventId: event.id, type: 'EMPLOYEE', input: { minRestMinutes: 0 } }, tokens[who]);
      expect([who, error.extensions?.code]).toEqual([who, 'FORBIDDEN']);
    }
    expect((await t.gql.error(SET, { eventId: event.id, type: 'EMPLOYEE', input: { minRestMinutes: 0 } })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(RULES, { eventId: event.id }, tokens.otherStaff)).extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql.error(RULES, { eventId: event.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql.error(SET, { eventId: '00000000-0000-4000-8000-000000000000', type: 'EMPLOYEE', input: {} }, tokens.admin)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(await t.dataSource.getRepository(WorkRuleSetEntity).countBy({ eventId: event.id, employmentType: EmploymentType.EMPLOYEE })).toBe(0);
  });
});
