import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, ConflictError, NotFoundError, RuleViolationError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { EventEntity, EventPhase } from '@baton/events';
import { OrganisationEntity } from '@baton/organisations';
import { WorkHistoryService } from '@baton/rostering';
import { StaffMemberEntity } from '@baton/staff';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { KeyRingService, SigningKey } from '../keys/key-ring.service';
import { CredentialFacts, credentialClaims } from './credential-builder';
import { CredentialSigner } from './credential-signer';
import { GamesRecordIssuanceObject } from './dto/games-record.object';
import { GamesRecordEntity } from './games-record.entity';
import { GamesRecordQueries } from './games-record.queries';
import { insertRecords } from './games-record.writer';
import { cleanReason } from './text-input';
import { computeWorkFigures, WorkFigures } from './work-figures';

/** Staff records signed per transaction: a failure loses one batch, and a retry skips what was issued. */
export const ISSUE_BATCH_SIZE = 250;

interface StaffFacts {
  id: string;
  displayName: string;
  organisationName: string;
}

/** A fresh verification code: 128 random bits, URL-safe (22 characters). */
export const newVerificationCode = () => randomBytes(16).toString('base64url');

/** Issuing and reissuing: figures from the roster and attendance, signed, audited. */
@Injectable()
export class GamesRecordIssuer {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly workHistory: WorkHistoryService,
    private readonly keys: KeyRingService,
    private readonly signer: CredentialSigner,
    private readonly queries: GamesRecordQueries,
    private readonly audit: AuditService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * One record for each staff record of a closed event with worked time. Idempotent: a staff
   * record that already has one (valid or revoked) is left alone: revoked records come back
   * only through an explicit reissue, so an erasure is never undone by a later run. Safe to run
   * twice at once (one current record per staff record is a unique index). For the admin
   * mutation, and for the event-close hook or a job (`actorUserId` null for the system).
   */
  async issueForEvent(eventId: string, actorUserId: string | null): Promise<GamesRecordIssuanceObject> {
    const summary: GamesRecordIssuanceObject = { eventId, issued: 0, alreadyIssued: 0, withoutWorkedShifts: 0 };
    const candidates = await this.transactions.run(async ({ manager }) => {
      await this.closedEvent(manager, eventId);
      const worked = await this.workHistory.staffWithCheckIns(eventId, manager);
      const existing = new Set(
        (
          await manager
            .getRepository(GamesRecordEntity)
            .createQueryBuilder('r')
            .select('r.staffMemberId', 'staff_member_id')
            .where('r.eventId = :eventId AND r.supersededAt IS NULL', { eventId })
            .getRawMany<{ staff_member_id: string }>()
        ).map((r) => r.staff_member_id),
      );
      summary.alreadyIssued = worked.filter((id) => existing.has(id)).length;
      return worked.filter((id) => !existing.has(id));
    });
    for (let i = 0; i < candidates.length; i += ISSUE_BATCH_SIZE) {
      const batch = candidates.slice(i, i + ISSUE_BATCH_SIZE);
      const outcome = await this.transactions.run(({ manager }) => this.issueBatch(manager, eventId, batch, actorUserId));
      summary.issued += outcome.issued;
      summary.alreadyIssued += outcome.alreadyIssued;
      summary.withoutWorkedShifts += outcome.withoutWorkedShifts;
    }
    return summary;
  }

