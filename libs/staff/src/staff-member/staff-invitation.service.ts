import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor, Role } from '@baton/auth';
import { BadInputError, ConflictError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { AcceptedInvitation, InvitationAcceptedHandler, InvitationHooks, InvitationObject, InvitationService, InvitationStatus } from '@baton/identity';
import { EntityManager, Not } from 'typeorm';
import { StaffInvitationEntity } from './staff-invitation.entity';
import { StaffMemberEntity } from './staff-member.entity';
import { StaffScopeService } from './staff-scope.service';

/**
 * Inviting a staff member from their record: the invitation goes to the record's contact
 * email with a STAFF grant for its event, and accepting it (or, for an existing account, the
 * invitation itself) links the record, so the person sees their shifts at once.
 */
@Injectable()
export class StaffInvitationService implements InvitationAcceptedHandler, OnModuleInit {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly invitations: InvitationService,
    private readonly hooks: InvitationHooks,
    private readonly scope: StaffScopeService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  /** Coordinators within their venues and teams (the staff scope policy), and admins. */
  async invite(actor: Actor, staffMemberId: string): Promise<InvitationObject> {
    return this.transactions.run(async ({ manager }) => {
      // Same lock order as acceptInvitation (the invitation, then the record), so the two never deadlock.
      await manager.query(
        `SELECT i.id FROM invitations i JOIN staff_invitations s ON s.invitation_id = i.id
          WHERE s.staff_member_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL FOR UPDATE OF i`,
        [staffMemberId],
      );
      // Two coordinators inviting the same person, or an admin linking them meanwhile, queue here.
      const member = await lockMember(manager, staffMemberId);
      this.scope.assertManages(actor, member);
      if (member.userId) {
        throw new ConflictError('This staff member is already linked to an account', { field: 'staffMemberId', constraint: 'alreadyLinked' });
      }
      if (!member.email) {
        throw BadInputError.field('staffMemberId', 'This staff member has no contact email: add one with updateStaffMember first', 'emailRequired');
      }
      await this.supersede(manager, actor, member);
      const invitation = await this.invitations.createInvitation(manager, actor, {
        email: member.email,
        displayName: member.displayName,
        spec: { role: Role.STAFF, eventId: member.eventId, organisationId: null, venueIds: [], teamIds: [] },
        attach: (invitationId) =>
          manager
            .getRepository(StaffInvitationEntity)
            .insert({ invitationId, staffMemberId: member.id })
            .then(() => undefined),
      });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'staff_member.invited',
        entityType: 'staff_member',
        entityId: member.id,
        eventId: member.eventId,
        after: { invitationId: invitation.id, linkedAtOnce: invitation.status === InvitationStatus.ACCEPTED },
      });
      return invitation;
    });
  }

  /** In the accepting transaction: the record the invitation came from gets the account. */
  async onInvitationAccepted(manager: EntityManager, accepted: AcceptedInvitation): Promise<void> {
    const link = await manager.getRepository(StaffInvitationEntity).findOneBy({ invitationId: accepted.invitationId });
    if (!link) return;
    const member = await lockMember(manager, link.staffMemberId);
    if (member.userId === accepted.userId) return;
    if (member.userId) {
      throw new ConflictError('This staff record was linked to another account in the meantime; ask your coordinator for a new invitation', {
        field: 'staffMemberId',
        constraint: 'alreadyLinked',
      });
    }
    const taken = await manager.getRepository(StaffMemberEntity).existsBy({ eventId: member.eventId, userId: accepted.userId, id: Not(member.id) });
    if (taken) {
      throw new ConflictError('This account already has another staff record in this event', { constraint: 'staff_members_event_user_key', field: 'email' });
    }
    await manager.getRepository(StaffMemberEntity).update({ id: member.id }, { userId: accepted.userId });
    await this.audit.record(manager, {
      actorUserId: accepted.actorUserId,
      action: 'staff_member.user_linked',
      entityType: 'staff_member',
      entityId: member.id,
      eventId: member.eventId,
      before: { userId: null },
      after: { userId: accepted.userId, invitationId: accepted.invitationId, existingAccount: accepted.existingAccount },
    });
  }

  /** A new invitation replaces a pending one for the same record: only the latest token works. */
  private async supersede(manager: EntityManager, actor: Actor, member: StaffMemberEntity): Promise<void> {
    const revoked = await manager.query<Array<{ id: string }>>(
      `UPDATE invitations i SET revoked_at = now() FROM staff_invitations s
        WHERE s.invitation_id = i.id AND s.staff_member_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL RETURNING i.id`,
      [member.id],
    );
    for (const { id } of revoked) {
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: id,
        eventId: member.eventId,
        reason: 'superseded by a new invitation of the same staff member',
      });
    }
  }
}

async function lockMember(manager: EntityManager, id: string): Promise<StaffMemberEntity> {
  const member = await manager.getRepository(StaffMemberEntity).createQueryBuilder('s').setLock('pessimistic_write').where('s.id = :id', { id }).getOne();
  if (!member) throw new NotFoundError('StaffMember', id);
  return member;
}
