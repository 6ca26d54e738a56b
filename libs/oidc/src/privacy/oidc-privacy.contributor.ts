import { Injectable } from '@nestjs/common';
import { PrivacyContext, PrivacyContribution, PrivacyContributor } from '@baton/core';
import type { Affected, StoredRow } from '@baton/database';

/** Partner sign-in: the links between a person and their company's identity provider. */
@Injectable()
@PrivacyContributor()
export class OidcPrivacyContributor implements PrivacyContribution {
  readonly section = 'partnerSignIn';
  readonly tables = [
    {
      table: 'oidc_identities',
      personal: true,
      note: 'the person’s provider identities (issuer, subject, email): deleted, so the provider cannot sign them back in',
    },
    { table: 'oidc_providers', personal: false, note: 'an organisation’s provider configuration' },
    { table: 'oidc_sign_in_requests', personal: false, note: 'started sign-ins: a state hash, an encrypted PKCE verifier and a nonce, no person' },
  ];

  async exportData({ manager, subject }: PrivacyContext): Promise<Record<string, unknown>> {
    if (!subject.userId) return { identities: [] };
    return {
      identities: await manager.query<StoredRow[]>(
        `SELECT issuer, subject, organisation_id, email, last_sign_in_at, created_at FROM oidc_identities WHERE user_id = $1 ORDER BY created_at`,
        [subject.userId],
      ),
    };
  }

  async erase({ manager, subject }: PrivacyContext): Promise<Record<string, number>> {
    if (!subject.userId) return { identities: 0 };
    const [, n] = await manager.query<Affected>(`DELETE FROM oidc_identities WHERE user_id = $1`, [subject.userId]);
    return { identities: Number(n ?? 0) };
  }
}
