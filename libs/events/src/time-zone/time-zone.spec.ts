import { BadInputError } from '@baton/core';
import { canonicalTimeZone, resolveTimeZone } from './time-zone';

describe('canonical time zones', () => {
  it.each([
    ['pacific/tahiti', 'Pacific/Tahiti'],
    ['EUROPE/PARIS', 'Europe/Paris'],
    ['  Europe/Paris ', 'Europe/Paris'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['US/Eastern', 'America/New_York'],
    ['America/Indianapolis', 'America/Indiana/Indianapolis'],
    ['Japan', 'Asia/Tokyo'],
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['etc/universal', 'UTC'],
    ['Zulu', 'UTC'],
    ['America/Coyhaique', 'America/Coyhaique'],
  ])('%j is stored as %s', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });

  it.each([
    'EST',
    'est',
    'MST',
    'HST',
    'CET',
    'EET',
    'WET',
    'MET',
    'PST8PDT',
    'EST5EDT',
    'CST6CDT',
    'MST7MDT',
    'GMT',
    'Etc/GMT',
    'Etc/GMT+5',
    'GMT0',
    'Greenwich',
  ])('%s is refused as not a location', (input) => {
    const result = resolveTimeZone(input);
    expect(result).toMatchObject({ ok: false, constraint: 'timeZoneLocation' });
    expect(!result.ok && result.message).toContain('not a location');
  });

  it.each([['Mars/Olympus_Mons'], ['Europe/Paris\u0000'], ['PST'], ['IST'], ['+03:00'], ['UTC+1'], [''], ['   '], [null], [42], ['Europe/' + 'x'.repeat(100)]])(
    '%j is refused as unknown',
    (input) => {
      expect(resolveTimeZone(input)).toMatchObject({ ok: false, constraint: 'timeZone' });
    },
  );

  it('names the field and the reason in a BAD_USER_INPUT', () => {
    try {
      canonicalTimeZone('EST', 'input.timeZone');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).details).toEqual({
        fields: [{ field: 'input.timeZone', constraint: 'timeZoneLocation', message: expect.stringContaining('EST is a legacy abbreviation') }],
      });
    }
  });

  it('every zone it accepts is already canonical (idempotent) and has the shape the database checks', () => {
    const shape = /^(UTC|[A-Z][A-Za-z]+(\/[A-Z][A-Za-z0-9_+-]*)+)$/;
    for (const name of Intl.supportedValuesOf('timeZone').concat(['Asia/Kolkata', 'Europe/Kyiv', 'UTC'])) {
      const result = resolveTimeZone(name);
      if (!result.ok) continue;
      expect(canonicalTimeZone(result.zone)).toBe(result.zone);
      expect(result.zone).toMatch(shape);
    }
  });
});
