import { evaluateRules, workingDay } from './rule-engine';
import { Neighbour, RuleFacts, WorkRules } from './rule-types';

const EMPLOYEE: WorkRules = {
  minRestMinutes: 660,
  maxDailyMinutes: 600,
  maxWeeklyMinutes: 2880,
  restMode: 'BLOCK',
  dailyMode: 'BLOCK',
  weeklyMode: 'BLOCK',
  skillsMode: 'BLOCK',
  accreditationMode: 'BLOCK',
  availabilityMode: 'BLOCK',
};

const at = (iso: string) => new Date(iso);
const shiftAt = (startsAt: string, endsAt: string, timeZone = 'Europe/Paris') => ({
  id: 'candidate',
  eventId: 'e',
  status: 'PUBLISHED' as const,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  headcount: 4,
  activeCount: 0,
  timeZone,
  venueZones: ['TECH'],
  requiredSkills: [],
});
const neighbour = (startsAt: string, endsAt: string, shiftId = `n-${startsAt}`, timeZone = 'Europe/Paris', eventId = 'e'): Neighbour => ({
  shiftId,
  eventId,
  startsAt: at(startsAt),
  endsAt: at(endsAt),
  timeZone,
});

function facts(overrides: Partial<RuleFacts> & { shift?: RuleFacts['shift'] } = {}): RuleFacts {
  return {
    shift: shiftAt('2024-07-27T06:00:00Z', '2024-07-27T14:00:00Z'),
    staff: { id: 's', eventId: 'e', accreditationStatus: 'VALID', accreditationZones: ['TECH', 'FOP'], skills: new Map() },
    neighbours: [],
    availability: [],
    rules: EMPLOYEE,
    now: at('2024-07-20T00:00:00Z'),
    alreadyOnShift: false,
    ...overrides,
  };
}
const codes = (f: RuleFacts) => evaluateRules(f).map((o) => o.rule);

