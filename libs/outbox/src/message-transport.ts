import { Injectable, Logger } from '@nestjs/common';
import { OutboxMessageEntity } from './outbox-message.entity';

/** Where messages really go. Production plugs an SMTP or API transport in here. */
export abstract class MessageTransport {
  abstract send(message: OutboxMessageEntity): Promise<void>;
}

/**
 * The development "mailer": it logs the message and leaves it in the outbox table, where
 * tests, the demo and admins (outboxMessages query) can read it.
 */
@Injectable()
export class LogTransport extends MessageTransport {
  private readonly logger = new Logger('Mailer');
  async send(message: OutboxMessageEntity): Promise<void> {
    this.logger.log({ to: message.recipient, subject: message.subject, template: message.template }, 'message delivered to the development log');
  }
}
