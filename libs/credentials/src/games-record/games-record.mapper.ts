import { verificationUrl } from './credential-builder';
import { GamesRecordObject } from './dto/games-record.object';
import { GamesRecordEntity } from './games-record.entity';
import { recordStatus } from './games-record-status';
import { formatHours } from './work-figures';

/** A row with its signing key's kid and its successor's code (see GamesRecordQueries.withLinks). */
export type LinkedRecord = GamesRecordEntity & { key?: { kid: string }; supersededBy?: { code: string } };

/** Explicit mapping: the subject and the admins see the same fields; nothing internal beyond them. */
export function toGamesRecordObject(row: LinkedRecord, publicUrl: string): GamesRecordObject {
  return {
    id: row.id,
    code: row.code,
    verificationUrl: verificationUrl(publicUrl, row.code),
    status: recordStatus(row),
    eventId: row.eventId,
    eventCode: row.eventCode,
    eventName: row.eventName,
    staffMemberId: row.staffMemberId,
    subjectName: row.subjectName,
    organisationName: row.organisationName,
    teams: row.teamNames,
    venues: row.venueNames,
    roles: row.roleTitles,
    firstDay: row.firstDay,
    lastDay: row.lastDay,
    shiftsWorked: row.shiftsWorked,
    workedMinutes: row.workedMinutes,
    hoursWorked: Number(formatHours(row.workedMinutes)),
    issuedAt: row.issuedAt,
    keyId: row.key?.kid ?? '',
    credentialJwt: row.credentialJwt,
    hidden: row.hiddenAt !== null,
    revokedAt: row.revokedAt,
    revocationReason: row.revocationReason,
    supersededAt: row.supersededAt,
    supersededByCode: row.supersededBy?.code ?? null,
  };
}
