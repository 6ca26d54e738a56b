import { Injectable } from '@nestjs/common';
import { Role } from '@baton/auth';
import { RoleGrantEntity, UserEntity, UserStatus } from '@baton/identity';
import { EntityManager } from 'typeorm';
import { OidcIdentityEntity } from './oidc-identity.entity';
import { OidcSignInError } from './oidc-sign-in.errors';

export interface LinkRequest {
  organisationId: string;
  issuer: string;
  subject: string;
  /** Lower-cased, verified by the provider, in an allowed domain. */
  email: string;
  name?: string;
  now: Date;
}

export interface LinkOutcome {
  userId: string;
  /** How the account was reached: its provider identity, an existing account by email, or a new account. */
  via: 'IDENTITY' | 'LINKED_BY_EMAIL' | 'CREATED';
}

/**
 * Finds or creates the Baton account of a person vouched for by an organisation's provider.
 *
 * Identity is (issuer, subject). Without a link yet, an existing account with the same email is
 * linked only when it has no grant at all, or is already a recruiter of this organisation and holds
 * nothing beyond recruiter grants: the provider vouches for a person of that company, so it may
 * open only what that company's recruiters may open. Linking an account that also coordinates an
 * event, works as staff, is an alumnus or is an admin would hand those roles to a login the
 * organising committee never reviewed — such a person signs in with their password. No grant is
 * ever given through OIDC but RECRUITER of this organisation, and never to an admin account.
 */
@Injectable()
export class AccountLinker {
  async link(manager: EntityManager, request: LinkRequest): Promise<LinkOutcome> {
    const identities = manager.getRepository(OidcIdentityEntity);
    const known = await identities.findOneBy({ issuer: request.issuer, subject: request.subject });
    if (known) {
      if (known.organisationId !== request.organisationId) {
        throw new OidcSignInError('OIDC_IDENTITY_OF_ANOTHER_ORGANISATION', 'This identity is linked to another organisation');
      }
      await this.assertActive(manager, known.userId);
      const grants = await manager.getRepository(RoleGrantEntity).findBy({ userId: known.userId });
      // A revoked grant stays revoked: signing in again must not restore what an admin took away.
      if (!grants.some((g) => isRecruiterOf(g, request.organisationId))) {
        throw new OidcSignInError('OIDC_ACCESS_REVOKED', 'This account is no longer a recruiter of this organisation');
      }
      await identities.update({ id: known.id }, { email: request.email, lastSignInAt: request.now });
      return { userId: known.userId, via: 'IDENTITY' };
    }

    const users = manager.getRepository(UserEntity);
    const existing = await users.createQueryBuilder('u').setLock('pessimistic_write').where('u.email = :email', { email: request.email }).getOne();
    let outcome: LinkOutcome;
    if (existing) {
      await this.assertActive(manager, existing.id);
      const grants = await manager.getRepository(RoleGrantEntity).findBy({ userId: existing.id });
      const recruiterHere = grants.some((g) => isRecruiterOf(g, request.organisationId));
      const onlyRecruiter = grants.every((g) => g.role === Role.RECRUITER);
      if (grants.length && !(recruiterHere && onlyRecruiter)) {
        throw new OidcSignInError(
          'OIDC_ACCOUNT_NOT_LINKABLE',
          'An account with this email already exists with other roles; sign in with its password, or ask an administrator',
        );
      }
      if (!recruiterHere) await this.grantRecruiter(manager, existing.id, request.organisationId);
      outcome = { userId: existing.id, via: 'LINKED_BY_EMAIL' };
    } else {
      const created = await users.save(
        users.create({ email: request.email, displayName: displayName(request), passwordHash: null, status: UserStatus.ACTIVE }),
      );
      await this.grantRecruiter(manager, created.id, request.organisationId);
      outcome = { userId: created.id, via: 'CREATED' };
    }
    await identities.insert({
      issuer: request.issuer,
      subject: request.subject,
      userId: outcome.userId,
      organisationId: request.organisationId,
      email: request.email,
      lastSignInAt: request.now,
    });
    return outcome;
  }

  private async assertActive(manager: EntityManager, userId: string): Promise<void> {
    const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user || user.status !== UserStatus.ACTIVE) throw new OidcSignInError('OIDC_ACCOUNT_DISABLED', 'This account is not active');
  }

  private async grantRecruiter(manager: EntityManager, userId: string, organisationId: string): Promise<void> {
    await manager
      .getRepository(RoleGrantEntity)
      .insert({ userId, role: Role.RECRUITER, organisationId, eventId: null, venueIds: [], teamIds: [], grantedById: null });
  }
}

const isRecruiterOf = (grant: RoleGrantEntity, organisationId: string) => grant.role === Role.RECRUITER && grant.organisationId === organisationId;

function displayName(request: LinkRequest): string {
  const name = request.name?.trim();
  return name ? name.slice(0, 200) : request.email.split('@')[0];
}
