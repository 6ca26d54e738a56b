import { buildSchema, GraphQLError, OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import { DateTimeScalar } from '../scalars/date-time.scalar';
import { inputPathOf, inputValuesRule } from './input-values.rule';
import { variableProblems } from './variable-problems';

const schema = buildSchema(`
  scalar DateTime
  input Skill { skillId: ID! level: Int! }
  input CreateInput { name: String! at: DateTime tags: [String!] skills: [Skill!] }
  type Query { find(search: String, first: Int, input: CreateInput): Boolean }
`);
Object.assign(schema.getType('DateTime')!, {
  parseValue: DateTimeScalar.parseValue,
  parseLiteral: DateTimeScalar.parseLiteral,
});

const operationOf = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
const problems = (source: string, variables: Record<string, unknown>) => variableProblems(schema, operationOf(source), variables, true);

describe('variableProblems', () => {
  const QUERY = 'query Q($input: CreateInput, $s: String, $n: Int!) { find(input: $input, search: $s, first: $n) }';

  it('names each problem by its variable path, without the input wrapper', () => {
    expect(
      problems(QUERY, {
        n: 'ten',
        input: { name: 'x', at: '2027-02-30T10:00:00Z', tags: ['a', 'b\u0000'], skills: [{ skillId: 'a', level: 'high' }, { level: 1 }], extra: 1 },
      }),
    ).toEqual([
      { field: 'at', message: expect.stringContaining('not a real date'), constraint: 'dateTimeCalendar' },
      { field: 'skills.0.level', message: expect.stringContaining('Int cannot represent'), constraint: 'type' },
      { field: 'skills.1.skillId', message: expect.stringContaining('was not provided'), constraint: 'required' },
      { field: 'extra', message: expect.stringContaining('is not defined'), constraint: 'unknownField' },
      { field: 'n', message: expect.stringContaining('Int cannot represent'), constraint: 'type' },
      { field: 'tags.1', message: expect.stringContaining('NUL'), constraint: 'noNulCharacter' },
    ]);
  });

  it('reports missing and null required variables, and nothing for good ones', () => {
    expect(problems(QUERY, {})).toEqual([expect.objectContaining({ field: 'n', constraint: 'required' })]);
    expect(problems(QUERY, { n: null })).toEqual([expect.objectContaining({ field: 'n', constraint: 'nonNull' })]);
    expect(problems(QUERY, { n: 3, s: 'Zoë 😀', input: { name: 'ok', at: '2027-01-05T10:00:00+01:00' } })).toEqual([]);
  });

  it('checks every string the client sent as text, even where the type is not a string', () => {
    expect(problems(QUERY, { n: 1, s: 'a\ud800b' })).toEqual([expect.objectContaining({ field: 's', constraint: 'wellFormedUnicode' })]);
    expect(problems(QUERY, { n: '\udc00' })).toEqual([
      expect.objectContaining({ field: 'n', constraint: 'type' }),
      expect.objectContaining({ field: 'n', constraint: 'wellFormedUnicode' }),
    ]);
  });
});

describe('inputValuesRule', () => {
  const check = (source: string) => {
    const document = parse(source);
    return validate(schema, document, [...specifiedRules, inputValuesRule]);
  };

  it('remembers the argument path of inline values, so a scalar refusal can name it', () => {
    const errors = check('{ find(input: { name: "x", skills: [{ skillId: "a", level: 1 }, { skillId: "b", level: "two" }], at: "nope" }) }');
    expect(errors.map((e: GraphQLError) => inputPathOf(e.nodes?.[0]))).toEqual(['skills.1.level', 'at']);
  });

  it('refuses NUL in inline strings, however deep', () => {
    const errors = check('{ find(search: "a\\u0000", input: { name: "ok", tags: ["x", "y\\u0000"] }) }');
    expect(errors.map((e) => [inputPathOf(e.nodes?.[0]), e.extensions.constraint])).toEqual([
      ['search', 'noNulCharacter'],
      ['tags.1', 'noNulCharacter'],
    ]);
  });

  it('refuses an inline page larger than any Baton serves, naming it; 200 and a variable pass', () => {
    const errors = check('{ a: find(first: 201) b: find(first: 200) }');
    expect(errors.map((e) => [inputPathOf(e.nodes?.[0]), e.message, e.extensions.constraint])).toEqual([
      ['first', 'first must not be greater than 200', 'max'],
    ]);
    expect(check('query($n: Int) { find(first: $n) }')).toEqual([]);
  });
});
