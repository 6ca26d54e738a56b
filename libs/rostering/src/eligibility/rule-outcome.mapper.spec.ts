import { evaluateRules } from './rule-engine';
import { MinRestOutcome, OtherRuleOutcome, SkillsOutcome } from './dto/rule-outcome.objects';
import { noteToRuleOutcomeObject, toRuleOutcomeObject } from './rule-outcome.mapper';
import { RuleFacts } from './rule-types';

const at = (iso: string) => new Date(iso);
const facts = (): RuleFacts => ({
  shift: {
    id: 's1',
    eventId: 'e1',
    status: 'PUBLISHED',
    startsAt: at('2024-07-27T06:00:00Z'),
    endsAt: at('2024-07-27T14:00:00Z'),
    headcount: 2,
    activeCount: 0,
    timeZone: 'Europe/Paris',
    venueZones: ['TECH'],
    requiredSkills: [{ skillId: 'k1', code: 'FIBRE', minLevel: 3 }],
  },
  staff: { id: 'p1', eventId: 'e1', accreditationStatus: 'VALID', accreditationZones: ['TECH'], skills: new Map([['k1', 1]]) },
  neighbours: [{ shiftId: 's0', eventId: 'e1', startsAt: at('2024-07-26T11:01:00Z'), endsAt: at('2024-07-26T19:01:00Z'), timeZone: 'Europe/Paris' }],
  availability: [],
  rules: {
    minRestMinutes: 660,
    maxDailyMinutes: 600,
    maxWeeklyMinutes: 2880,
    restMode: 'BLOCK',
    dailyMode: 'BLOCK',
    weeklyMode: 'BLOCK',
    skillsMode: 'WARN',
    accreditationMode: 'BLOCK',
    availabilityMode: 'BLOCK',
  },
  now: at('2024-07-20T00:00:00Z'),
  alreadyOnShift: false,
});

describe('rule outcome mapping', () => {
  it('gives each engine outcome its typed object, details kept alongside', () => {
    const outcomes = evaluateRules(facts()).map(toRuleOutcomeObject);
    const rest = outcomes.find((o) => o.rule === 'MIN_REST');
    expect(rest).toBeInstanceOf(MinRestOutcome);
    expect(rest).toMatchObject({
      severity: 'BLOCK',
      restMinutes: 659,
      requiredMinutes: 660,
      neighbourShiftId: 's0',
      neighbourEndsAt: at('2024-07-26T19:01:00Z'),
    });
    const skills = outcomes.find((o) => o.rule === 'SKILLS');
    expect(skills).toBeInstanceOf(SkillsOutcome);
    expect(skills).toMatchObject({
      severity: 'WARN',
      missing: [{ skill: 'FIBRE', required: 3, held: 1 }],
      details: { missing: [{ skill: 'FIBRE', required: 3, held: 1 }] },
    });
  });

  it('reads stored notes (flattened) the same way, and falls back to OtherRuleOutcome when they do not fit', () => {
    const note = { rule: 'MIN_REST', message: 'm', severity: 'WARN', configurable: true, restMinutes: 600, requiredMinutes: 660, neighbourShiftId: 's0' };
    // neighbourStartsAt/EndsAt missing: an older shape, not an error.
    expect(noteToRuleOutcomeObject(note)).toBeInstanceOf(OtherRuleOutcome);
    const complete = { ...note, neighbourStartsAt: '2024-07-26T11:01:00.000Z', neighbourEndsAt: '2024-07-26T19:01:00.000Z' };
    expect(noteToRuleOutcomeObject(complete)).toMatchObject({ restMinutes: 600, severity: 'WARN', details: { restMinutes: 600 } });
    expect(noteToRuleOutcomeObject({ rule: 'NEW_RULE', message: 'x' })).toMatchObject({ rule: 'NEW_RULE', severity: 'WARN', configurable: true, details: {} });
  });

  it('names a shift of another event only as such: no id, inAnotherEvent true', () => {
    const f = facts();
    f.neighbours = [{ shiftId: 'x9', eventId: 'e2', startsAt: at('2024-07-26T11:01:00Z'), endsAt: at('2024-07-26T19:01:00Z'), timeZone: 'Europe/Paris' }];
    const rest = evaluateRules(f)
      .map(toRuleOutcomeObject)
      .find((o) => o.rule === 'MIN_REST');
    expect(rest).toBeInstanceOf(MinRestOutcome);
    expect(rest).toMatchObject({ neighbourShiftId: null, inAnotherEvent: true, restMinutes: 659 });
    const same = evaluateRules(facts())
      .map(toRuleOutcomeObject)
      .find((o) => o.rule === 'MIN_REST');
    expect(same).toMatchObject({ neighbourShiftId: 's0', inAnotherEvent: false });
  });
});
