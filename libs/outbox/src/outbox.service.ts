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

/** Rows per statement in enqueueMany: a few MB of parameters at most. */
const ENQUEUE_CHUNK = 2000;

@Injectable()
export class OutboxService {
  /** Always inside the caller's transaction: the message exists if and only if the change does. */
  async enqueue(manager: EntityManager, message: OutgoingMessage): Promise<OutboxMessageEntity> {
    return manager.getRepository(OutboxMessageEntity).save(manager.getRepository(OutboxMessageEntity).create({ ...message, payload: message.payload ?? {} }));
  }

  /**
   * Many messages in one INSERT … SELECT over arrays per chunk: closing an event invites thousands
   * of people, which must not cost one round trip each. Same transaction rule as `enqueue`.
   */
  async enqueueMany(manager: EntityManager, messages: readonly OutgoingMessage[]): Promise<number> {
    for (let i = 0; i < messages.length; i += ENQUEUE_CHUNK) {
      const chunk = messages.slice(i, i + ENQUEUE_CHUNK);
      await manager.query(
        `INSERT INTO outbox_messages (recipient, template, subject, body, payload)
         SELECT m.recipient, m.template, m.subject, m.body, p.payload
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS m(recipient, template, subject, body, n)
           JOIN jsonb_array_elements($5::jsonb) WITH ORDINALITY AS p(payload, n) USING (n)`,
        [
          chunk.map((m) => m.recipient),
          chunk.map((m) => m.template),
          chunk.map((m) => m.subject),
          chunk.map((m) => m.body),
          JSON.stringify(chunk.map((m) => m.payload ?? {})),
        ],
      );
    }
    return messages.length;
  }
}
