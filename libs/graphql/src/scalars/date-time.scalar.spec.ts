import { GraphQLError, parseValue } from 'graphql';
import { DateTimeScalar } from './date-time.scalar';
import { LocalDateScalar } from './local-date.scalar';

const constraintOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.constraint as string;
  }
  throw new Error('expected a refusal');
};

describe('DateTime scalar', () => {
  it('reads an RFC 3339 date-time with its offset as the instant it names', () => {
    expect(DateTimeScalar.parseValue('2027-01-05T10:00:00+01:00').toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(DateTimeScalar.parseValue('2027-01-05T10:00:00Z').toISOString()).toBe('2027-01-05T10:00:00.000Z');
    expect(DateTimeScalar.parseValue('2027-01-05t10:00:00z').toISOString()).toBe('2027-01-05T10:00:00.000Z');
    expect(DateTimeScalar.parseValue('2028-02-29T23:30:00-05:30').toISOString()).toBe('2028-03-01T05:00:00.000Z');
    // Microseconds (Python, PostgreSQL clients) are accepted; JavaScript keeps milliseconds.
    expect(DateTimeScalar.parseValue('2027-01-05T10:00:00.123456Z').toISOString()).toBe('2027-01-05T10:00:00.123Z');
    expect(DateTimeScalar.parseLiteral(parseValue('"2027-01-05T10:00:00Z"')).toISOString()).toBe('2027-01-05T10:00:00.000Z');
  });

  it.each([
    ['true', true, 'dateTimeType'],
    ['false', false, 'dateTimeType'],
    ['Unix seconds', 1_800_000_000, 'dateTimeType'],
    ['an array', ['2027-01-05T10:00:00Z'], 'dateTimeType'],
    ['an object', { at: '2027-01-05T10:00:00Z' }, 'dateTimeType'],
    ['a local time without an offset', '2027-01-05T10:00', 'dateTimeFormat'],
    ['a local time with seconds but no offset', '2027-01-05T10:00:00', 'dateTimeFormat'],
    ['a US date', '01/05/2027 10:00', 'dateTimeFormat'],
    ['a date alone', '2027-01-05', 'dateTimeFormat'],
    ['a space for the T', '2027-01-05 10:00:00Z', 'dateTimeFormat'],
    ['an expanded year', '+275760-09-13T00:00:00Z', 'dateTimeFormat'],
    ['garbage', 'garbage', 'dateTimeFormat'],
    ['an empty string', '', 'dateTimeFormat'],
    ['30 February', '2027-02-30T10:00:00Z', 'dateTimeCalendar'],
    ['31 April', '2027-04-31T10:00:00Z', 'dateTimeCalendar'],
    ['29 February of a common year', '2027-02-29T10:00:00Z', 'dateTimeCalendar'],
    ['hour 24', '2027-01-05T24:00:00Z', 'dateTimeCalendar'],
    ['minute 60', '2027-01-05T10:60:00Z', 'dateTimeCalendar'],
    ['an offset of 24 hours', '2027-01-05T10:00:00+24:00', 'dateTimeCalendar'],
    ['a leap second', '2016-12-31T23:59:60Z', 'leapSecond'],
    ['year 1899', '1899-12-31T23:59:59Z', 'dateTimeRange'],
    ['year 0000', '0000-01-01T00:00:00Z', 'dateTimeRange'],
    ['a local time that is 1899 in UTC', '1900-01-01T00:30:00+01:00', 'dateTimeRange'],
    ['a local time that is year 10000 in UTC', '9999-12-31T23:30:00-01:00', 'dateTimeRange'],
  ])('refuses %s', (_, value, constraint) => {
    expect(constraintOf(() => DateTimeScalar.parseValue(value))).toBe(constraint);
  });

  it('refuses non-string literals and names the node', () => {
    expect(constraintOf(() => DateTimeScalar.parseLiteral(parseValue('1800000000')))).toBe('dateTimeType');
    expect(constraintOf(() => DateTimeScalar.parseLiteral(parseValue('true')))).toBe('dateTimeType');
    const node = parseValue('"nope"');
    expect(() => DateTimeScalar.parseLiteral(node)).toThrow(expect.objectContaining({ nodes: [node] }));
  });

  it('keeps the echo of a refused value short', () => {
    expect(() => DateTimeScalar.parseValue('x'.repeat(100_000))).toThrow(expect.objectContaining({ message: expect.stringMatching(/^.{20,200}$/) }));
  });

  it('writes instants in UTC with milliseconds and a Z', () => {
    expect(DateTimeScalar.serialize(new Date('2027-01-05T10:00:00+01:00'))).toBe('2027-01-05T09:00:00.000Z');
    expect(() => DateTimeScalar.serialize(new Date('nope'))).toThrow();
  });
});

describe('LocalDate scalar', () => {
  it('accepts real calendar days', () => {
    expect(LocalDateScalar.parseValue('2024-07-26')).toBe('2024-07-26');
    expect(LocalDateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
  });

  it.each([
    ['a number', 20240726, 'localDateType'],
    ['a boolean', true, 'localDateType'],
    ['a date-time', '2024-07-26T00:00:00Z', 'localDateFormat'],
    ['a US date', '07/26/2024', 'localDateFormat'],
    ['an unpadded day', '2024-7-26', 'localDateFormat'],
    ['30 February', '2027-02-30', 'localDateCalendar'],
    ['31 April', '2027-04-31', 'localDateCalendar'],
    ['month 13', '2027-13-01', 'localDateCalendar'],
    ['year 0000', '0000-01-01', 'localDateRange'],
    ['year 1899', '1899-12-31', 'localDateRange'],
  ])('refuses %s', (_, value, constraint) => {
    expect(constraintOf(() => LocalDateScalar.parseValue(value))).toBe(constraint);
  });
});
