import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BatonConfig } from '@baton/config';
import { Clock, ConflictError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { ConnectionShape, PageArgs, paginate } from '@baton/graphql';
import { DataSource, EntityManager } from 'typeorm';
import { verificationUrl } from './credential-builder';
import { GamesRecordObject } from './dto/games-record.object';
import { GamesRecordEntity } from './games-record.entity';
import { LinkedRecord, toGamesRecordObject } from './games-record.mapper';
import { GamesRecordQueries } from './games-record.queries';
import { GamesRecordStatus, recordStatus } from './games-record-status';
import { cleanReason } from './text-input';
import { formatHours } from './work-figures';

/** A valid record as other libs show it (alumni profiles, JSON Resume `work` entries). */
export interface GamesRecordSummary {
  id: string;
  staffMemberId: string | null;
  eventId: string;
  eventCode: string;
  eventName: string;
  organisationName: string;
  teams: string[];
  venues: string[];
  roles: string[];
  firstDay: string;
  lastDay: string;
  shiftsWorked: number;
  workedMinutes: number;
  hoursWorked: number;
  issuedAt: Date;
  code: string;
  /** Public verification page, built on PUBLIC_URL. */
  verificationUrl: string;
  /** VALID or REVOKED (superseded records are never summarised). */
  status: GamesRecordStatus;
  /** The person hid it from their profile and CV. */
  hidden: boolean;
}

export interface RecordsForUsersOptions {
  /**
   * Also the revoked and hidden current records (for the person's own profile, which shows them
   * marked); by default only what others may be shown: valid and not hidden.
   */
  includeHiddenAndRevoked?: boolean;
}

const SUMMARY_COLUMNS = [
  'id',
  'staffMemberId',
  'eventId',
  'eventCode',
  'eventName',
  'organisationName',
  'teamNames',
  'venueNames',
  'roleTitles',
  'firstDay',
  'lastDay',
  'shiftsWorked',
  'workedMinutes',
  'issuedAt',
  'code',
  'hiddenAt',
  'revokedAt',
  'supersededAt',
] as const;

/** Reading records and the changes that are not reissues: revocation, hiding, erasure. */
@Injectable()
export class GamesRecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly queries: GamesRecordQueries,
    private readonly audit: AuditService,
    private readonly config: BatonConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Valid, non-hidden records of each of these accounts, newest first, in two statements for any
   * number of accounts (DataLoader-friendly). Revoked, superseded and hidden records are left out
   * unless `includeHiddenAndRevoked` (superseded ones always are).
   */
  async recordsForUsers(
    userIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
    options: RecordsForUsersOptions = {},
  ): Promise<Map<string, GamesRecordSummary[]>> {
    const staffByUser = await this.queries.staffIdsByUser(userIds, manager);
    const result = new Map<string, GamesRecordSummary[]>(userIds.map((id) => [id, []]));
    const userByStaff = new Map<string, string>();
    for (const [userId, staffIds] of staffByUser) for (const staffId of staffIds) userByStaff.set(staffId, userId);
    if (!userByStaff.size) return result;
    const rows = await manager
      .getRepository(GamesRecordEntity)
      .createQueryBuilder('r')
      // Everything a summary shows, not the signed token (5 kB a record) nor the subject's name.
      .select(SUMMARY_COLUMNS.map((c) => `r.${c}`))
      .where('r.staffMemberId IN (:...ids)', { ids: [...userByStaff.keys()] })
      .andWhere(options.includeHiddenAndRevoked ? 'r.supersededAt IS NULL' : 'r.revokedAt IS NULL AND r.supersededAt IS NULL AND r.hiddenAt IS NULL')
      .orderBy('r.issuedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
    for (const row of rows) result.get(userByStaff.get(row.staffMemberId!)!)?.push(this.summary(row));
    return result;
  }

  /** The person's own records, through every staff record linked to their account; superseded ones are left out. */
  async mine(actor: Actor): Promise<GamesRecordObject[]> {
    const staffIds = (await this.queries.staffIdsByUser([actor.userId])).get(actor.userId) ?? [];
    if (!staffIds.length) return [];
    const rows = (await this.queries
      .withLinks()
      .where('r.staffMemberId IN (:...ids)', { ids: staffIds })
      .andWhere('r.supersededAt IS NULL')
      .orderBy('r.issuedAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .getMany()) as LinkedRecord[];
    return rows.map((r) => toGamesRecordObject(r, this.config.http.publicUrl));
  }

  /** Records of an event, oldest issue first (organising committee). */
  list(eventId: string, page: PageArgs, filter: { status?: GamesRecordStatus; staffMemberId?: string } = {}): Promise<ConnectionShape<GamesRecordObject>> {
    const query = this.queries.withLinks().where('r.eventId = :eventId', { eventId });
    if (filter.staffMemberId) query.andWhere('r.staffMemberId = :staffMemberId', { staffMemberId: filter.staffMemberId });
    if (filter.status === GamesRecordStatus.SUPERSEDED) query.andWhere('r.supersededAt IS NOT NULL');
    if (filter.status === GamesRecordStatus.REVOKED) query.andWhere('r.supersededAt IS NULL AND r.revokedAt IS NOT NULL');
    if (filter.status === GamesRecordStatus.VALID) query.andWhere('r.supersededAt IS NULL AND r.revokedAt IS NULL');
    return paginate(
      query,
      page,
      [
        { column: 'r.issuedAt', value: (r) => r.issuedAt.toISOString() },
        { column: 'r.id', value: (r) => r.id },
      ],
      (r) => toGamesRecordObject(r as LinkedRecord, this.config.http.publicUrl),
    );
  }

  async get(id: string): Promise<GamesRecordObject> {
    const row = await this.queries.byId(id);
    if (!row) throw new NotFoundError('Games record', id);
    return toGamesRecordObject(row, this.config.http.publicUrl);
  }

  /** Withdraws a record; the reason is public. Revoking a revoked record changes nothing. */
  async revoke(actor: Actor, recordId: string, reasonInput: unknown): Promise<GamesRecordObject> {
    const reason = cleanReason(reasonInput);
    await this.transactions.run(async ({ manager }) => {
      const row = await this.lock(manager, recordId);
      if (row.supersededAt) throw new ConflictError('This record was reissued: revoke the record that replaced it', { supersededById: row.supersededById });
      if (row.revokedAt) return;
      await manager.getRepository(GamesRecordEntity).update({ id: row.id }, { revokedAt: this.clock.now(), revocationReason: reason });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'games_record.revoked',
        entityType: 'games_record',
        entityId: row.id,
        eventId: row.eventId,
        before: { status: GamesRecordStatus.VALID },
        after: { status: GamesRecordStatus.REVOKED },
        reason,
      });
    });
    return this.get(recordId);
  }

  /**
   * The subject hides or shows their own record on their profile. Someone else's record reads as
   * not found, so its existence is not confirmed.
   */
  async setHidden(actor: Actor, recordId: string, hidden: boolean): Promise<GamesRecordObject> {
    await this.transactions.run(async ({ manager }) => {
      const row = await this.lock(manager, recordId);
      const mine = (await this.queries.staffIdsByUser([actor.userId], manager)).get(actor.userId) ?? [];
      if (!row.staffMemberId || !mine.includes(row.staffMemberId)) throw new NotFoundError('Games record', recordId);
      if ((row.hiddenAt !== null) === hidden) return;
      await manager.getRepository(GamesRecordEntity).update({ id: row.id }, { hiddenAt: hidden ? this.clock.now() : null });
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: hidden ? 'games_record.hidden' : 'games_record.shown',
        entityType: 'games_record',
        entityId: row.id,
        eventId: row.eventId,
        before: { hidden: !hidden },
        after: { hidden },
      });
    });
    return this.get(recordId);
  }

  /**
   * For the erasure of a person, inside the privacy lib's transaction: every record of every
   * staff record linked to the account is revoked with `reason` (public) and loses its personal
   * parts (the name and the signed token, which carries the name). Verification then answers
   * REVOKED with the reason and date, and certifies nothing. Returns how many records it touched.
   */
  async revokeForUser(manager: EntityManager, userId: string, reasonInput: unknown, actorUserId: string | null = null): Promise<number> {
    const staffIds = (await this.queries.staffIdsByUser([userId], manager)).get(userId) ?? [];
    return this.revokeForStaff(manager, staffIds, reasonInput, actorUserId);
  }

  /** The same for staff records (a person who never had an account: the retention job). */
  async revokeForStaff(manager: EntityManager, staffIds: readonly string[], reasonInput: unknown, actorUserId: string | null = null): Promise<number> {
    const reason = cleanReason(reasonInput);
    if (!staffIds.length) return 0;
    const rows = await manager
      .getRepository(GamesRecordEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.staffMemberId IN (:...ids)', { ids: staffIds })
      .orderBy('r.id')
      .getMany();
    const now = this.clock.now();
    for (const row of rows) {
      await manager
        .getRepository(GamesRecordEntity)
        .update({ id: row.id }, { revokedAt: row.revokedAt ?? now, revocationReason: row.revocationReason ?? reason, subjectName: null, credentialJwt: null });
      await this.audit.record(manager, {
        actorUserId,
        action: 'games_record.erased',
        entityType: 'games_record',
        entityId: row.id,
        eventId: row.eventId,
        before: { revoked: row.revokedAt !== null },
        after: { revoked: true, personalDataRemoved: true },
        reason,
      });
    }
    return rows.length;
  }

  private async lock(manager: EntityManager, id: string): Promise<GamesRecordEntity> {
    const row = await manager.getRepository(GamesRecordEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
    if (!row) throw new NotFoundError('Games record', id);
    return row;
  }

  private summary(row: GamesRecordEntity): GamesRecordSummary {
    return {
      id: row.id,
      staffMemberId: row.staffMemberId,
      eventId: row.eventId,
      eventCode: row.eventCode,
      eventName: row.eventName,
      organisationName: row.organisationName,
      teams: row.teamNames,
      venues: row.venueNames,
      roles: row.roleTitles,
      firstDay: row.firstDay,
      lastDay: row.lastDay,
      shiftsWorked: row.shiftsWorked,
      workedMinutes: row.workedMinutes,
      hoursWorked: Number(formatHours(row.workedMinutes)),
      issuedAt: row.issuedAt,
      code: row.code,
      verificationUrl: verificationUrl(this.config.http.publicUrl, row.code),
      status: recordStatus(row),
      hidden: row.hiddenAt !== null,
    };
  }
}
