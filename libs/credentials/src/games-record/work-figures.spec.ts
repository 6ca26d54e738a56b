import { DateTime } from 'luxon';
import { computeWorkFigures, formatHours, WorkEntry } from './work-figures';

const MIN = 60_000;
const at = (iso: string, minutes = 0) => new Date(new Date(iso).getTime() + minutes * MIN);

/** An 8-hour shift in Paris, checked in and out on time unless told otherwise. */
function shift(start: string, overrides: Partial<WorkEntry> = {}): WorkEntry {
  return {
    status: 'CONFIRMED',
    shiftStatus: 'PUBLISHED',
    startsAt: at(start),
    endsAt: at(start, 8 * 60),
    checkedInAt: at(start),
    checkedOutAt: at(start, 8 * 60),
    roleTitle: 'Network technician',
    venueName: 'Stade de France',
    venueTimeZone: 'Europe/Paris',
    teamName: 'Network',
    ...overrides,
  };
}

const start = '2024-07-27T06:00:00Z';

describe('computeWorkFigures', () => {
  it('counts a shift worked on time in full', () => {
    expect(computeWorkFigures([shift(start)])).toEqual({
      shiftsWorked: 1,
      workedMinutes: 480,
      firstDay: '2024-07-27',
      lastDay: '2024-07-27',
      teams: ['Network'],
      venues: ['Stade de France'],
      roles: ['Network technician'],
    });
  });

  it('clips to the scheduled shift: arriving early or leaving late adds nothing', () => {
    const figures = computeWorkFigures([shift(start, { checkedInAt: at(start, -90), checkedOutAt: at(start, 8 * 60 + 120) })]);
    expect(figures?.workedMinutes).toBe(480);
  });

  it('counts from a late check-in and to an early check-out', () => {
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, 25) })])?.workedMinutes).toBe(455);
    expect(computeWorkFigures([shift(start, { checkedOutAt: at(start, 6 * 60) })])?.workedMinutes).toBe(360);
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, 1), checkedOutAt: at(start, 8 * 60 - 1) })])?.workedMinutes).toBe(478);
  });

  it('counts a missing check-out until the scheduled end, from the check-in', () => {
    expect(computeWorkFigures([shift(start, { checkedOutAt: null })])?.workedMinutes).toBe(480);
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, 120), checkedOutAt: null })])?.workedMinutes).toBe(360);
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, -30), checkedOutAt: null })])?.workedMinutes).toBe(480);
  });

  it('counts nothing for no-shows, declined or cancelled assignments and cancelled shifts', () => {
    expect(computeWorkFigures([shift(start, { checkedInAt: null, checkedOutAt: null })])).toBeNull();
    expect(computeWorkFigures([shift(start, { status: 'CANCELLED' })])).toBeNull();
    expect(computeWorkFigures([shift(start, { status: 'DECLINED' })])).toBeNull();
    expect(computeWorkFigures([shift(start, { shiftStatus: 'CANCELLED' })])).toBeNull();
    expect(computeWorkFigures([])).toBeNull();
    const mixed = computeWorkFigures([shift(start), shift('2024-07-28T06:00:00Z', { checkedInAt: null, checkedOutAt: null })]);
    expect(mixed).toMatchObject({ shiftsWorked: 1, workedMinutes: 480, lastDay: '2024-07-27' });
  });

  it('does not count a shift whose checked-in time falls outside it', () => {
    // In and out before the start; in exactly at the end.
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, -60), checkedOutAt: at(start, -1) })])).toBeNull();
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, -60), checkedOutAt: at(start) })])).toBeNull();
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, 8 * 60), checkedOutAt: null })])).toBeNull();
    // One minute inside is one minute.
    expect(computeWorkFigures([shift(start, { checkedInAt: at(start, 8 * 60 - 1), checkedOutAt: null })])?.workedMinutes).toBe(1);
  });

  it('floors the total, not each shift, to whole minutes', () => {
    const a = shift(start, { checkedInAt: new Date(at(start).getTime() + 30_000) }); // 479.5 min
    const b = shift('2024-07-28T06:00:00Z', { checkedOutAt: new Date(at('2024-07-28T06:00:00Z', 60).getTime() + 30_000) }); // 60.5 min
    expect(computeWorkFigures([a, b])?.workedMinutes).toBe(540);
    expect(computeWorkFigures([a])?.workedMinutes).toBe(479);
  });

  it('counts overlapping time once (the roster forbids it; the figures do not rely on that)', () => {
    const figures = computeWorkFigures([shift(start), shift('2024-07-27T10:00:00Z', { teamName: 'Telecom' })]);
    expect(figures).toMatchObject({ shiftsWorked: 2, workedMinutes: 12 * 60 });
  });

  it("gives a night shift the day it starts, in the venue's zone", () => {
    // 22:00 to 06:00 in Paris (UTC+2 in summer): 20:00Z to 04:00Z the next day.
    const night = shift('2024-08-10T20:00:00Z');
    expect(computeWorkFigures([night])).toMatchObject({ firstDay: '2024-08-10', lastDay: '2024-08-10', workedMinutes: 480 });
  });

  it('puts local midnight on the new day and one millisecond before it on the old one, in each zone', () => {
    const parisMidnight = '2024-07-27T22:00:00Z'; // 00:00 on 28 July in Paris
    expect(computeWorkFigures([shift(parisMidnight)])?.firstDay).toBe('2024-07-28');
    const justBefore = new Date(new Date(parisMidnight).getTime() - 1).toISOString();
    expect(computeWorkFigures([shift(justBefore)])?.firstDay).toBe('2024-07-27');
    const tahitiMidnight = '2024-07-28T10:00:00Z'; // 00:00 on 28 July at Teahupo'o (UTC-10)
    const surf = { venueName: "Teahupo'o", venueTimeZone: 'Pacific/Tahiti' };
    expect(computeWorkFigures([shift(tahitiMidnight, surf)])?.firstDay).toBe('2024-07-28');
    expect(computeWorkFigures([shift(new Date(new Date(tahitiMidnight).getTime() - 1).toISOString(), surf)])?.firstDay).toBe('2024-07-27');
  });

  it('takes the first and last local days across zones, whatever order the shifts come in', () => {
    // 05:00Z is 07:00 on the 27th in Paris; 07:00Z on the 27th is 21:00 on the 26th in Tahiti, later in UTC but an earlier day.
    const paris = shift('2024-07-27T05:00:00Z');
    const tahiti = shift('2024-07-27T07:00:00Z', { venueName: "Teahupo'o", venueTimeZone: 'Pacific/Tahiti', checkedInAt: at('2024-07-27T13:00:00Z') });
    const later = shift('2024-08-03T18:00:00Z', { venueName: "Teahupo'o", venueTimeZone: 'Pacific/Tahiti' });
    for (const order of [
      [paris, tahiti, later],
      [later, tahiti, paris],
    ]) {
      expect(computeWorkFigures(order)).toMatchObject({ firstDay: '2024-07-26', lastDay: '2024-08-03', shiftsWorked: 3 });
    }
  });

  it('lists teams, venues and roles the most worked first, then by name', () => {
    const figures = computeWorkFigures([
      shift('2024-07-27T06:00:00Z', { teamName: 'Telecom', venueName: 'Arena B', roleTitle: 'Radio' }),
      shift('2024-07-28T06:00:00Z', { teamName: 'Network', venueName: 'Arena A', roleTitle: 'Radio' }),
      shift('2024-07-29T06:00:00Z', { teamName: 'Network', venueName: 'Arena C', roleTitle: 'Cabling', checkedOutAt: at('2024-07-29T07:00:00Z') }),
    ]);
    expect(figures).toMatchObject({ teams: ['Network', 'Telecom'], venues: ['Arena A', 'Arena B', 'Arena C'], roles: ['Radio', 'Cabling'] });
  });

  it('formats hours with two decimals from whole minutes', () => {
    expect([formatHours(0), formatHours(45), formatHours(480), formatHours(12_345)]).toEqual(['0.00', '0.75', '8.00', '205.75']);
  });

  it("agrees with the working-time rules' day (luxon) across a year, DST changes included", () => {
    const mismatches: string[] = [];
    for (const zone of ['Europe/Paris', 'Pacific/Tahiti', 'America/Los_Angeles', 'Asia/Kolkata']) {
      for (let hour = 0; hour < 366 * 24; hour += 11) {
        const at = new Date(Date.UTC(2024, 0, 1) + hour * 3_600_000).toISOString();
        const expected = DateTime.fromISO(at, { zone }).toISODate();
        const day = computeWorkFigures([shift(at, { venueTimeZone: zone })])?.firstDay;
        if (day !== expected) mismatches.push(`${zone} ${at}: ${day} instead of ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses an unknown time zone rather than guessing a day', () => {
    expect(() => computeWorkFigures([shift(start, { venueTimeZone: 'Mars/Olympus_Mons' })])).toThrow('Unknown time zone "Mars/Olympus_Mons"');
  });
});
