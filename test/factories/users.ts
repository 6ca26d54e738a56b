import { Role } from '@baton/auth';
import { PasswordHasher, RoleGrantEntity, UserEntity, UserStatus } from '@baton/identity';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from '../utils/test-app';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: Promise<string> | undefined;

export interface UserFixture {
  id: string;
  email: string;
  password: string;
}

/** A user with grants, straight into the database (one argon2 hash per test run, shared). */
export async function createUser(
  dataSource: DataSource,
  grants: Array<{ role: Role; eventId?: string; organisationId?: string; venueIds?: string[]; teamIds?: string[] }> = [],
  overrides: Partial<{ email: string; status: UserStatus; displayName: string }> = {},
): Promise<UserFixture> {
  cachedHash ??= new PasswordHasher().hash(TEST_PASSWORD);
  const email = overrides.email ?? `user-${randomBytes(4).toString('hex')}@test.baton`;
  const user = await dataSource.getRepository(UserEntity).save({
    email,
    displayName: overrides.displayName ?? email.split('@')[0],
    passwordHash: await cachedHash,
    status: overrides.status ?? UserStatus.ACTIVE,
  });
  for (const grant of grants) {
    await dataSource.getRepository(RoleGrantEntity).insert({
      userId: user.id,
      role: grant.role,
      eventId: grant.eventId ?? null,
      organisationId: grant.organisationId ?? null,
      venueIds: grant.venueIds ?? [],
      teamIds: grant.teamIds ?? [],
    });
  }
  return { id: user.id, email, password: TEST_PASSWORD };
}

/** Signs in through the API and returns the access token. */
export async function signIn(t: TestApp, user: { email: string }): Promise<string> {
  const login = await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`);
  return login.login.accessToken;
}

/** Signs in a new user holding these grants and returns the access token. */
export async function tokenFor(t: TestApp, grants: Parameters<typeof createUser>[1]): Promise<string> {
  return signIn(t, await createUser(t.dataSource, grants));
}
