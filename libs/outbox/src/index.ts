/** Outbox: messages written with the change that causes them, delivered by a worker. */
export { OutboxModule } from './outbox.module';
export { OutboxService, type OutgoingMessage } from './outbox.service';
export { OutboxDelivery, OUTBOX_DELIVERY_JOB } from './outbox-delivery';
export { MessageTransport, LogTransport } from './message-transport';
export { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';
export { OutboxPermission, outboxPermissions } from './outbox.permissions';
