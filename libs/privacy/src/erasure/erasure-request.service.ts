import { Injectable } from '@nestjs/common';
import { AuditService } from '@baton/audit';
import { Actor } from '@baton/auth';
import { BadInputError, Clock, ConflictError, NotFoundError } from '@baton/core';
import { TransactionRunner } from '@baton/database';
import { ConnectionShape, PageArgs, paginate } from '@baton/graphql';
import { UserEntity } from '@baton/identity';
import { DataSource } from 'typeorm';
import { assertNotLastAdmin } from './admin-guard';
import { ErasureRequestEntity, ErasureRequestStatus } from './erasure-request.entity';
import { ErasureService } from './erasure.service';

const MAX_REASON = 500;

function cleanReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (!reason) throw BadInputError.field('reason', 'Give the reason or reference of the request', 'required');
  if (reason.length > MAX_REASON) throw BadInputError.field('reason', `At most ${MAX_REASON} characters`, 'maxLength');
  return reason;
}

/** Erasures run by an administrator: recorded first, executed after review, each step audited with ids only. */
@Injectable()
export class ErasureRequestService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly erasure: ErasureService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async request(actor: Actor, userId: string, reasonInput: unknown): Promise<ErasureRequestEntity> {
    const reason = cleanReason(reasonInput);
    return this.transactions.run(async ({ manager }) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('User', userId);
      if (user.email.endsWith('@erased.invalid')) throw new ConflictError('This person was already erased', { field: 'userId', reason: 'ALREADY_ERASED' });
      const repository = manager.getRepository(ErasureRequestEntity);
      const open = await repository.findOneBy({ userId, status: ErasureRequestStatus.PENDING });
      if (open)
        throw new ConflictError('An erasure request for this person is already open', { field: 'userId', reason: 'ALREADY_REQUESTED', requestId: open.id });
      const row = await repository.save(repository.create({ userId, reason, requestedById: actor.userId, requestedAt: this.clock.now() }));
      await this.audit.record(manager, {
        actorUserId: actor.userId,
        action: 'privacy.erasure_requested',
        entityType: 'erasure_request',
        entityId: row.id,
        after: { userId },
      });
      return row;
    });
  }

  async list(page: PageArgs, status?: ErasureRequestStatus): Promise<ConnectionShape<ErasureRequestEntity>> {
    const query = this.dataSource.getRepository(ErasureRequestEntity).createQueryBuilder('r');
    if (status) query.where('r.status = :status', { status });
    return paginate(
      query,
      page,
      [
        { column: 'r.requestedAt', value: (r) => r.requestedAt.toISOString() },
        { column: 'r.id', value: (r) => r.id },
      ],
      (r) => r,
    );
  }

  async execute(actor: Actor, id: string): Promise<ErasureRequestEntity> {
    return this.transactions.run(async ({ manager }) => {
      const repository = manager.getRepository(ErasureRequestEntity);
      const row = await repository.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
      if (!row) throw new NotFoundError('ErasureRequest', id);
      if (row.status === ErasureRequestStatus.EXECUTED) throw new ConflictError('This erasure request was already executed', { reason: 'ALREADY_EXECUTED' });
      await assertNotLastAdmin(manager, row.userId);
      await this.erasure.erase(manager, { userId: row.userId }, actor.userId, { action: 'privacy.erasure_executed', requestId: row.id });
      await repository.update({ id: row.id }, { status: ErasureRequestStatus.EXECUTED, executedById: actor.userId, executedAt: this.clock.now() });
      return repository.findOneByOrFail({ id: row.id });
    });
  }
}
