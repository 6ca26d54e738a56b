import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { echo, scalarInputError } from './scalar-error';

/** Instants outside these years are typing mistakes here (a Games roster), not data. */
export const DATE_TIME_MIN = new Date('1900-01-01T00:00:00.000Z');
export const DATE_TIME_MAX = new Date('9999-12-31T23:59:59.999Z');

const EXAMPLE = 'e.g. 2027-01-05T10:00:00+01:00 or 2027-01-05T09:00:00Z';
const SHAPE = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function parse(value: unknown, node?: ValueNode): Date {
  if (typeof value !== 'string') {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
    throw scalarInputError(`DateTime must be a string in RFC 3339 form (${EXAMPLE}), not ${kind}`, 'dateTimeType', node);
  }
  const shape = SHAPE.exec(value);
  if (!shape) {
    throw scalarInputError(`DateTime must be an RFC 3339 date-time with a UTC offset or Z (${EXAMPLE}); got ${echo(value)}`, 'dateTimeFormat', node);
  }
  // RFC 3339 allows :60, but PostgreSQL and JavaScript cannot hold a leap second and none is
  // scheduled before 2035: refusing it is clearer than silently moving it to the next minute.
  if (shape[1] === '60') throw scalarInputError(`DateTime does not accept leap seconds (:60); got ${echo(value)}`, 'leapSecond', node);
  let date: Date;
  try {
    // graphql-scalars checks the calendar (30 April, 29 February only in leap years, hours, offsets).
    date = GraphQLDateTime.parseValue(value) as Date;
  } catch {
    throw scalarInputError(`DateTime is not a real date and time: ${echo(value)}`, 'dateTimeCalendar', node);
  }
  if (Number.isNaN(date.getTime()) || date < DATE_TIME_MIN || date > DATE_TIME_MAX) {
    throw scalarInputError(`DateTime must fall between the years 1900 and 9999 (UTC); got ${echo(value)}`, 'dateTimeRange', node);
  }
  return date;
}

/**
 * The `DateTime` every time input and output uses (the name Nest's built-in scalar had, so
 * clients keep working). Nest's version called `new Date(value)`: it took booleans, numbers,
 * local times without an offset and impossible dates, rolling 30 February into March.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant, written as an RFC 3339 date-time with a UTC offset or Z, e.g. 2027-01-05T10:00:00+01:00. ' +
    'Inputs without an offset, impossible dates, leap seconds (:60) and years outside 1900–9999 are refused (BAD_USER_INPUT); ' +
    'fractions of a second beyond milliseconds are dropped. Outputs are always UTC with milliseconds, e.g. 2027-01-05T09:00:00.000Z.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
    if (!date || Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot serialize ${echo(value)}`);
    return date.toISOString();
  },
  parseValue: (value) => parse(value),
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw scalarInputError(`DateTime must be a string in RFC 3339 form (${EXAMPLE})`, 'dateTimeType', node);
    return parse(node.value, node);
  },
  extensions: { jsonSchema: { type: 'string', format: 'date-time' } },
});
