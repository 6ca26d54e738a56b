export enum GamesRecordStatus {
  /** Issued and standing. */
  VALID = 'VALID',
  /** Withdrawn by the organising committee (or on erasure), with a public reason. */
  REVOKED = 'REVOKED',
  /** Replaced by a reissued record, which has its own code. */
  SUPERSEDED = 'SUPERSEDED',
}

export function recordStatus(row: { revokedAt: Date | null; supersededAt: Date | null }): GamesRecordStatus {
  if (row.supersededAt) return GamesRecordStatus.SUPERSEDED;
  if (row.revokedAt) return GamesRecordStatus.REVOKED;
  return GamesRecordStatus.VALID;
}
