import { Injectable } from '@nestjs/common';
import { JobHandler } from '@baton/queue';
import { DataSource } from 'typeorm';
import { MessageTransport } from './message-transport';
import { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';

const MAX_ATTEMPTS = 5;

export const OUTBOX_DELIVERY_JOB = 'outbox.deliver';

/**
 * Delivers pending messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * instances can deliver at once without sending a message twice.
 */
@Injectable()
export class OutboxDelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
  ) {}

  /**
   * The scheduled job, every 2 s. A failed message is retried by the outbox's own backoff
   * (attempts, available_at), not by the queue: one bad address must not resend the whole batch.
   */
  @JobHandler(OUTBOX_DELIVERY_JOB, { schedule: { everySeconds: 2 }, retryLimit: 0, expireInSeconds: 120 })
  async deliverJob(): Promise<{ sent: number }> {
    return { sent: await this.deliverPending() };
  }

  /** Sends up to `batch` due messages; returns how many were sent. */
  async deliverPending(batch = 50): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('m')
        .where('m.status = :status AND m.available_at <= now()', { status: OutboxStatus.PENDING })
        .orderBy('m.available_at')
        .limit(batch)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let sent = 0;
      for (const message of due) {
        try {
          await this.transport.send(message);
          message.status = OutboxStatus.SENT;
          message.sentAt = new Date();
          sent++;
        } catch (error) {
          message.attempts += 1;
          message.lastError = (error as Error).message;
          message.status = message.attempts >= MAX_ATTEMPTS ? OutboxStatus.FAILED : OutboxStatus.PENDING;
          message.availableAt = new Date(Date.now() + 2 ** message.attempts * 1000);
        }
        await manager.getRepository(OutboxMessageEntity).save(message);
      }
      return sent;
    });
  }
}