  /**
   * A new record recomputed from today's roster and attendance (after a correction there), the
   * old one superseded and pointing to it. The subject's pseudonymous id is kept.
   */
  reissue(actor: Actor, recordId: string, reasonInput: unknown): Promise<GamesRecordEntity> {
    const reason = cleanReason(reasonInput);
    return this.transactions.run(async ({ manager }) => {
      const old = await manager
        .getRepository(GamesRecordEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id: recordId })
        .getOne();
      if (!old) throw new NotFoundError('Games record', recordId);
      if (old.supersededAt) {
        const successor = await this.queries.byId(old.supersededById!, manager);
        throw new ConflictError('This record was already reissued: reissue the record that replaced it', {
          supersededById: old.supersededById,
          supersededByCode: successor?.code,
        });
      }
      if (!old.staffMemberId) throw new ConflictError('The staff record behind this record was deleted: there is nothing to recompute from', { recordId });
      const event = await this.closedEvent(manager, old.eventId);
      const key = await this.keys.currentForSigning(manager, actor.userId);
      const [staff] = await this.staffFacts(manager, [old.staffMemberId]);
      const figures = computeWorkFigures((await this.workHistory.forStaffMembers([old.staffMemberId], manager)).get(old.staffMemberId) ?? []);
      if (!staff || !figures) {
        throw new RuleViolationError('Nothing worked is left on the roster for this person: revoke the record instead', [
          { rule: 'NO_WORKED_SHIFTS', message: 'No shift of this staff record has checked-in time', staffMemberId: old.staffMemberId },
        ]);
      }
      const issuedAt = this.issuedAt();
      // Frees the one-current-record slot before the new row takes it; the link is set after.
      await manager.getRepository(GamesRecordEntity).update({ id: old.id }, { supersededAt: issuedAt });
      const fresh = await this.signedRow(event, staff, figures, key, issuedAt, old.subjectId);
      await insertRecords(manager, [fresh], false);
      await manager.getRepository(GamesRecordEntity).update({ id: old.id }, { supersededById: fresh.id });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'games_record.reissued',
        entityType: 'games_record',
        entityId: fresh.id,
        eventId: old.eventId,
        before: { recordId: old.id, ...auditFigures(old) },
        after: { recordId: fresh.id, ...auditFigures(fresh) },
        reason,
      });
      return fresh;
    });
  }

  private async issueBatch(manager: EntityManager, eventId: string, staffIds: string[], actorUserId: string | null) {
    const event = await this.closedEvent(manager, eventId);
    const key = await this.keys.currentForSigning(manager, actorUserId);
    const [staff, history] = await Promise.all([this.staffFacts(manager, staffIds), this.workHistory.forStaffMembers(staffIds, manager)]);
    const issuedAt = this.issuedAt();
    const rows: GamesRecordEntity[] = [];
    let withoutWorkedShifts = 0;
    for (const member of staff) {
      const figures = computeWorkFigures(history.get(member.id) ?? []);
      if (!figures) withoutWorkedShifts++;
      else rows.push(await this.signedRow(event, member, figures, key, issuedAt, randomUUID()));
    }
    if (!rows.length) return { issued: 0, alreadyIssued: 0, withoutWorkedShifts };
    // A concurrent run may have issued some of these meanwhile: the unique index keeps its rows.
    const insertedIds = await insertRecords(manager, rows, true);
    await this.audit.recordMany(
      manager,
      rows
        .filter((r) => insertedIds.has(r.id))
        .map((row) => ({
          actorUserId,
          action: 'games_record.issued',
          entityType: 'games_record',
          entityId: row.id,
          eventId,
          after: { staffMemberId: row.staffMemberId, ...auditFigures(row) },
        })),
    );
    return { issued: insertedIds.size, alreadyIssued: rows.length - insertedIds.size, withoutWorkedShifts };
  }

  private async signedRow(
    event: EventEntity,
    staff: StaffFacts,
    figures: WorkFigures,
    key: SigningKey,
    issuedAt: Date,
    subjectId: string,
  ): Promise<GamesRecordEntity> {
    const publicUrl = this.config.http.publicUrl;
    const facts: CredentialFacts = {
      credentialId: randomUUID(),
      subjectId,
      code: newVerificationCode(),
      publicUrl,
      issuerId: `${publicUrl}/issuer`,
      issuerName: this.config.credentials.issuerName,
      issuedAt,
      subjectName: staff.displayName,
      eventCode: event.code,
      eventName: event.name,
      organisationName: staff.organisationName,
      figures,
    };
    const jwt = await this.signer.sign(credentialClaims(facts), key);
    return Object.assign(new GamesRecordEntity(), {
      id: randomUUID(),
      eventId: event.id,
      staffMemberId: staff.id,
      code: facts.code,
      credentialId: facts.credentialId,
      subjectId,
      keyId: key.id,
      publicUrl,
      issuerId: facts.issuerId,
      issuerName: facts.issuerName,
      issuedAt,
      subjectName: facts.subjectName,
      eventCode: event.code,
      eventName: event.name,
      organisationName: staff.organisationName,
      teamNames: figures.teams,
      venueNames: figures.venues,
      roleTitles: figures.roles,
      firstDay: figures.firstDay,
      lastDay: figures.lastDay,
      shiftsWorked: figures.shiftsWorked,
      workedMinutes: figures.workedMinutes,
      credentialJwt: jwt,
      hiddenAt: null,
      revokedAt: null,
      revocationReason: null,
      supersededAt: null,
      supersededById: null,
    });
  }

  /** The event, locked FOR SHARE so nobody reopens it while its records are being signed. */
  private async closedEvent(manager: EntityManager, eventId: string): Promise<EventEntity> {
    const event = await manager.getRepository(EventEntity).createQueryBuilder('e').setLock('pessimistic_read').where('e.id = :id', { id: eventId }).getOne();
    if (!event) throw new NotFoundError('Event', eventId);
    if (event.phase !== EventPhase.CLOSED) {
      throw new RuleViolationError('Games records are issued once the event is closed', [
        { rule: 'EVENT_NOT_CLOSED', message: `The event is in phase ${event.phase}; close it first`, phase: event.phase, eventId },
      ]);
    }
    return event;
  }

  private async staffFacts(manager: EntityManager, ids: string[]): Promise<StaffFacts[]> {
    if (!ids.length) return [];
    const rows = await manager
      .getRepository(StaffMemberEntity)
      .createQueryBuilder('m')
      .innerJoin(OrganisationEntity, 'o', 'o.id = m.organisationId')
      .select(['m.id AS id', 'm.displayName AS display_name', 'o.name AS organisation_name'])
      .where('m.id IN (:...ids)', { ids })
      .orderBy('m.id')
      .getRawMany<{ id: string; display_name: string; organisation_name: string }>();
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, organisationName: r.organisation_name }));
  }

  /** Whole seconds: the JWT's nbf cannot say more, and the row must rebuild the same credential. */
  private issuedAt(): Date {
    return new Date(Math.floor(this.clock.now().getTime() / 1000) * 1000);
  }
}

function auditFigures(row: Pick<GamesRecordEntity, 'shiftsWorked' | 'workedMinutes' | 'firstDay' | 'lastDay' | 'keyId'>) {
  return { shiftsWorked: row.shiftsWorked, workedMinutes: row.workedMinutes, firstDay: row.firstDay, lastDay: row.lastDay, keyId: row.keyId };
}
