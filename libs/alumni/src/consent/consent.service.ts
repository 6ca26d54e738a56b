import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor, Role } from '@baton/auth';
import { BadInputError, Clock, ForbiddenError } from '@baton/core';
import { camelRows, TransactionRunner } from '@baton/database';
import { UserDirectoryService } from '@baton/identity';
import { StaffAccountsService } from '@baton/staff';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ConsentPurpose } from '../common/alumni-enums';
import { RequestInfo } from '../common/request-info';
import { AlumniInvitationEntity } from '../invitation/alumni-invitation.entity';
import { GamesSnapshotService } from '../profile/games-snapshot.service';
import { AlumniProfileEntity } from '../profile/profile.entity';
import { AlumniConsentTextEntity } from './consent-text.entity';
import { AlumniConsentEntity } from './consent.entity';
import { AlumniConsentObject, AlumniConsentTextObject, AlumniMembershipObject, PublishConsentTextInput } from './dto/consent.dto';

const PURPOSE = ConsentPurpose.ALUMNI_NETWORK;
/** Publishing versions one at a time; the unique key (purpose, version) backs it up. */
const PUBLISH_LOCK = `SELECT pg_advisory_xact_lock(hashtext('baton.alumni.consent-text'))`;

/**
 * Joining and leaving the network, and the texts people agree to. Joining records the consent
 * (text version, time, request), creates the profile the first time, links the staff records the
 * invitation was about, gives the ALUMNUS role and copies the Games record. Withdrawing ends the
 * consent and removes the role: the profile disappears from every read on the next request, as
 * every read checks the consent (no cache). The profile's data is kept, for its owner to come
 * back or to ask for erasure; only they see it meanwhile.
 */
/** A consent with its text's version, as `membership` reads it. */
interface ConsentRow {
  id: string;
  purpose: ConsentPurpose;
  consent_text_id: string;
  version: number;
  given_at: Date;
  withdrawn_at: Date | null;
}

