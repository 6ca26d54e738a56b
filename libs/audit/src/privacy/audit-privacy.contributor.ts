import { Injectable } from '@nestjs/common';
import { ERASED_MARK, identifierPatterns, PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/**
 * The audit trail keeps that something happened, who acted and when (ids), but no personal data:
 * the recorded states of the person's own rows are replaced by a marker, and the person's name,
 * email or phone is cut out of every other entry (a coordinator's change that mentioned them).
 * Runs after the other contributions, so it also scrubs what they recorded during the erasure.
 */
@Injectable()
@PrivacyContributor()
export class AuditPrivacyContributor implements PrivacyContribution {
  readonly section = 'audit';
  readonly erasureOrder = 100;
  readonly tables = [{ table: 'audit_entries', personal: true, note: 'kept (ids, actions, times); the person’s states replaced, their identifiers cut out' }];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    return {
      aboutMe: await manager.query<StoredRow[]>(
        `SELECT id, occurred_at, actor_user_id, action, entity_type, entity_id, event_id, before, after, reason FROM audit_entries
          WHERE entity_id = ANY($1::uuid[]) ORDER BY occurred_at, id`,
        [this.ids(subject)],
      ),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    const [, own] = await manager.query<Affected>(
      `UPDATE audit_entries SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                                after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END, reason = NULL
        WHERE entity_id = ANY($1::uuid[]) AND action NOT LIKE '%.erased'`,
      [this.ids(subject)],
    );
    let mentions = 0;
    for (const pattern of identifierPatterns(subject)) {
      const [, n] = await manager.query<Affected>(
        `UPDATE audit_entries SET before = regexp_replace(before::text, $1, $2, 'gi')::jsonb, after = regexp_replace(after::text, $1, $2, 'gi')::jsonb,
                reason = regexp_replace(reason, $1, $2, 'gi')
          WHERE before::text ~* $1 OR after::text ~* $1 OR reason ~* $1`,
        [pattern, ERASED_MARK],
      );
      mentions += Number(n ?? 0);
    }
    return { audit_entries_own: Number(own ?? 0), audit_entries_mentions: mentions };
  }

  private ids(subject: PrivacyContext['subject']): string[] {
    return [...(subject.userId ? [subject.userId] : []), ...subject.staffMemberIds];
  }
}
