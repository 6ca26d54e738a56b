import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BatonConfig } from '@baton/config';
import { PeriodicTask } from '@baton/core';
import { DataSource } from 'typeorm';
import { MessageTransport } from './message-transport';
import { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';

const MAX_ATTEMPTS = 5;

/**
 * Delivers pending messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several
 * instances can run this loop without sending a message twice.
 */
@Injectable()
export class OutboxDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxDelivery.name);
  private readonly task = new PeriodicTask(
    () => this.deliverPending(),
    2000,
    (error) => this.logger.warn(`outbox delivery failed: ${error.message}`),
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly config: BatonConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.backgroundJobs) return; // tests and the CLI call deliverPending() themselves, if at all
    this.task.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task.stop();
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
