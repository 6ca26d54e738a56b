import { GamesRecordStatus, type GamesRecordSummary } from '@baton/credentials';
import { AlumniSection } from '../common/alumni-enums';
import { AlumniGamesExperienceObject, AlumniVerifiedRecordObject } from './dto/profile.object';
import { ProfileAccess } from './profile-access';

/**
 * Which of a profile's signed records this viewer is shown. The owner sees all current ones,
 * revoked and hidden included (marked), so they can show a hidden one again; anyone else sees
 * only valid, non-hidden records, and only when both the Games and the verified records
 * sections are shown to them.
 */
export function visibleRecords(access: ProfileAccess, records: readonly GamesRecordSummary[]): GamesRecordSummary[] {
  if (access.owner) return [...records];
  if (!access.sections.has(AlumniSection.GAMES) || !access.sections.has(AlumniSection.VERIFIED_RECORDS)) return [];
  return records.filter((r) => r.status === GamesRecordStatus.VALID && !r.hidden);
}

/** What goes on a CV (JSON Resume): valid, not hidden, whoever exports it (the owner hid it from the CV too). */
export function resumeRecords(access: ProfileAccess, records: readonly GamesRecordSummary[]): GamesRecordSummary[] {
  return visibleRecords(access, records).filter((r) => r.status === GamesRecordStatus.VALID && !r.hidden);
}

export const toVerifiedRecordObject = (r: GamesRecordSummary): AlumniVerifiedRecordObject => ({
  id: r.id,
  code: r.code,
  verificationUrl: r.verificationUrl,
  status: r.status,
  valid: r.status === GamesRecordStatus.VALID,
  hidden: r.hidden,
  issuedAt: r.issuedAt,
  shiftsWorked: r.shiftsWorked,
  hoursWorked: r.hoursWorked,
});

/** A Games experience as the roster copy has it, before its record is joined. */
export type RosterGamesExperience = Omit<AlumniGamesExperienceObject, 'verified' | 'verifiedRecord'> & { staffMemberId: string };

/**
 * Joins the roster copy with the signed records by staff record. For others, an experience whose
 * record the person hid is left out altogether: hiding a record hides that Games from them.
 */
export function withRecords(
  access: ProfileAccess,
  experiences: readonly RosterGamesExperience[],
  allRecords: readonly GamesRecordSummary[],
): AlumniGamesExperienceObject[] {
  const shown = new Map(visibleRecords(access, allRecords).map((r) => [r.staffMemberId, r]));
  const hiddenByOwner = new Set(allRecords.filter((r) => r.hidden).map((r) => r.staffMemberId));
  return experiences
    .filter((e) => access.owner || !hiddenByOwner.has(e.staffMemberId))
    .map(({ staffMemberId, ...e }) => {
      const record = shown.get(staffMemberId);
      return { ...e, verified: record?.status === GamesRecordStatus.VALID, verifiedRecord: record ? toVerifiedRecordObject(record) : null };
    });
}
