import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../utils/test-app';

const SCHEMA_FILE = join(__dirname, '..', '..', 'apps', 'api', 'schema.gql');

/**
 * apps/api/schema.gql is the reviewed contract with clients. It is generated from the code;
 * this test fails when the code changed the schema and the file was not regenerated
 * (`npm run schema:update`), so every API change shows up in a diff.
 */
describe('GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('matches the committed apps/api/schema.gql', () => {
    const printed = `${printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed);
    expect(existsSync(SCHEMA_FILE)).toBe(true);
    expect(printed).toEqual(readFileSync(SCHEMA_FILE, 'utf8'));
  });
});
