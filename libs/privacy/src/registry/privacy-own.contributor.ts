import { Injectable } from '@nestjs/common';
import { ERASED_MARK, identifierPatterns, PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/** The privacy lib's own tables: erasure requests (kept as proof, scrubbed) and retention notices (ids and times). */
@Injectable()
@PrivacyContributor()
export class PrivacyOwnContributor implements PrivacyContribution {
  readonly section = 'privacy';
  readonly tables = [
    { table: 'privacy_erasure_requests', personal: true, note: 'kept as proof of the erasure; identifiers cut out of the reason' },
    { table: 'privacy_retention_notices', personal: false, note: 'ids and times: when a record was warned and erased' },
  ];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    return {
      erasureRequests: await manager.query<StoredRow[]>(
        `SELECT id, status, requested_at, executed_at FROM privacy_erasure_requests WHERE user_id = $1 ORDER BY requested_at, id`,
        [subject.userId],
      ),
      retentionNotices: await manager.query<StoredRow[]>(
        `SELECT staff_member_id, notified_at, erased_at FROM privacy_retention_notices WHERE staff_member_id = ANY($1::uuid[]) ORDER BY staff_member_id`,
        [subject.staffMemberIds],
      ),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    let n = 0;
    for (const pattern of identifierPatterns(subject)) {
      const [, affected] = await manager.query<Affected>(
        `UPDATE privacy_erasure_requests SET reason = regexp_replace(reason, $1, $2, 'gi') WHERE reason ~* $1`,
        [pattern, ERASED_MARK],
      );
      n += Number(affected ?? 0);
    }
    return { erasure_request_reasons: n };
  }
}
