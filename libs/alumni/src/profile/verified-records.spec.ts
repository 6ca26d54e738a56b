import { GamesRecordStatus, type GamesRecordSummary, verificationCodeOf } from '@baton/credentials';
import { AlumniSection, AlumniVisibility } from '../common/alumni-enums';
import { profileAccess, ProfileViewer } from './profile-access';
import { resumeRecords, RosterGamesExperience, visibleRecords, withRecords } from './verified-records';

const record = (staffMemberId: string, extra: Partial<GamesRecordSummary> = {}): GamesRecordSummary => ({
  id: `record-${staffMemberId}`,
  staffMemberId,
  eventId: 'event',
  eventCode: 'PAR24',
  eventName: 'Paris 2024',
  organisationName: 'Orange',
  teams: ['Network'],
  venues: ['Stade de France'],
  roles: ['Network technician'],
  firstDay: '2024-07-27',
  lastDay: '2024-08-11',
  shiftsWorked: 12,
  workedMinutes: 5_700,
  hoursWorked: 95,
  issuedAt: new Date('2024-09-01T10:00:00Z'),
  code: 'AAAAAAAAAAAAAAAAAAAAAA',
  verificationUrl: 'https://baton.example/verify/AAAAAAAAAAAAAAAAAAAAAA',
  status: GamesRecordStatus.VALID,
  hidden: false,
  ...extra,
});

const experience = (staffMemberId: string): RosterGamesExperience =>
  ({ staffMemberId, eventId: 'event', eventName: 'Paris 2024', shiftsWorked: 12 }) as unknown as RosterGamesExperience;

const OWNER: ProfileViewer = { kind: 'MEMBER', userId: 'subject' };
const MEMBER: ProfileViewer = { kind: 'MEMBER', userId: 'other' };
const access = (viewer: ProfileViewer, hiddenSections: string[] = []) =>
  profileAccess(viewer, { userId: 'subject', visibility: AlumniVisibility.ALUMNI, hiddenSections, consentActive: true, blockedOrganisations: [] });

describe('verified records on a profile', () => {
  const valid = record('s1');
  const revoked = record('s2', { status: GamesRecordStatus.REVOKED });
  const hidden = record('s3', { hidden: true });
  const all = [valid, revoked, hidden];

  it('the owner sees every current record, revoked and hidden ones marked; others only valid, shown ones', () => {
    expect(visibleRecords(access(OWNER), all)).toEqual(all);
    expect(visibleRecords(access(MEMBER), all)).toEqual([valid]);
  });

  it('either the Games or the verified records section hidden: others see no record', () => {
    expect(visibleRecords(access(MEMBER, [AlumniSection.VERIFIED_RECORDS]), all)).toEqual([]);
    expect(visibleRecords(access(MEMBER, [AlumniSection.GAMES]), all)).toEqual([]);
    expect(visibleRecords(access(OWNER, [AlumniSection.GAMES, AlumniSection.VERIFIED_RECORDS]), all)).toEqual(all);
  });

  it('the CV carries valid, shown records only, whoever exports it', () => {
    expect(resumeRecords(access(OWNER), all)).toEqual([valid]);
    expect(resumeRecords(access(MEMBER), all)).toEqual([valid]);
  });

  it('joins experiences and records by staff record; a hidden record takes its experience away from others', () => {
    const experiences = ['s1', 's2', 's3', 's4'].map(experience);
    const forOwner = withRecords(access(OWNER), experiences, all);
    expect(forOwner.map((e) => [e.verified, e.verifiedRecord?.status ?? null, e.verifiedRecord?.hidden ?? null])).toEqual([
      [true, 'VALID', false],
      [false, 'REVOKED', false],
      [true, 'VALID', true],
      [false, null, null],
    ]);
    const forMember = withRecords(access(MEMBER), experiences, all);
    expect(forMember.map((e) => [e.eventName, e.verified, e.verifiedRecord?.code ?? null])).toEqual([
      ['Paris 2024', true, valid.code],
      ['Paris 2024', false, null],
      ['Paris 2024', false, null],
    ]);
    // The internal join key never reaches the GraphQL object.
    expect(forMember.every((e) => !('staffMemberId' in e))).toBe(true);
  });
});

describe('verificationCodeOf', () => {
  it('recognises verification URLs of any Baton instance, and nothing else', () => {
    expect(verificationCodeOf('https://baton.example/verify/FK-PwrIGm5Dz66-mKJVBFw')).toBe('FK-PwrIGm5Dz66-mKJVBFw');
    expect(verificationCodeOf('http://localhost:3000/verify/FK-PwrIGm5Dz66-mKJVBFw/')).toBe('FK-PwrIGm5Dz66-mKJVBFw');
    expect(verificationCodeOf('https://baton.example/verify/short')).toBeNull();
    expect(verificationCodeOf('https://baton.example/verify/FK-PwrIGm5Dz66-mKJVBFw?x=1')).toBeNull();
    expect(verificationCodeOf('https://example.org/jobs/42')).toBeNull();
    expect(verificationCodeOf(42)).toBeNull();
    expect(verificationCodeOf(undefined)).toBeNull();
  });
});
