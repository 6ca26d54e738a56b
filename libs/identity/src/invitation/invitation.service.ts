import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { AccessService, Actor, Role } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, ConflictError, hashToken, NotFoundError, randomToken, UnauthenticatedError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { PageArgs, paginate } from '@baton/graphql';
import { OutboxService } from '@baton/outbox';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayGrant, GrantSpec, normaliseGrant } from '../grant/grant-spec';
import { assertGrantTargets } from '../grant/grant-targets';
import { RoleGrantEntity } from '../grant/role-grant.entity';
import { PasswordHasher } from '../password/password-hasher';
import { ClientInfo, IssuedSession, SessionService } from '../session/session.service';
import { TokenRowRepository } from '../token/token-row.repository';
import { UserEntity, UserStatus } from '../user/user.entity';
import { InvitationEntity } from './invitation.entity';
import { InvitationHooks } from './invitation-hooks';
import { invitationMessage, roleGrantedMessage } from './invitation-messages';
import { InvitationObject, InvitationStatus } from './invitation.object';
import { InviteUserInput } from './invite.input';
import { IdentityPermission } from '../identity.permissions';

export interface InvitationRequest {
  /** Lower-cased, trimmed. */
  email: string;
  displayName: string;
  spec: GrantSpec;
  attach?: (invitationId: string) => Promise<void>;
}

