import { BadInputError } from '@baton/core';
import { assertAvailabilityPeriod } from './availability-rules';

const at = (iso: string) => new Date(iso);

describe('assertAvailabilityPeriod', () => {
  it('accepts a forward period up to exactly 31 days', () => {
    expect(() => assertAvailabilityPeriod(at('2024-07-01T00:00:00Z'), at('2024-07-01T00:00:01Z'))).not.toThrow();
    expect(() => assertAvailabilityPeriod(at('2024-07-01T00:00:00Z'), at('2024-08-01T00:00:00Z'))).not.toThrow();
  });

  it('refuses an empty or backwards period, naming endsAt', () => {
    for (const end of ['2024-07-01T00:00:00Z', '2024-06-30T23:00:00Z']) {
      const error = (() => {
        try {
          assertAvailabilityPeriod(at('2024-07-01T00:00:00Z'), at(end));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).details.fields).toEqual([expect.objectContaining({ field: 'endsAt', constraint: 'order' })]);
    }
  });

  it('refuses a period longer than 31 days', () => {
    expect(() => assertAvailabilityPeriod(at('2024-07-01T00:00:00Z'), at('2024-08-01T00:00:01Z'))).toThrow(/at most 31 days/);
  });
});
