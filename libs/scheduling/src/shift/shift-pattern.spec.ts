import { BadInputError } from '@baton/core';
import { expandPattern } from './shift-pattern';

const iso = (d: Date) => d.toISOString();

describe('expandPattern', () => {
  it('keeps 07:00 local at a Paris venue across the October DST change', () => {
    const days = expandPattern({ timeZone: 'Europe/Paris', startTime: '07:00', endTime: '15:00', fromDate: '2024-10-26', toDate: '2024-10-28' });
    expect(days.map((d) => [d.localDate, iso(d.startsAt), iso(d.endsAt)])).toEqual([
      ['2024-10-26', '2024-10-26T05:00:00.000Z', '2024-10-26T13:00:00.000Z'],
      ['2024-10-27', '2024-10-27T06:00:00.000Z', '2024-10-27T14:00:00.000Z'],
      ['2024-10-28', '2024-10-28T06:00:00.000Z', '2024-10-28T14:00:00.000Z'],
    ]);
  });

  it('ends an overnight shift on the next local day, 9 hours long on the night the clocks go back', () => {
    const [night] = expandPattern({ timeZone: 'Europe/Paris', startTime: '22:00', endTime: '06:00', fromDate: '2024-10-26', toDate: '2024-10-26' });
    expect([iso(night.startsAt), iso(night.endsAt)]).toEqual(['2024-10-26T20:00:00.000Z', '2024-10-27T05:00:00.000Z']);
  });

  it("reads the times in Teahupo'o's zone (UTC-10)", () => {
    const [day] = expandPattern({ timeZone: 'Pacific/Tahiti', startTime: '07:00', endTime: '15:00', fromDate: '2024-07-27', toDate: '2024-07-27' });
    expect([iso(day.startsAt), iso(day.endsAt)]).toEqual(['2024-07-27T17:00:00.000Z', '2024-07-28T01:00:00.000Z']);
  });

  it('keeps only the chosen ISO weekdays', () => {
    // 2024-07-01 is a Monday.
    const days = expandPattern({
      timeZone: 'Europe/Paris',
      startTime: '09:00',
      endTime: '17:00',
      fromDate: '2024-07-01',
      toDate: '2024-07-14',
      weekdays: [1, 7],
    });
    expect(days.map((d) => d.localDate)).toEqual(['2024-07-01', '2024-07-07', '2024-07-08', '2024-07-14']);
  });

  it('moves a start that the spring DST change skips forward', () => {
    const [day] = expandPattern({ timeZone: 'Europe/Paris', startTime: '02:30', endTime: '10:00', fromDate: '2024-03-31', toDate: '2024-03-31' });
    expect(iso(day.startsAt)).toBe('2024-03-31T01:30:00.000Z');
  });

  it.each([
    [{ startTime: '7:00' }, 'startTime'],
    [{ endTime: '24:00' }, 'endTime'],
    [{ fromDate: '2024-02-30' }, 'fromDate'],
    [{ toDate: '2024-06-30' }, 'toDate'],
    [{ toDate: '2024-08-30' }, 'toDate'],
    [{ weekdays: [0] }, 'weekdays'],
  ])('refuses %j naming %s', (change, field) => {
    const run = () =>
      expandPattern({ timeZone: 'Europe/Paris', startTime: '07:00', endTime: '15:00', fromDate: '2024-07-01', toDate: '2024-07-02', ...change });
    expect(run).toThrow(BadInputError);
    try {
      run();
    } catch (error) {
      expect((error as BadInputError).details.fields).toEqual([expect.objectContaining({ field })]);
    }
  });

  it('accepts exactly 60 days', () => {
    expect(expandPattern({ timeZone: 'Europe/Paris', startTime: '07:00', endTime: '15:00', fromDate: '2024-07-01', toDate: '2024-08-29' })).toHaveLength(60);
  });
});
