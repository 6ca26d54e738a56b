import { AlumniConsentEntity, AlumniConsentTextEntity, AlumniProfileEntity, AlumniVisibility, ConsentPurpose, GamesSnapshotService } from '@baton/alumni';
import { Role } from '@baton/auth';
import { DataSource } from 'typeorm';
import { TestApp } from '../utils/test-app';
import { createUser, TEST_PASSWORD, UserFixture } from './users';

/** The current consent text, published straight into the database when there is none. */
export async function consentText(dataSource: DataSource): Promise<AlumniConsentTextEntity> {
  const repository = dataSource.getRepository(AlumniConsentTextEntity);
  const latest = await repository.findOne({ where: { purpose: ConsentPurpose.ALUMNI_NETWORK }, order: { version: 'DESC' } });
  return latest ?? repository.save({ purpose: ConsentPurpose.ALUMNI_NETWORK, version: 1, title: 'Alumni network', body: 'I agree to be listed.' });
}

export interface MemberFixture extends UserFixture {
  token: string;
}

/**
 * A member of the network straight into the database: account with ALUMNUS, active consent,
 * profile. The join flow itself is tested in alumni-consent.e2e-spec.ts.
 */
export async function createMember(
  t: TestApp,
  profile: Partial<AlumniProfileEntity> = {},
  options: { displayName?: string; grants?: Parameters<typeof createUser>[1] } = {},
): Promise<MemberFixture> {
  const user = await createUser(t.dataSource, [{ role: Role.ALUMNUS }, ...(options.grants ?? [])], { displayName: options.displayName });
  const text = await consentText(t.dataSource);
  await t.dataSource
    .getRepository(AlumniConsentEntity)
    .insert({ userId: user.id, consentTextId: text.id, purpose: ConsentPurpose.ALUMNI_NETWORK, givenAt: t.clock.now(), withdrawnAt: null });
  await t.dataSource.getRepository(AlumniProfileEntity).insert({
    userId: user.id,
    displayName: options.displayName ?? user.email.split('@')[0],
    visibility: AlumniVisibility.ALUMNI,
    ...profile,
  });
  return { ...user, token: await login(t, user.email) };
}

export async function login(t: TestApp, email: string, password = TEST_PASSWORD): Promise<string> {
  const result = await t.gql.ok(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`, { e: email, p: password });
  return result.login.accessToken;
}

/** An active, attended (or not) assignment straight into the database; the triggers copy the shift's times. */
export async function attend(
  dataSource: DataSource,
  shift: { id: string; eventId: string; startsAt: Date },
  staffMemberId: string,
  options: { checkedIn?: boolean; status?: 'ASSIGNED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED' } = {},
): Promise<void> {
  const checkedIn = options.checkedIn ?? true;
  await dataSource.query(
    `INSERT INTO assignments (event_id, shift_id, staff_member_id, starts_at, ends_at, status, source, checked_in_at)
     VALUES ($1, $2, $3, now(), now(), $4, 'MANUAL', $5)`,
    [shift.eventId, shift.id, staffMemberId, options.status ?? 'CONFIRMED', checkedIn ? shift.startsAt : null],
  );
}

/** Copies the roster into these members' profiles, as joining does. */
export async function refreshGames(t: TestApp, userIds: string[]): Promise<void> {
  await t.app.get(GamesSnapshotService).refresh(t.dataSource.manager, userIds);
}

export const PROFILE_FIELDS = `userId displayName headline openToWork isMine visibility hiddenSections summary
  location { city country countryName } desiredRoles createdAt updatedAt
  skills { id skillId code name level endorsementCount }
  languages { code name level }
  experiences { id title organisation location url startMonth endMonth description }
  education { id institution area studyType startMonth endMonth }
  links { id label url }
  gamesExperiences { eventId eventCode eventName organisationName teamCode teamName roleTitles shiftsWorked hoursWorked venues { code name shifts } teams { code name shifts }
    verified verifiedRecord { id code verificationUrl status valid hidden issuedAt shiftsWorked hoursWorked } }`;
