import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { BatonConfig } from '@baton/config';
import { Clock, hashToken, randomToken } from '@baton/core';
import { EnvelopeCipher } from '@baton/crypto';
import { TransactionRunner } from '@baton/database';
import { SessionService, UserEntity } from '@baton/identity';
import { OrganisationEntity } from '@baton/organisations';
import { DataSource, LessThan } from 'typeorm';
import { OidcProviderEntity } from '../provider/oidc-provider.entity';
import { secretContext } from '../provider/oidc-provider.service';
import { AccountLinker } from './account-linker';
import { OidcClient, ProviderSettings } from './oidc-client';
import { OidcSignInRequestEntity } from './oidc-sign-in-request.entity';
import { OidcSignInError } from './oidc-sign-in.errors';

export interface ClientInfo {
  ipAddress?: string;
  userAgent?: string;
}

export type IssuedSession = Awaited<ReturnType<SessionService['issue']>>;

/** Finished requests are kept a day for support, then deleted by the next start. */
const KEEP_FINISHED_MS = 86_400_000;

const verifierContext = (stateHash: string) => `oidc-code-verifier:${stateHash}`;

/** Partner sign-in: the start (state, nonce, PKCE) and the callback (checks, account, Baton session). */
@Injectable()
export class OidcSignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly cipher: EnvelopeCipher,
    private readonly oidc: OidcClient,
    private readonly linker: AccountLinker,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  /** The provider's authorisation URL to send the browser to. */
  async start(organisationCode: string): Promise<URL> {
    const organisation = /^[A-Z0-9-]{2,16}$/.test(organisationCode)
      ? await this.dataSource.getRepository(OrganisationEntity).findOneBy({ code: organisationCode })
      : null;
    const provider = organisation ? await this.dataSource.getRepository(OidcProviderEntity).findOneBy({ organisationId: organisation.id }) : null;
    if (!organisation || !provider) throw new OidcSignInError('OIDC_NOT_CONFIGURED', 'This organisation has no partner sign-in', { organisationCode });
    if (!provider.enabled) throw new OidcSignInError('OIDC_DISABLED', "This organisation's partner sign-in is switched off");

    const state = randomToken();
    const nonce = randomToken();
    const codeVerifier = randomToken();
    const url = await this.oidc.authorizationUrl(this.settings(provider), { state, nonce, codeVerifier });
    const now = this.clock.now();
    const stateHash = hashToken(state);
    const requests = this.dataSource.getRepository(OidcSignInRequestEntity);
    await requests.insert({
      stateHash,
      organisationId: organisation.id,
      codeVerifierEnvelope: this.cipher.seal(codeVerifier, verifierContext(stateHash)),
      nonce,
      expiresAt: new Date(now.getTime() + this.config.oidc.requestTtlSeconds * 1000),
    });
    await requests.delete({ expiresAt: LessThan(new Date(now.getTime() - KEEP_FINISHED_MS)) });
    return url;
  }

  async callback(query: URLSearchParams, client: ClientInfo): Promise<IssuedSession> {
    const state = query.get('state');
    if (!state) throw new OidcSignInError('OIDC_STATE_MISSING', 'The callback has no state');
    const request = await this.consume(state);
    try {
      return await this.finish(request, state, query, client);
    } catch (error) {
      // Refusals after a real start are kept for the organisation's security review: which rule, never who.
      if (error instanceof OidcSignInError) {
        await this.audit.record(this.dataSource.manager, {
          actorUserId: null,
          action: 'organisation.sign_in_refused',
          entityType: 'organisation',
          entityId: request.organisationId,
          after: { code: error.code },
        });
      }
      throw error;
    }
  }

  private async finish(request: OidcSignInRequestEntity, state: string, query: URLSearchParams, client: ClientInfo): Promise<IssuedSession> {
    const provider = await this.dataSource.getRepository(OidcProviderEntity).findOneBy({ organisationId: request.organisationId });
    if (!provider) throw new OidcSignInError('OIDC_NOT_CONFIGURED', 'This organisation has no partner sign-in any more');
    if (!provider.enabled) throw new OidcSignInError('OIDC_DISABLED', "This organisation's partner sign-in is switched off");

    const claims = await this.oidc.exchange(this.settings(provider), query, {
      state,
      nonce: request.nonce,
      codeVerifier: this.cipher.openText(request.codeVerifierEnvelope, verifierContext(request.stateHash)),
    });
    const email = claims.email?.trim().toLowerCase();
    if (!email) throw new OidcSignInError('OIDC_EMAIL_MISSING', 'The identity provider did not share an email address');
    if (!claims.emailVerified) throw new OidcSignInError('OIDC_EMAIL_UNVERIFIED', 'The identity provider has not verified this email address');
    const domain = email.slice(email.lastIndexOf('@') + 1);
    if (!email.includes('@') || !provider.allowedEmailDomains.includes(domain)) {
      throw new OidcSignInError('OIDC_EMAIL_DOMAIN_NOT_ALLOWED', "This email's domain is not allowed to sign in for this organisation", { domain });
    }

    const link = () =>
      this.transactions.run(async ({ manager }) => {
        const now = this.clock.now();
        const outcome = await this.linker.link(manager, {
          organisationId: provider.organisationId,
          issuer: claims.issuer,
          subject: claims.subject,
          email,
          name: claims.name,
          now,
        });
        await manager.getRepository(UserEntity).update({ id: outcome.userId }, { lastLoginAt: now });
        await this.audit.record(manager, {
          actorUserId: outcome.userId,
          action: 'user.oidc_sign_in',
          entityType: 'user',
          entityId: outcome.userId,
          after: { organisationId: provider.organisationId, issuer: claims.issuer, via: outcome.via },
        });
        return this.sessions.issue(manager, outcome.userId, client);
      });
    try {
      return await link();
    } catch (error) {
      // The same new person finishing two sign-ins at once (two tabs): the other one created the
      // account or the identity a moment ago. Once more, this one finds and reuses them.
      if (!isUniqueViolation(error, ['users_email_key', 'oidc_identities_subject_key'])) throw error;
      return link();
    }
  }

  /** Marks the request used in the statement that finds it: a second callback with the same state finds nothing. */
  private async consume(state: string): Promise<OidcSignInRequestEntity> {
    const stateHash = hashToken(state);
    const now = this.clock.now();
    const requests = this.dataSource.getRepository(OidcSignInRequestEntity);
    const result = await requests
      .createQueryBuilder()
      .update()
      .set({ usedAt: now })
      .where('state_hash = :stateHash AND used_at IS NULL', { stateHash })
      .returning('*')
      .execute();
    const row = (result.raw as Record<string, unknown>[])[0];
    if (!row) {
      const seen = await requests.exists({ where: { stateHash } });
      throw seen
        ? new OidcSignInError('OIDC_STATE_USED', 'This sign-in was already completed; start again')
        : new OidcSignInError('OIDC_STATE_UNKNOWN', 'This sign-in was not started here; start again');
    }
    const request = requests.create({
      id: row.id as string,
      stateHash,
      organisationId: row.organisation_id as string,
      codeVerifierEnvelope: row.code_verifier_envelope as string,
      nonce: row.nonce as string,
      expiresAt: new Date(row.expires_at as string),
    });
    if (request.expiresAt <= now) throw new OidcSignInError('OIDC_STATE_EXPIRED', 'This sign-in took too long; start again');
    return request;
  }

  private settings(provider: OidcProviderEntity): ProviderSettings {
    return {
      issuerUrl: provider.issuerUrl,
      clientId: provider.clientId,
      clientSecret: this.cipher.openText(provider.clientSecretEnvelope, secretContext(provider.organisationId)),
    };
  }
}

function isUniqueViolation(error: unknown, constraints: string[]): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } })?.driverError;
  return driver?.code === '23505' && constraints.includes(driver.constraint ?? '');
}
