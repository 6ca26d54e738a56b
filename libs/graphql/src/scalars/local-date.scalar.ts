import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { echo, scalarInputError } from './scalar-error';

const SHAPE = /^(\d{4})-\d{2}-\d{2}$/;

function parse(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string') throw scalarInputError('LocalDate must be a string written YYYY-MM-DD, e.g. 2024-07-26', 'localDateType', node);
  const shape = SHAPE.exec(value);
  if (!shape) throw scalarInputError(`LocalDate must be written YYYY-MM-DD, e.g. 2024-07-26; got ${echo(value)}`, 'localDateFormat', node);
  try {
    // graphql-scalars refuses days that do not exist (2027-02-30, 2027-04-31).
    GraphQLLocalDate.parseValue(value);
  } catch {
    throw scalarInputError(`LocalDate is not a real calendar day: ${echo(value)}`, 'localDateCalendar', node);
  }
  const year = Number(shape[1]);
  if (year < 1900 || year > 9999) throw scalarInputError(`LocalDate must fall between the years 1900 and 9999; got ${echo(value)}`, 'localDateRange', node);
  return value;
}

/**
 * A calendar day with no time zone attached (`LocalDate`, as graphql-scalars names it): the
 * zone comes from context (the event or the venue), as each field's description says.
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description:
    'A calendar day without a time zone, written YYYY-MM-DD (e.g. 2024-07-26), read in the zone the field names. ' +
    'Days that do not exist and years outside 1900–9999 are refused (BAD_USER_INPUT).',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  serialize(value) {
    if (typeof value !== 'string' || !SHAPE.test(value)) throw new TypeError(`LocalDate cannot serialize ${echo(value)}`);
    return value;
  },
  parseValue: (value) => parse(value),
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw scalarInputError('LocalDate must be a string written YYYY-MM-DD, e.g. 2024-07-26', 'localDateType', node);
    return parse(node.value, node);
  },
  extensions: { jsonSchema: { type: 'string', format: 'date' } },
});