@Injectable()
export class InvitationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
    private readonly hooks: InvitationHooks,
    private readonly tokenRows: TokenRowRepository,
  ) {}

  /**
   * Someone who already has an account simply receives the new grant (and a note saying so);
   * anyone else gets a one-time token to choose a password.
   */
  async invite(actor: Actor, input: InviteUserInput): Promise<InvitationObject> {
    const spec = normaliseGrant(input.grant, 'grant');
    assertMayGrant(actor, spec);
    const email = input.email.trim().toLowerCase();
    return this.transactions.run(({ manager }) => this.createInvitation(manager, actor, { email, displayName: input.displayName.trim(), spec }));
  }

  /**
   * The invitation itself, in the caller's transaction: for libs that invite from their own
   * records (a staff member). The caller has checked that the actor may grant `spec`.
   * `attach` runs once the invitation exists, before an existing account is granted and the
   * acceptance hooks run, so a lib can tie the invitation to its record first.
   */
  async createInvitation(manager: EntityManager, actor: Actor, request: InvitationRequest): Promise<InvitationObject> {
    const { email, displayName, spec } = request;
    await assertGrantTargets(manager, spec, 'grant');
    const now = this.clock.now();
    const existing = await manager.getRepository(UserEntity).findOneBy({ email });
    const existingUserId = existing && existing.status !== UserStatus.INVITED ? existing.id : null;
    const token = randomToken();
    const invitation = manager.getRepository(InvitationEntity).create({
      ...spec,
      email,
      displayName,
      tokenHash: hashToken(token),
      invitedById: actor.userId,
      expiresAt: new Date(now.getTime() + this.config.auth.invitationTtlSeconds * 1000),
      acceptedAt: existingUserId ? now : null,
      acceptedUserId: existingUserId,
    });
    await manager.getRepository(InvitationEntity).save(invitation);
    await request.attach?.(invitation.id);
    if (existingUserId) {
      // Inviting twice must not stack identical grants.
      if (!(await holdsGrant(manager, existingUserId, spec))) {
        await manager.getRepository(RoleGrantEntity).insert({ ...spec, userId: existingUserId, grantedById: actor.userId });
      }
      await this.outbox.enqueue(manager, { recipient: email, ...roleGrantedMessage(spec.role), payload: { invitationId: invitation.id, role: spec.role } });
    } else {
      const message = invitationMessage({
        displayName,
        role: spec.role,
        token,
        ttlSeconds: this.config.auth.invitationTtlSeconds,
        publicUrl: this.config.http.publicUrl,
      });
      await this.outbox.enqueue(manager, { recipient: email, ...message, payload: { invitationId: invitation.id, token } });
    }
    await this.audit.record(manager, {
      actorUserId: actor.userId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: invitation.id,
      eventId: spec.eventId,
      after: { email, ...spec, existingUser: !!existingUserId },
    });
    if (existingUserId) {
      await this.hooks.accepted(manager, {
        invitationId: invitation.id,
        role: spec.role,
        eventId: spec.eventId,
        userId: existingUserId,
        actorUserId: actor.userId,
        existingAccount: true,
      });
    }
    return this.toObject(invitation);
  }

  async accept(token: string, password: string, displayName: string | undefined, client: ClientInfo): Promise<IssuedSession> {
    this.hasher.assertAcceptable(password);
    const hash = await this.hasher.hash(password);
    return this.transactions.run(async ({ manager }) => {
      const invitation = await this.tokenRows.lockByToken(manager, InvitationEntity, token);
      const now = this.clock.now();
      if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt <= now) {
        throw new UnauthenticatedError('This invitation is not valid, was already used, or has expired', { reason: 'INVITATION_INVALID' });
      }
      const users = manager.getRepository(UserEntity);
      let user = await users.findOneBy({ email: invitation.email });
      if (user && user.status !== UserStatus.INVITED) {
        throw new ConflictError('An account with this email already exists; sign in instead', { field: 'email' });
      }
      user = await users.save(
        users.create({
          ...(user ?? {}),
          email: invitation.email,
          displayName: displayName?.trim() || invitation.displayName,
          passwordHash: hash,
          status: UserStatus.ACTIVE,
          passwordChangedAt: null,
        }),
      );
      await manager.getRepository(RoleGrantEntity).insert({
        userId: user.id,
        role: invitation.role,
        eventId: invitation.eventId,
        organisationId: invitation.organisationId,
        venueIds: invitation.venueIds,
        teamIds: invitation.teamIds,
        grantedById: invitation.invitedById,
      });
      await manager.getRepository(InvitationEntity).update({ id: invitation.id }, { acceptedAt: now, acceptedUserId: user.id });
      await this.audit.record(manager, {
        actorUserId: user.id,
        action: 'invitation.accepted',
        entityType: 'invitation',
        entityId: invitation.id,
        eventId: invitation.eventId,
      });
      await this.hooks.accepted(manager, {
        invitationId: invitation.id,
        role: invitation.role,
        eventId: invitation.eventId,
        userId: user.id,
        actorUserId: user.id,
        existingAccount: false,
      });
      return this.sessions.issue(manager, user.id, client);
    });
  }

  async revoke(actor: Actor, id: string): Promise<InvitationObject> {
    return this.transactions.run(async ({ manager }) => {
      const invitation = await manager.getRepository(InvitationEntity).findOneBy({ id });
      if (!invitation || !this.mayManage(actor, invitation)) throw new NotFoundError('Invitation', id);
      if (invitation.acceptedAt) throw new ConflictError('This invitation was already accepted', { id });
      invitation.revokedAt = invitation.revokedAt ?? this.clock.now();
      await manager.getRepository(InvitationEntity).save(invitation);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: id,
        eventId: invitation.eventId,
      });
      return this.toObject(invitation);
    });
  }

  /** Admins see every invitation; a coordinator sees those for the events they coordinate. */
  async list(actor: Actor, page: PageArgs, eventId?: string) {
    const query = this.dataSource.getRepository(InvitationEntity).createQueryBuilder('i');
    const scope = this.access.eventScope(actor, IdentityPermission.USERS_INVITE);
    if (scope !== 'ALL') query.andWhere('i.eventId IN (:...events)', { events: [...scope, '00000000-0000-0000-0000-000000000000'] });
    if (eventId) query.andWhere('i.eventId = :eventId', { eventId });
    return paginate(
      query,
      page,
      [
        { column: 'i.createdAt', value: (i) => i.createdAt.toISOString() },
        { column: 'i.id', value: (i) => i.id },
      ],
      (i) => this.toObject(i),
    );
  }

  private mayManage(actor: Actor, invitation: InvitationEntity): boolean {
    if (actor.isAdmin) return true;
    return invitation.role === Role.STAFF && actor.grants.some((g) => g.role === Role.COORDINATOR && g.eventId === invitation.eventId);
  }

  private toObject(i: InvitationEntity): InvitationObject {
    const status = i.acceptedAt
      ? InvitationStatus.ACCEPTED
      : i.revokedAt
        ? InvitationStatus.REVOKED
        : i.expiresAt <= this.clock.now()
          ? InvitationStatus.EXPIRED
          : InvitationStatus.PENDING;
    return {
      id: i.id,
      email: i.email,
      displayName: i.displayName,
      role: i.role,
      eventId: i.eventId,
      organisationId: i.organisationId,
      venueIds: i.venueIds,
      teamIds: i.teamIds,
      status,
      expiresAt: i.expiresAt,
      createdAt: i.createdAt,
      invitedById: i.invitedById,
    };
  }
}

async function holdsGrant(manager: EntityManager, userId: string, spec: GrantSpec): Promise<boolean> {
  const rows = await manager.query<unknown[]>(
    `SELECT 1 FROM role_grants WHERE user_id = $1 AND role = $2 AND event_id IS NOT DISTINCT FROM $3 AND organisation_id IS NOT DISTINCT FROM $4
        AND venue_ids = $5::uuid[] AND team_ids = $6::uuid[] LIMIT 1`,
    [userId, spec.role, spec.eventId, spec.organisationId, spec.venueIds, spec.teamIds],
  );
  return rows.length > 0;
}
