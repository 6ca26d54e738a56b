import { Injectable } from '@nestjs/common';
import { PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import { GamesRecordService } from '../games-record/games-record.service';
import type { StoredRow } from '@baton/database';

/** The public reason an erased person's records carry: it says why, and names nobody. */
export const ERASURE_REVOCATION_REASON = 'Withdrawn at the holder’s request (personal data erased)';

/**
 * Verified Games records: exported whole (the holder's own credentials), revoked on erasure and
 * stripped of the name and the signed token, so verification answers REVOKED and certifies nothing.
 */
@Injectable()
@PrivacyContributor()
export class CredentialsPrivacyContributor implements PrivacyContribution {
  readonly section = 'gamesRecords';
  readonly tables = [
    { table: 'games_records', personal: true, note: 'revoked; the name and the signed token removed, the figures kept' },
    { table: 'credential_signing_keys', personal: false, note: 'the issuer’s keys' },
  ];

  constructor(private readonly records: GamesRecordService) {}

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    return {
      records: await manager.query<StoredRow[]>(
        `SELECT id, event_id, staff_member_id, code, public_url, issued_at, subject_name, event_code, event_name, organisation_name, team_names, venue_names,
                role_titles, first_day, last_day, shifts_worked, worked_minutes, credential_jwt, hidden_at, revoked_at, revocation_reason, superseded_at
           FROM games_records WHERE staff_member_id = ANY($1::uuid[]) ORDER BY issued_at, id`,
        [subject.staffMemberIds],
      ),
    };
  }

  async erase({ manager, subject, actorUserId }: PrivacyContext): Promise<Record<string, number>> {
    return { games_records: await this.records.revokeForStaff(manager, subject.staffMemberIds, ERASURE_REVOCATION_REASON, actorUserId) };
  }
}
