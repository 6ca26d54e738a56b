import { buildSchema, parse, validate } from 'graphql';
import { singletonFieldsRule } from './singleton-fields.rule';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Mutation { login(email: String): String other: String }
`);
const check = (source: string) => validate(schema, parse(source), [singletonFieldsRule(['login'])]).map((e) => e.message);

describe('singletonFieldsRule', () => {
  it('accepts one login and any number of other fields', () => {
    expect(check('mutation { login(email: "a") a: other b: other }')).toEqual([]);
  });

  it('refuses aliases of the same expensive mutation', () => {
    expect(check('mutation { a: login(email: "a") b: login(email: "b") c: login(email: "c") }')).toEqual(['"login" may appear only once per request']);
  });

  it('sees through fragments', () => {
    expect(check('mutation { ...F login(email: "b") } fragment F on Mutation { login(email: "a") }')).toHaveLength(1);
  });
});
