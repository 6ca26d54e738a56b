import { ShiftEntity, ShiftStatus } from '@baton/scheduling';
import { SkillEntity } from '@baton/skills';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestApp } from '../utils/test-app';
import { createOrganisation } from './events';
import { createUser, TEST_PASSWORD } from './users';

const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase();

/** A shift straight into the database (default: tomorrow-ish in 2024, 8 hours, 2 places, draft). */
export async function createShift(
  dataSource: DataSource,
  place: { eventId: string; venueId: string; teamId: string },
  overrides: Partial<ShiftEntity> = {},
): Promise<ShiftEntity> {
  return dataSource.getRepository(ShiftEntity).save({
    ...place,
    roleTitle: 'Results operator',
    startsAt: new Date('2024-07-27T06:00:00Z'),
    endsAt: new Date('2024-07-27T14:00:00Z'),
    headcount: 2,
    status: ShiftStatus.DRAFT,
    notes: null,
    createdById: null,
    ...overrides,
  });
}

export async function createSkill(dataSource: DataSource, overrides: Partial<SkillEntity> = {}): Promise<SkillEntity> {
  return dataSource.getRepository(SkillEntity).save({ code: `SK_${hex(3)}`, name: 'Timing systems', category: 'Timing', ...overrides });
}

/**
 * A staff member assigned to a shift, in plain SQL (the rostering lib owns assignments): the
 * database's triggers copy the shift's times and keep the shift's assigned count.
 */
export async function assignToShift(dataSource: DataSource, shift: { id: string; eventId: string }, staffMemberId?: string): Promise<string> {
  let id = staffMemberId;
  if (!id) {
    const organisation = await createOrganisation(dataSource);
    const [row] = await dataSource.query(
      `INSERT INTO staff_members (event_id, organisation_id, display_name, employment_type) VALUES ($1, $2, $3, 'EMPLOYEE') RETURNING id`,
      [shift.eventId, organisation.id, `Staff ${hex(2)}`],
    );
    id = row.id as string;
  }
  await dataSource.query(
    `INSERT INTO assignments (event_id, shift_id, staff_member_id, starts_at, ends_at, source) VALUES ($1, $2, $3, now(), now(), 'MANUAL')`,
    [shift.eventId, shift.id, id],
  );
  return id;
}

/** Signs in a new user holding these grants and returns the access token. */
export async function tokenFor(t: TestApp, grants: Parameters<typeof createUser>[1]): Promise<string> {
  const user = await createUser(t.dataSource, grants);
  const login = await t.gql.ok(`mutation { login(input: { email: "${user.email}", password: "${TEST_PASSWORD}" }) { accessToken } }`);
  return login.login.accessToken;
}
