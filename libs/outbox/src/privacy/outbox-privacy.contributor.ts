import { Injectable } from '@nestjs/common';
import { ERASED_MARK, identifierPatterns, PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/**
 * Messages sent to the person are exported, then emptied (one still waiting is never sent);
 * messages to others that mention the person lose the mention. The rows stay: delivery counts.
 * Runs with the trails, after the other contributions, so it also catches what they sent.
 */
@Injectable()
@PrivacyContributor()
export class OutboxPrivacyContributor implements PrivacyContribution {
  readonly section = 'messages';
  readonly erasureOrder = 100;
  readonly tables = [{ table: 'outbox_messages', personal: true, note: 'kept as rows; recipient, subject, body and payload of the person’s messages emptied' }];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    return {
      sentToMe: await manager.query<StoredRow[]>(
        `SELECT id, channel, recipient, template, subject, body, payload, status, created_at, sent_at FROM outbox_messages
          WHERE lower(recipient) = ANY($1::text[]) ORDER BY created_at, id`,
        [subject.emails.map((e) => e.toLowerCase())],
      ),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    const [, own] = await manager.query<Affected>(
      `UPDATE outbox_messages SET recipient = 'erased-' || id || '@erased.invalid', subject = $2, body = $2, payload = '{}'::jsonb,
              status = CASE WHEN status = 'PENDING' THEN 'FAILED'::outbox_status ELSE status END,
              last_error = CASE WHEN status = 'PENDING' THEN 'Not sent: the recipient’s personal data was erased' ELSE NULL END
        WHERE lower(recipient) = ANY($1::text[])`,
      [subject.emails.map((e) => e.toLowerCase()), ERASED_MARK],
    );
    let mentions = 0;
    for (const pattern of identifierPatterns(subject)) {
      const [, n] = await manager.query<Affected>(
        `UPDATE outbox_messages SET subject = regexp_replace(subject, $1, $2, 'gi'), body = regexp_replace(body, $1, $2, 'gi'),
                payload = regexp_replace(payload::text, $1, $2, 'gi')::jsonb, last_error = regexp_replace(last_error, $1, $2, 'gi')
          WHERE subject ~* $1 OR body ~* $1 OR payload::text ~* $1 OR last_error ~* $1`,
        [pattern, ERASED_MARK],
      );
      mentions += Number(n ?? 0);
    }
    return { outbox_messages_own: Number(own ?? 0), outbox_messages_mentions: mentions };
  }
}
