import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutgoingMessage {
  recipient: string;
  template: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
}

@Injectable()
export class OutboxService {
  /** Always inside the caller's transaction: the message exists if and only if the change does. */
  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<OutboxMessageEntity> {
    return manager.getRepository(OutboxMessageEntity).save(manager.getRepository(OutboxMessageEntity).create({ ...message, payload: message.payload ?? {} }));
  }
}