@Injectable()
export class ConsentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly users: UserDirectoryService,
    private readonly staffAccounts: StaffAccountsService,
    private readonly games: GamesSnapshotService,
    private readonly clock: Clock,
  ) {}

  async texts(): Promise<AlumniConsentTextObject[]> {
    const rows = await this.dataSource.getRepository(AlumniConsentTextEntity).find({ where: { purpose: PURPOSE }, order: { version: 'DESC' } });
    return rows.map((t, i) => toTextObject(t, i === 0));
  }

  async publish(actor: Actor, input: PublishConsentTextInput): Promise<AlumniConsentTextObject> {
    return this.transactions.run(async ({ manager }) => {
      await manager.query(PUBLISH_LOCK);
      const [{ last }] = await manager.query<Array<{ last: number }>>(
        `SELECT coalesce(max(version), 0)::int AS last FROM alumni_consent_texts WHERE purpose = $1`,
        [PURPOSE],
      );
      const repository = manager.getRepository(AlumniConsentTextEntity);
      const text = await repository.save(
        repository.create({
          purpose: PURPOSE,
          version: last + 1,
          title: input.title,
          body: input.body,
          publishedAt: this.clock.now(),
          publishedById: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'alumni.consent_text_published',
        entityType: 'alumni_consent_text',
        entityId: text.id,
        after: { purpose: PURPOSE, version: text.version, title: text.title },
      });
      return toTextObject(text, true);
    });
  }

  async membership(actor: Actor, manager: EntityManager = this.dataSource.manager): Promise<AlumniMembershipObject> {
    const consents = await manager.query<ConsentRow[]>(
      `SELECT c.id, c.purpose, c.consent_text_id, t.version, c.given_at, c.withdrawn_at
         FROM alumni_consents c JOIN alumni_consent_texts t ON t.id = c.consent_text_id
        WHERE c.user_id = $1 ORDER BY c.given_at DESC, c.id`,
      [actor.userId],
    );
    const invitedAfter = await manager.query<Array<{ name: string }>>(
      `SELECT DISTINCT i.event_name AS name FROM alumni_invitations i WHERE i.user_id = $1 OR i.email = $2 ORDER BY 1`,
      [actor.userId, actor.email],
    );
    const list: AlumniConsentObject[] = camelRows(consents);
    return {
      member: list.some((c) => !c.withdrawnAt),
      mayJoin: invitedAfter.length > 0 || list.length > 0 || actor.hasRole(Role.ALUMNUS),
      invitedAfter: invitedAfter.map((e) => e.name),
      consents: list,
    };
  }

  /** Joins (or joins again). Already a member: nothing changes, the profile is returned as it is. */
  async join(actor: Actor, consentTextId: string, request: RequestInfo): Promise<void> {
    await this.transactions.run(async ({ manager }) => {
      // One join per person at a time; the partial unique index is the last word if this is bypassed.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('baton.alumni.member:' || $1))`, [actor.userId]);
      const membership = await this.membership(actor, manager);
      if (membership.member) return;
      if (!membership.mayJoin) {
        throw new ForbiddenError('Only people who worked a closed event and were invited may join the alumni network', { reason: 'NOT_INVITED' });
      }
      const current = await manager.getRepository(AlumniConsentTextEntity).findOne({ where: { purpose: PURPOSE }, order: { version: 'DESC' } });
      if (!current) throw BadInputError.field('consentTextId', 'No consent text has been published yet', 'noConsentText');
      if (current.id !== consentTextId) {
        throw BadInputError.field(
          'consentTextId',
          `This is not the current consent text; read version ${current.version} (id ${current.id})`,
          'currentVersion',
        );
      }
      const now = this.clock.now();
      const consent = await manager.getRepository(AlumniConsentEntity).save(
        manager.getRepository(AlumniConsentEntity).create({
          userId: actor.userId,
          consentTextId: current.id,
          purpose: PURPOSE,
          givenAt: now,
          withdrawnAt: null,
          requestId: request.requestId,
          ipAddress: request.ipAddress,
          userAgent: request.userAgent,
        }),
      );
      const profiles = manager.getRepository(AlumniProfileEntity);
      const created = !(await profiles.existsBy({ userId: actor.userId }));
      if (created) {
        const [account] = await this.users.accountsOf(manager, [actor.userId]);
        await profiles.insert({ userId: actor.userId, displayName: (account?.displayName ?? actor.email).slice(0, 200) });
      }
      const invitations = await manager
        .getRepository(AlumniInvitationEntity)
        .createQueryBuilder('i')
        .where('(i.userId = :user OR i.email = :email) AND i.acceptedAt IS NULL', { user: actor.userId, email: actor.email })
        .getMany();
      if (invitations.length) {
        await this.staffAccounts.linkToAccount(
          manager,
          actor.userId,
          invitations.filter((i) => !i.userId).map((i) => i.staffMemberId),
          actor.userId,
          'alumni invitation accepted',
        );
        await manager.getRepository(AlumniInvitationEntity).update(
          invitations.map((i) => i.id),
          { acceptedAt: now },
        );
      }
      await this.users.ensureUnscopedRole(manager, actor.userId, actor.userId, Role.ALUMNUS, 'joined the alumni network');
      await this.games.refresh(manager, [actor.userId]);
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'alumni.consent_given',
        entityType: 'alumni_consent',
        entityId: consent.id,
        after: { purpose: PURPOSE, consentTextId: current.id, version: current.version, profileCreated: created, invitationsAccepted: invitations.length },
      });
    });
  }

  /** Ends the consent; already withdrawn: nothing changes. */
  async withdraw(actor: Actor, request: RequestInfo): Promise<AlumniMembershipObject> {
    return this.transactions.run(async ({ manager }) => {
      const active = await manager
        .getRepository(AlumniConsentEntity)
        .createQueryBuilder('c')
        .setLock('pessimistic_write')
        .where('c.userId = :user AND c.purpose = :purpose AND c.withdrawnAt IS NULL', { user: actor.userId, purpose: PURPOSE })
        .getOne();
      if (active) {
        await manager
          .getRepository(AlumniConsentEntity)
          .update({ id: active.id, withdrawnAt: IsNull() }, { withdrawnAt: this.clock.now(), withdrawnRequestId: request.requestId });
        await this.users.removeUnscopedRole(manager, actor.userId, actor.userId, Role.ALUMNUS, 'withdrew from the alumni network');
        await this.audit.record(manager, {
          actorUserId: actor.userId,
          action: 'alumni.consent_withdrawn',
          entityType: 'alumni_consent',
          entityId: active.id,
          before: { purpose: PURPOSE, consentTextId: active.consentTextId },
        });
      }
      return this.membership(actor, manager);
    });
  }
}

function toTextObject(t: AlumniConsentTextEntity, current: boolean): AlumniConsentTextObject {
  return { id: t.id, purpose: t.purpose, version: t.version, title: t.title, body: t.body, publishedAt: t.publishedAt, current };
}