describe('rule engine', () => {
  it('passes a plain shift with nothing around it', () => {
    expect(evaluateRules(facts())).toEqual([]);
  });

  describe('minimum rest between working days (11 h)', () => {
    // Candidate 06:00Z–14:00Z on 27 July; previous shift ended the evening before.
    it('allows exactly 11 h 00', () => {
      expect(codes(facts({ neighbours: [neighbour('2024-07-26T11:00:00Z', '2024-07-26T19:00:00Z')] }))).toEqual([]);
    });
    it('refuses 10 h 59, with the numbers and the neighbouring shift', () => {
      const [outcome] = evaluateRules(facts({ neighbours: [neighbour('2024-07-26T11:01:00Z', '2024-07-26T19:01:00Z', 'prev')] }));
      expect(outcome).toMatchObject({
        rule: 'MIN_REST',
        severity: 'BLOCK',
        configurable: true,
        message: 'Rest of 10 h 59 is below the minimum of 11 h 00',
        details: { restMinutes: 659, requiredMinutes: 660, neighbourShiftId: 'prev' },
      });
    });
    it('checks the rest after the shift too', () => {
      expect(codes(facts({ neighbours: [neighbour('2024-07-28T00:59:00Z', '2024-07-28T05:00:00Z')] }))).toEqual(['MIN_REST']);
      expect(codes(facts({ neighbours: [neighbour('2024-07-28T01:00:00Z', '2024-07-28T05:00:00Z')] }))).toEqual([]);
    });
    it('treats two shifts starting on the same local day as one working day with a break', () => {
      const split = facts({
        shift: shiftAt('2024-07-27T13:00:00Z', '2024-07-27T16:00:00Z'),
        neighbours: [neighbour('2024-07-27T06:00:00Z', '2024-07-27T11:00:00Z')],
      });
      expect(codes(split)).toEqual([]);
    });
    it('can be a warning or off per event and employment type', () => {
      const close = [neighbour('2024-07-26T12:00:00Z', '2024-07-26T20:00:00Z')];
      expect(evaluateRules(facts({ neighbours: close, rules: { ...EMPLOYEE, restMode: 'WARN' } }))[0].severity).toBe('WARN');
      expect(evaluateRules(facts({ neighbours: close, rules: { ...EMPLOYEE, restMode: 'OFF' } }))).toEqual([]);
    });
  });

  describe('maximum work per day (10 h) in the venue time zone', () => {
    it('allows exactly 10 h on one local day and refuses 10 h 01', () => {
      const day = [neighbour('2024-07-27T15:00:00Z', '2024-07-27T17:00:00Z')]; // 8 h + 2 h, same Paris day
      expect(codes(facts({ neighbours: day }))).toEqual([]);
      const over = [neighbour('2024-07-27T15:00:00Z', '2024-07-27T17:01:00Z')];
      const [outcome] = evaluateRules(facts({ neighbours: over }));
      expect(outcome).toMatchObject({ rule: 'MAX_DAILY', details: { day: '2024-07-27', workedMinutes: 601, maxMinutes: 600 } });
    });
    it('counts an overnight shift on the day it starts', () => {
      // 20:00–06:00 Paris (18:00Z–04:00Z): 10 h on 27 July; another 1 h on the 27th in the afternoon is too much.
      const overnight = shiftAt('2024-07-27T18:00:00Z', '2024-07-28T04:00:00Z');
      expect(codes(facts({ shift: overnight }))).toEqual([]);
      expect(codes(facts({ shift: overnight, neighbours: [neighbour('2024-07-27T05:00:00Z', '2024-07-27T06:00:00Z')] }))).toContain('MAX_DAILY');
    });
    it('uses the venue zone: at Teahupo’o (UTC−10) a shift at 20:00Z belongs to the morning’s local day', () => {
      expect(workingDay(at('2024-07-29T20:00:00Z'), 'Pacific/Tahiti')).toBe('2024-07-29');
      expect(workingDay(at('2024-07-29T09:00:00Z'), 'Pacific/Tahiti')).toBe('2024-07-28');
      expect(workingDay(at('2024-07-29T09:00:00Z'), 'Europe/Paris')).toBe('2024-07-29');
      // 09:00Z–13:00Z is 23:00–03:00 on the 28th in Tahiti; 17:00Z–23:00Z is 07:00–13:00 on the 29th.
      const tahiti = shiftAt('2024-07-29T17:00:00Z', '2024-07-29T23:00:00Z', 'Pacific/Tahiti');
      const night = [neighbour('2024-07-29T09:00:00Z', '2024-07-29T13:00:00Z', 'night', 'Pacific/Tahiti')];
      expect(codes(facts({ shift: tahiti, neighbours: night }))).toEqual(['MIN_REST']);
      // The same two shifts at a Paris venue fall on one local day: 10 h, no rest rule, no excess.
      const paris = [neighbour('2024-07-29T09:00:00Z', '2024-07-29T13:00:00Z', 'night', 'Europe/Paris')];
      expect(codes(facts({ shift: { ...tahiti, timeZone: 'Europe/Paris' }, neighbours: paris }))).toEqual([]);
    });
    it('gives each shift the day of its own venue when a person works in two zones, whatever was assigned first', () => {
      // 11:00–15:00 in Paris on the 29th, then 07:00–13:00 on the 29th at Teahupo'o: one working day of 10 h.
      const parisShift = shiftAt('2024-07-29T09:00:00Z', '2024-07-29T13:00:00Z', 'Europe/Paris');
      const tahitiShift = shiftAt('2024-07-29T17:00:00Z', '2024-07-29T23:00:00Z', 'Pacific/Tahiti');
      const asNeighbour = (s: RuleFacts['shift'], id: string) => neighbour(s.startsAt.toISOString(), s.endsAt.toISOString(), id, s.timeZone);
      expect(codes(facts({ shift: { ...tahitiShift, id: 't' }, neighbours: [asNeighbour(parisShift, 'p')] }))).toEqual([]);
      expect(codes(facts({ shift: { ...parisShift, id: 'p' }, neighbours: [asNeighbour(tahitiShift, 't')] }))).toEqual([]);
      // One more hour on either side breaks the daily maximum of that same day, both ways round.
      const longer = { ...tahitiShift, id: 't', endsAt: at('2024-07-30T00:00:00Z') };
      const [daily] = evaluateRules(facts({ shift: longer, neighbours: [asNeighbour(parisShift, 'p')] }));
      expect(daily).toMatchObject({ rule: 'MAX_DAILY', details: { day: '2024-07-29', workedMinutes: 660 } });
      expect(codes(facts({ shift: { ...parisShift, id: 'p' }, neighbours: [asNeighbour(longer, 't')] }))).toEqual(['MAX_DAILY']);
    });
    it('names a shift of another event only as such', () => {
      const elsewhere = [neighbour('2024-07-26T11:01:00Z', '2024-07-26T19:01:00Z', 'secret', 'Europe/Paris', 'paralympics')];
      const [rest] = evaluateRules(facts({ neighbours: elsewhere }));
      expect(rest).toMatchObject({ rule: 'MIN_REST', details: { restMinutes: 659, inAnotherEvent: true } });
      expect(JSON.stringify(rest)).not.toContain('secret');
      const [overlap] = evaluateRules(
        facts({ neighbours: [neighbour('2024-07-27T13:00:00Z', '2024-07-27T15:00:00Z', 'secret', 'Europe/Paris', 'paralympics')] }),
      );
      expect(overlap).toMatchObject({ rule: 'OVERLAP', message: expect.stringContaining('in another event'), details: { inAnotherEvent: true } });
      expect(JSON.stringify(overlap)).not.toContain('secret');
    });
    it('refuses a single multi-day shift longer than the daily maximum', () => {
      expect(codes(facts({ shift: shiftAt('2024-07-27T06:00:00Z', '2024-07-28T18:00:00Z') }))).toEqual(['MAX_DAILY']);
    });
  });

  describe('maximum work in any 7 days (48 h)', () => {
    const sixDays = Array.from({ length: 6 }, (_, i) => neighbour(`2024-07-2${i}T06:00:00Z`, `2024-07-2${i}T14:00:00Z`)); // 6 × 8 h = 48 h
    it('refuses a 49th hour within 7 days and allows it once the window has moved on', () => {
      const candidate = shiftAt('2024-07-26T06:00:00Z', '2024-07-26T07:00:00Z');
      const [outcome] = evaluateRules(facts({ shift: candidate, neighbours: sixDays }));
      expect(outcome).toMatchObject({ rule: 'MAX_WEEKLY', details: { workedMinutes: 2940, maxMinutes: 2880 } });
      const nextWeek = shiftAt('2024-07-27T14:00:00Z', '2024-07-27T15:00:00Z'); // the window from 20 Jul 14:00Z holds 40 h + 1 h
      expect(codes(facts({ shift: nextWeek, neighbours: sixDays }))).toEqual([]);
    });
    it('allows exactly 48 h', () => {
      const five = sixDays.slice(0, 5);
      expect(codes(facts({ shift: shiftAt('2024-07-25T06:00:00Z', '2024-07-25T14:00:00Z'), neighbours: five }))).toEqual([]);
    });
  });

  describe('hard rules', () => {
    it('refuses an overlap, a full shift, a draft, a past shift, another event, a duplicate', () => {
      expect(codes(facts({ neighbours: [neighbour('2024-07-27T13:00:00Z', '2024-07-27T15:00:00Z')] }))).toContain('OVERLAP');
      expect(codes(facts({ shift: { ...facts().shift, activeCount: 4 } }))).toEqual(['CAPACITY']);
      expect(codes(facts({ shift: { ...facts().shift, status: 'DRAFT' } }))).toEqual(['SHIFT_NOT_PUBLISHED']);
      expect(codes(facts({ now: at('2024-07-27T14:00:00Z') }))).toEqual(['SHIFT_OVER']);
      expect(codes(facts({ staff: { ...facts().staff, eventId: 'other' } }))).toEqual(['SAME_EVENT']);
      expect(codes(facts({ alreadyOnShift: true }))).toEqual(['ALREADY_ASSIGNED']);
      expect(evaluateRules(facts({ alreadyOnShift: true }))[0].configurable).toBe(false);
    });
    it('reports every failing rule at once', () => {
      const f = facts({ shift: { ...facts().shift, status: 'DRAFT', activeCount: 4, requiredSkills: [{ skillId: 'k', code: 'NET', minLevel: 2 }] } });
      expect(codes(f).sort()).toEqual(['CAPACITY', 'SHIFT_NOT_PUBLISHED', 'SKILLS']);
    });
  });

  describe('skills, accreditation, availability', () => {
    const needs = { ...facts().shift, requiredSkills: [{ skillId: 'k1', code: 'CISCO', minLevel: 3 }] };
    it('needs each required skill at its minimum level', () => {
      expect(evaluateRules(facts({ shift: needs, staff: { ...facts().staff, skills: new Map([['k1', 2]]) } }))[0]).toMatchObject({
        rule: 'SKILLS',
        details: { missing: [{ skill: 'CISCO', required: 3, held: 2 }] },
      });
      expect(codes(facts({ shift: needs, staff: { ...facts().staff, skills: new Map([['k1', 3]]) } }))).toEqual([]);
    });
    it('needs a valid accreditation covering the venue zones', () => {
      expect(evaluateRules(facts({ staff: { ...facts().staff, accreditationZones: ['FOP'] } }))[0]).toMatchObject({
        rule: 'ACCREDITATION',
        details: { missingZones: ['TECH'] },
      });
      expect(codes(facts({ staff: { ...facts().staff, accreditationStatus: 'SUSPENDED' } }))).toEqual(['ACCREDITATION']);
    });
    it('refuses declared unavailability and only warns for an undesired period', () => {
      const period = (kind: 'UNAVAILABLE' | 'UNDESIRED' | 'PREFERRED') => [{ kind, startsAt: at('2024-07-27T12:00:00Z'), endsAt: at('2024-07-27T20:00:00Z') }];
      expect(evaluateRules(facts({ availability: period('UNAVAILABLE') }))[0]).toMatchObject({ rule: 'AVAILABILITY', severity: 'BLOCK' });
      expect(evaluateRules(facts({ availability: period('UNDESIRED') }))[0]).toMatchObject({ rule: 'UNDESIRED_PERIOD', severity: 'WARN' });
      expect(evaluateRules(facts({ availability: period('PREFERRED') }))).toEqual([]);
    });
  });
});
