import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { BadInputError, NotFoundError } from '@baton/core';
import { EnvelopeCipher } from '@baton/crypto';
import { TransactionRunner } from '@baton/database';
import { OrganisationEntity } from '@baton/organisations';
import { DataSource } from 'typeorm';
import { ConfigureOrganisationSignInInput, OidcProviderObject } from './dto/oidc-provider.dto';
import { OidcProviderEntity } from './oidc-provider.entity';

/** The envelope of a client secret opens only for its own organisation's row. */
export const secretContext = (organisationId: string) => `oidc-client-secret:${organisationId}`;

@Injectable()
export class OidcProviderService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly cipher: EnvelopeCipher,
    private readonly audit: AuditService,
    private readonly config: BatonConfig,
  ) {}

  async get(organisationId: string): Promise<OidcProviderObject | null> {
    const row = await this.dataSource.getRepository(OidcProviderEntity).findOne({ where: { organisationId }, relations: { organisation: true } });
    return row ? this.toObject(row, row.organisation!.code) : null;
  }

  configure(actor: Actor, input: ConfigureOrganisationSignInInput): Promise<OidcProviderObject> {
    const issuerUrl = input.issuerUrl?.trim().replace(/\/$/, '');
    if (issuerUrl && !this.config.oidc.allowHttpIssuers && !issuerUrl.startsWith('https://')) {
      throw BadInputError.field('issuerUrl', 'The issuer must be an https URL', 'https');
    }
    const domains = input.allowedEmailDomains && [...new Set(input.allowedEmailDomains.map((d) => d.trim().toLowerCase()))];
    return this.transactions.run(async ({ manager }) => {
      const organisation = await manager.getRepository(OrganisationEntity).findOneBy({ id: input.organisationId });
      if (!organisation) throw new NotFoundError('Organisation', input.organisationId);
      const repository = manager.getRepository(OidcProviderEntity);
      const existing = await repository.createQueryBuilder('p').setLock('pessimistic_write').where('p.organisationId = :id', { id: organisation.id }).getOne();
      if (!existing) {
        const missing = (['issuerUrl', 'clientId', 'clientSecret', 'allowedEmailDomains'] as const).filter((f) => input[f] === undefined);
        if (missing.length) {
          throw new BadInputError(
            'A first configuration needs the issuer, the client id and secret and the allowed domains',
            missing.map((f) => ({ field: f, message: `${f} is required the first time`, constraint: 'required' })),
          );
        }
      }
      const before = existing ? this.auditState(existing) : null;
      const row = existing ?? repository.create({ organisationId: organisation.id, enabled: true });
      if (issuerUrl) row.issuerUrl = issuerUrl;
      if (input.clientId !== undefined) row.clientId = input.clientId.trim();
      if (input.clientSecret !== undefined) row.clientSecretEnvelope = this.cipher.seal(input.clientSecret, secretContext(organisation.id));
      if (domains) row.allowedEmailDomains = domains;
      if (input.enabled !== undefined) row.enabled = input.enabled;
      const saved = await repository.save(row);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: existing ? 'organisation.sign_in_updated' : 'organisation.sign_in_configured',
        entityType: 'organisation',
        entityId: organisation.id,
        before,
        after: { ...this.auditState(saved), clientSecretChanged: input.clientSecret !== undefined },
      });
      return this.toObject(saved, organisation.code);
    });
  }

  /** What the audit trail keeps: never the secret nor its envelope. */
  private auditState(row: OidcProviderEntity): Record<string, unknown> {
    return { issuerUrl: row.issuerUrl, clientId: row.clientId, allowedEmailDomains: [...row.allowedEmailDomains], enabled: row.enabled };
  }

  private toObject(row: OidcProviderEntity, organisationCode: string): OidcProviderObject {
    return {
      organisationId: row.organisationId,
      issuerUrl: row.issuerUrl,
      clientId: row.clientId,
      clientSecretSet: Boolean(row.clientSecretEnvelope),
      allowedEmailDomains: row.allowedEmailDomains,
      enabled: row.enabled,
      redirectUri: this.config.oidc.callbackUrl,
      startUrl: `${this.config.http.publicUrl}/auth/oidc/${encodeURIComponent(organisationCode)}/start`,
      updatedAt: row.updatedAt,
    };
  }
}
