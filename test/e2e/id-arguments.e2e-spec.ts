import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@baton/auth';
import { getNamedType, GraphQLField, GraphQLInputType, GraphQLObjectType, isCompositeType, isNonNullType, isScalarType } from 'graphql';
import { tokenFor } from '../factories/users';
import { startTestApp, TestApp } from '../utils/test-app';

const isRequiredId = (type: GraphQLInputType) => isNonNullType(type) && isScalarType(type.ofType) && type.ofType.name === 'ID';

/** Root fields whose required arguments are all single IDs: each can be called with nothing but ids. */
function idOnlyFields(root: GraphQLObjectType | null | undefined): Array<{ field: GraphQLField<unknown, unknown>; ids: string[] }> {
  return Object.values(root?.getFields() ?? {}).flatMap((field) => {
    const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const ids = required.filter((a) => isRequiredId(a.type)).map((a) => a.name);
    return ids.length && ids.length === required.length ? [{ field, ids }] : [];
  });
}

/**
 * A malformed id in any argument, as a careless client or a fuzzer sends it: BAD_USER_INPUT that
 * names the argument, for every root field that takes ids, never INTERNAL and never a bare
 * "Validation failed" a client cannot place.
 */
describe('ID arguments', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, [{ role: Role.ADMIN }]);
  });
  afterAll(() => t?.close());

  it('refuses a malformed id by naming the argument, on every root field that takes ids', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const candidates = [
      ...idOnlyFields(schema.getQueryType()).map((c) => ({ ...c, op: 'query' })),
      ...idOnlyFields(schema.getMutationType()).map((c) => ({ ...c, op: 'mutation' })),
    ];
    const answers: Record<string, unknown> = {};
    for (const { field, ids, op } of candidates) {
      for (const wrong of ids) {
        const variables = Object.fromEntries(ids.map((name) => [name, name === wrong ? 'not-a-uuid' : randomUUID()]));
        const declared = ids.map((name) => `$${name}: ID!`).join(', ');
        const passed = ids.map((name) => `${name}: $${name}`).join(', ');
        const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
        const result = await t.gql.request(`${op} (${declared}) { ${field.name}(${passed})${selection} }`, variables, admin);
        const error = result.errors?.[0];
        answers[`${field.name}.${wrong}`] = { code: error?.extensions?.code, fields: error?.extensions?.fields };
      }
    }
    const expected = Object.fromEntries(
      Object.keys(answers).map((key) => [key, { code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: key.split('.')[1], constraint: 'uuid' })] }]),
    );
    expect(answers).toEqual(expected);
    // The sweep reaches the ids of every domain, not a handful.
    expect(Object.keys(answers).length).toBeGreaterThan(40);
  });

  it('names the malformed one of several ids, and accepts upper-case ids as PostgreSQL does', async () => {
    const MOVE = `mutation M($a: ID!, $s: ID!) { assign(input: { shiftId: $s, staffMemberId: $a }) { id } }`;
    const refused = await t.gql.error(MOVE, { a: randomUUID(), s: 'x' }, admin);
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'shiftId' })] });
    const user = await t.gql.request(`query U($id: ID!) { user(id: $id) { id } }`, { id: randomUUID().toUpperCase() }, admin);
    expect(user.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
