import { Injectable } from '@nestjs/common';
import { addIdentifier, PrivacyContext, PrivacyContribution, PrivacyContributor, PrivacySubject } from '@baton/core';
import { EntityManager } from 'typeorm';
import type { Affected, StoredRow } from '@baton/database';

/** The address an erased account keeps: unique (the unique key stays), lower case, undeliverable (RFC 2606). */
export const erasedEmail = (userId: string) => `erased-${userId}@erased.invalid`;

/**
 * Identity's part of a person's data: the account, its grants, sessions, password resets and the
 * invitations sent to them. Erasure keeps the account row (other rows point to it: who assigned,
 * who granted) but leaves nothing personal in it and no way to sign in.
 */
@Injectable()
@PrivacyContributor()
export class IdentityPrivacyContributor implements PrivacyContribution {
  readonly section = 'account';
  readonly tables = [
    { table: 'users', personal: true, note: 'kept as an anonymised, disabled row so references still resolve' },
    { table: 'role_grants', personal: true, note: 'deleted: an erased person has no access' },
    { table: 'refresh_tokens', personal: true, note: 'revoked at once, client address and agent removed' },
    { table: 'password_resets', personal: true, note: 'deleted' },
    { table: 'invitations', personal: true, note: 'email and name replaced, pending ones revoked' },
  ];

  async identify(manager: EntityManager, subject: PrivacySubject): Promise<void> {
    if (!subject.userId) return;
    const [user] = await manager.query<Array<{ email: string; display_name: string }>>(`SELECT email, display_name FROM users WHERE id = $1`, [subject.userId]);
    addIdentifier(subject.emails, user?.email);
    addIdentifier(subject.names, user?.display_name);
    const invitations = await manager.query<Array<{ email: string; display_name: string | null }>>(
      `SELECT email, display_name FROM invitations WHERE accepted_user_id = $1`,
      [subject.userId],
    );
    for (const i of invitations) {
      addIdentifier(subject.emails, i.email);
      addIdentifier(subject.names, i.display_name);
    }
  }

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    const invitations = await manager.query<StoredRow[]>(
      `SELECT id, email, display_name, role, event_id, organisation_id, venue_ids, team_ids, expires_at, accepted_at, revoked_at, created_at
         FROM invitations WHERE accepted_user_id = $1 OR email = ANY($2::text[]) ORDER BY created_at, id`,
      [subject.userId, subject.emails],
    );
    if (!subject.userId) return { invitations };
    const id = [subject.userId];
    return {
      user: (
        await manager.query<StoredRow[]>(
          `SELECT id, email, display_name, status, created_at, updated_at, last_login_at, password_changed_at FROM users WHERE id = $1`,
          id,
        )
      )[0],
      grants: await manager.query<StoredRow[]>(
        `SELECT id, role, event_id, organisation_id, venue_ids, team_ids, granted_by_id, created_at FROM role_grants WHERE user_id = $1 ORDER BY created_at, id`,
        id,
      ),
      // Session metadata only: the token hashes are secrets, not data about the person.
      sessions: await manager.query<StoredRow[]>(
        `SELECT id, family_id, created_at, expires_at, rotated_at, revoked_at, revoked_reason, user_agent, ip_address FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at, id`,
        id,
      ),
      passwordResets: await manager.query<StoredRow[]>(
        `SELECT id, created_at, expires_at, used_at FROM password_resets WHERE user_id = $1 ORDER BY created_at, id`,
        id,
      ),
      invitations,
    };
  }

  async erase({ manager, subject, now }: PrivacyContext): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    const run = async (key: string, sql: string, params: unknown[]) => {
      const [, affected] = await manager.query<Affected>(sql, params);
      counts[key] = Number(affected ?? 0);
    };
    await run(
      'invitations',
      `UPDATE invitations SET email = 'erased-' || id || '@erased.invalid', display_name = $3, revoked_at = CASE WHEN accepted_at IS NULL THEN COALESCE(revoked_at, $4) ELSE revoked_at END
        WHERE accepted_user_id = $1 OR email = ANY($2::text[])`,
      [subject.userId, subject.emails.map((e) => e.toLowerCase()), subject.alias, now],
    );
    if (!subject.userId) return counts;
    const id = subject.userId;
    await run(
      'refresh_tokens',
      `UPDATE refresh_tokens SET revoked_at = COALESCE(revoked_at, $2), revoked_reason = COALESCE(revoked_reason, 'ERASED'), user_agent = NULL, ip_address = NULL WHERE user_id = $1`,
      [id, now],
    );
    await run('password_resets', `DELETE FROM password_resets WHERE user_id = $1`, [id]);
    await run('role_grants', `DELETE FROM role_grants WHERE user_id = $1`, [id]);
    // DISABLED is what the actor loader refuses on every request: open access tokens stop at once.
    await run(
      'users',
      `UPDATE users SET email = $2, display_name = $3, password_hash = NULL, status = 'DISABLED', last_login_at = NULL, updated_at = $4 WHERE id = $1`,
      [id, erasedEmail(id), subject.alias, now],
    );
    return counts;
  }
}
